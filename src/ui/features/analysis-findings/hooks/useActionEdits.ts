import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BoardAction, BoardActionStatus } from '../../../../core/model/board-action';
import type { Finding } from '../../../../core/model/finding';
import type { BoardActionDraft, Conflict, Stored } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

/** The Board's actions: added (an action without an owner is refused), moved, removed; If-Match throughout. */
export function useActionEdits(reviewId: string) {
  const { analysisFindings } = useGateways();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict<BoardAction> | null>(null);
  const refresh = () => invalidateReview(queryClient, reviewId);
  const settle = async (result: { ok: boolean; conflict?: Conflict<BoardAction> }) => {
    setConflict(result.ok ? null : (result.conflict ?? null));
    await refresh();
  };

  const add = useMutation({
    mutationFn: ({
      draft,
      findings,
    }: {
      draft: BoardActionDraft;
      findings: readonly Pick<Finding, 'id'>[];
    }) => analysisFindings.addAction(reviewId, draft, findings),
    onSuccess: refresh,
  });
  const move = useMutation({
    mutationFn: ({ base, to }: { base: Stored<BoardAction>; to: BoardActionStatus }) =>
      analysisFindings.moveAction(reviewId, base, to),
    onSuccess: settle,
  });
  const remove = useMutation({
    mutationFn: (base: Stored<BoardAction>) => analysisFindings.removeAction(reviewId, base),
    onSuccess: settle,
  });
  return { add, move, remove, conflict, clearConflict: () => setConflict(null) };
}
