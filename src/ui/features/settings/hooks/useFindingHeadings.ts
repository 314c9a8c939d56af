/**
 * The partnership's finding section headings, kept on the review record: checked by the core's
 * schema, saved with If-Match (someone saving the record first comes back as a conflict to merge).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FindingHeadings } from '../../../../core/model/finding';
import type { Conflict, ReviewRecord, Stored } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

export type HeadingKey = keyof FindingHeadings;
export type HeadingErrors = Partial<Record<HeadingKey, string>>;

/** The core's messages by heading; empty when the headings are fine. */
export function checkHeadings(headings: FindingHeadings): HeadingErrors {
  const parsed = FindingHeadings.safeParse(headings);
  if (parsed.success) return {};
  const errors: HeadingErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as HeadingKey;
    errors[key] ??= issue.message;
  }
  return errors;
}

export function useSaveFindingHeadings(reviewId: string) {
  const { workspace } = useGateways();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict<ReviewRecord> | null>(null);
  const save = useMutation({
    mutationFn: ({ base, headings }: { base: Stored<ReviewRecord>; headings: FindingHeadings }) =>
      workspace.saveReviewRecord(reviewId, base, { ...base.value, findingHeadings: headings }),
    onSuccess: async (result) => {
      if (result.ok) {
        setConflict(null);
        await invalidateReview(queryClient, reviewId);
      } else setConflict(result.conflict);
    },
  });
  return { save, conflict, clearConflict: () => setConflict(null) };
}
