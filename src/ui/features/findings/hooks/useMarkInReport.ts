import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Finding } from '../../../../core/model/finding';
import type { Conflict, Stored } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

/**
 * Once findings are in the document, their status moves to "in the report" through the core's
 * lifecycle and the store (If-Match): a 412 stops there and gives both versions for the merge view.
 */
export function useMarkInReport(reviewId: string) {
  const { findings } = useGateways();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict<Finding> | null>(null);
  const refresh = () => invalidateReview(queryClient, reviewId);

  const mark = useMutation({
    mutationFn: async (entries: readonly Stored<Finding>[]) => {
      // One write per finding inserted (a user action inserts one, or the agreed ones once).
      for (const base of entries) {
        if (base.value.status !== 'agreed') continue;
        const result = await findings.transition(reviewId, base, 'in-report');
        if (!result.ok) return result.conflict;
      }
      return null;
    },
    onSuccess: async (found) => {
      setConflict(found);
      await refresh();
    },
  });
  const save = useMutation({
    mutationFn: ({ base, next }: { base: Stored<Finding>; next: Finding }) =>
      findings.save(reviewId, base, next),
    onSuccess: async (result) => {
      setConflict(result.ok ? null : result.conflict);
      await refresh();
    },
  });
  return { mark, save, conflict, clearConflict: () => setConflict(null) };
}
