import { useSyncExternalStore } from 'react';

/** The frame's one breakpoint: a Teams side panel or the Word task pane is 320–450 px. */
export const NARROW_QUERY = '(max-width: 600px)';

export function useNarrow(query = NARROW_QUERY): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
