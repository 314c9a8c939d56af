import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { ArtefactsGateway } from '../../graph/workspace';
import { invalidateReview } from './review-queries';
import { isRunning, summariseUploads, UploadQueue, type UploadItem } from './upload-queue';

const UploadQueueContext = createContext<UploadQueue | null>(null);

/**
 * The page's upload queue, above every route: it lives as long as the signed-in gateways (the
 * data layer), so leaving the Artefacts screen neither stops an upload nor loses its card. While
 * anything is being sent, closing or reloading the page asks first (the browser's own prompt).
 */
export function UploadQueueProvider({
  artefacts,
  children,
}: {
  artefacts: ArtefactsGateway;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [queue] = useState(() => new UploadQueue(artefacts, (id) => invalidateReview(queryClient, id)));
  const items = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const sending = items.some(isRunning);
  useEffect(() => {
    if (!sending) return;
    // The browser shows its own words; a page cannot choose them (and should not name the file).
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sending]);
  // Signed out or switched person: what this sign-in was sending stops.
  useEffect(() => () => void queue.cancelAll(), [queue]);
  return <UploadQueueContext.Provider value={queue}>{children}</UploadQueueContext.Provider>;
}

export function useUploadQueue(): UploadQueue {
  const queue = useContext(UploadQueueContext);
  if (!queue) throw new Error('useUploadQueue is used outside UploadQueueProvider');
  return queue;
}

/** One review's uploads, live. */
export function useReviewUploads(reviewId: string): { queue: UploadQueue; items: UploadItem[] } {
  const queue = useUploadQueue();
  const all = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const items = useMemo(() => all.filter((i) => i.reviewId === reviewId), [all, reviewId]);
  return { queue, items };
}

/** What the frame says about one review's uploads. */
export function useUploadSummary(reviewId: string) {
  const { items } = useReviewUploads(reviewId);
  return useMemo(() => summariseUploads(items), [items]);
}
