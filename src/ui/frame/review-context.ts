import { createContext, useContext } from 'react';
import type { ReviewTeam } from '../../graph/workspace';
import type { HostContext } from '../../hosts/host-context';

export interface FrameContextValue {
  review: ReviewTeam;
  host: HostContext;
  /** Wide (a tab) or narrow (a side panel, the task pane). */
  narrow: boolean;
  /** The person has moved to another screen since the frame opened (a deep link or reload has not). */
  navigated: boolean;
}

export const FrameContext = createContext<FrameContextValue | null>(null);

/** The review the screens show, and where the page runs. */
export function useFrame(): FrameContextValue {
  const value = useContext(FrameContext);
  if (!value) throw new Error('useFrame is used outside the review frame');
  return value;
}
