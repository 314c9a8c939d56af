import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DomainError } from '../../../../core/failures';
import { transitionStage, type ReviewStage } from '../../../../core/review/stage';
import type { Conflict, ReviewRecord, Stored } from '../../../../graph/workspace';
import { invalidateReview } from '../../../data/review-queries';
import { useGateways } from '../../../data/gateways';

/**
 * Moving the review's stage on: the core's transition decides (its plain-English refusal is
 * shown as it is), the store saves with If-Match, and a 412 opens the merge view with both versions.
 */
export function useStageMove(reviewId: string, record: Stored<ReviewRecord>) {
  const { workspace } = useGateways();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict<ReviewRecord> | null>(null);

  const save = useMutation({
    mutationFn: ({ base, next }: { base: Stored<ReviewRecord>; next: ReviewRecord }) =>
      workspace.saveReviewRecord(reviewId, base, next),
    onSuccess: async (result) => {
      if (result.ok) {
        setConflict(null);
        await invalidateReview(queryClient, reviewId);
      } else setConflict(result.conflict);
    },
  });

  const moveTo = (to: ReviewStage) => {
    setRefusal(null);
    save.reset();
    let next;
    try {
      next = transitionStage(record.value.review, to);
    } catch (error) {
      if (error instanceof DomainError) {
        setRefusal(error.message);
        return;
      }
      throw error;
    }
    save.mutate({ base: record, next: { ...record.value, review: next } });
  };

  /** Saves the merged version over theirs (their eTag is now the base). */
  const saveMerged = (merged: ReviewRecord) => {
    if (!conflict?.theirs) {
      save.mutate({ base: record, next: merged });
      return;
    }
    save.mutate({ base: conflict.theirs, next: merged });
  };

  const keepTheirs = async () => {
    setConflict(null);
    save.reset();
    await invalidateReview(queryClient, reviewId);
  };

  return { moveTo, refusal, conflict, saveMerged, keepTheirs, saving: save.isPending, error: save.error };
}
