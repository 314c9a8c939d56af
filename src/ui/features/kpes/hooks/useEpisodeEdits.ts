import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import type { Conflict, EpisodeInput, Stored } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

/**
 * Adding, saving (If-Match: a 412 gives both versions for the merge view), removing and moving
 * episodes; the review is read again after each, so every screen shows the new numbers.
 */
export function useEpisodeEdits(reviewId: string) {
  const { episodes } = useGateways();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict<KeyPracticeEpisode> | null>(null);
  const refresh = () => invalidateReview(queryClient, reviewId);

  const add = useMutation({
    mutationFn: (input: EpisodeInput) => episodes.add(reviewId, input),
    onSuccess: refresh,
  });
  const save = useMutation({
    mutationFn: ({ base, next }: { base: Stored<KeyPracticeEpisode>; next: KeyPracticeEpisode }) =>
      episodes.save(reviewId, base, next),
    onSuccess: async (result) => {
      if (result.ok) {
        setConflict(null);
        await refresh();
      } else setConflict(result.conflict);
    },
  });
  const remove = useMutation({
    mutationFn: (base: Stored<KeyPracticeEpisode>) => episodes.remove(reviewId, base),
    onSuccess: async (result) => {
      if (result.ok) await refresh();
      else setConflict(result.conflict);
    },
  });
  const move = useMutation({
    mutationFn: ({ id, position }: { id: string; position: number }) => episodes.move(reviewId, id, position),
    onSettled: refresh,
  });
  return { add, save, remove, move, conflict, clearConflict: () => setConflict(null), refresh };
}
