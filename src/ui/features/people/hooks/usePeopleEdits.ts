import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Conflict, PersonEntry, PersonKind, PersonValue } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

/** Adding, saving (If-Match; a 412 gives both versions) and removing people; the review is read again after. */
export function usePeopleEdits(reviewId: string) {
  const { people } = useGateways();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict<PersonValue> | null>(null);
  const refresh = () => invalidateReview(queryClient, reviewId);

  const add = useMutation({
    mutationFn: ({ kind, input }: { kind: PersonKind; input: Omit<PersonValue, 'id'> }) =>
      people.add(reviewId, kind, input),
    onSuccess: refresh,
  });
  const save = useMutation({
    mutationFn: ({ entry, next }: { entry: PersonEntry; next: PersonValue }) =>
      people.update(reviewId, entry, next),
    onSuccess: async (result) => {
      if (result.ok) {
        setConflict(null);
        await refresh();
      } else setConflict(result.conflict);
    },
  });
  const remove = useMutation({
    mutationFn: (entry: PersonEntry) => people.remove(reviewId, entry),
    onSuccess: async (result) => {
      if (result.ok) await refresh();
      else setConflict(result.conflict);
    },
  });
  return { add, save, remove, conflict, clearConflict: () => setConflict(null), refresh };
}
