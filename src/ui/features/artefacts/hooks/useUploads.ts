import { useEffect } from 'react';
import type { UploadRules } from '../../../../graph/artefacts/screen-gateway';
import { useReviewUploads } from '../../../data/uploads';
import type { UploadFields } from '../../../data/upload-queue';

export type { UploadFields, UploadItem, UploadPhase } from '../../../data/upload-queue';

/**
 * The review's uploads as the Artefacts screen shows them. They are held by the page's upload
 * queue (ui/data/upload-queue.ts), not by this screen: one started here goes on when the person
 * moves to another screen, and its card, progress and outcome are here again when they come back.
 * What this screen shows is thereby seen: the frame stops pointing to it.
 */
export function useUploads(
  review: { id: string; reference: string },
  rules: UploadRules | undefined,
  /** The cards are on screen (the library's page, not one artefact's). */
  shown: boolean,
) {
  const { queue, items } = useReviewUploads(review.id);
  useEffect(() => {
    if (shown) queue.markSeen(review.id);
  }, [queue, review.id, items, shown]);
  return {
    items,
    addFiles: (files: Iterable<File>) => (rules ? queue.add(review, rules, files) : []),
    setField: (key: string, field: keyof Omit<UploadFields, 'nameEdited'>, value: string) =>
      queue.setField(key, field, value),
    start: (key: string, conflict?: 'rename' | 'replace') => queue.start(key, conflict),
    cancel: (key: string) => queue.cancel(key),
    remove: (key: string) => queue.remove(key),
  };
}
