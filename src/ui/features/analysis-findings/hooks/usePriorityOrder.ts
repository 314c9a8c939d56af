import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { prioritiseFinding } from '../../../../core/analysis/numbering';
import type { Finding } from '../../../../core/model/finding';
import type { Stored } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

/**
 * The findings' priority order (the number is the priority). A move shows the new order at once
 * while it is saved; if saving fails or meets someone else's change, the list is read again and
 * says so. `focusId` is the finding whose handle keeps the keyboard after a move.
 */
export function usePriorityOrder(reviewId: string, entries: readonly Stored<Finding>[]) {
  const { analysisFindings } = useGateways();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<Finding[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const [moveCount, setMoveCount] = useState(0);

  const mutation = useMutation({
    mutationFn: ({ id, position }: { id: string; position: number }) =>
      analysisFindings.prioritise(reviewId, entries, id, position),
    onSettled: async (result) => {
      setConflicted(result ? !result.ok : false);
      await invalidateReview(queryClient, reviewId);
      setShown(null);
    },
  });

  const order = shown ?? entries.map((e) => e.value);

  /** Moves a finding to a position (1 = the highest priority). */
  const moveTo = (id: string, position: number) => {
    if (mutation.isPending) return;
    const from = order.findIndex((f) => f.id === id);
    if (from < 0 || position < 1 || position > order.length || from === position - 1) return;
    const next = prioritiseFinding(order, id, position);
    const moved = next[position - 1]!;
    setShown(next);
    setFocusId(id);
    setMoveCount((n) => n + 1);
    setConflicted(false);
    setAnnouncement(`Finding "${moved.title}" is now priority ${position} of ${next.length}.`);
    mutation.mutate({ id, position });
  };

  return {
    order,
    moveTo,
    saving: mutation.isPending,
    error: mutation.error,
    conflicted,
    announcement,
    focusId,
    moveCount,
  };
}
