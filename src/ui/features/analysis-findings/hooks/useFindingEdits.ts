import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Finding, FindingStatus } from '../../../../core/model/finding';
import type { Conflict, FindingDraft, FindingRules, Stored } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

/**
 * Writing one finding: create, save and status moves, each pessimistic (the eTag decides). The
 * version last read or saved is kept here, so that a second save builds on the first; a 412 gives
 * both versions for the merge view, and what was typed stays in the form whatever fails.
 */
export function useFindingEdits(reviewId: string, opened: Stored<Finding> | undefined) {
  const { analysisFindings } = useGateways();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(opened);
  const [conflict, setConflict] = useState<Conflict<Finding> | null>(null);
  const refresh = () => invalidateReview(queryClient, reviewId);

  const settle = async (
    result: { ok: true; item: Stored<Finding> } | { ok: false; conflict: Conflict<Finding> },
  ) => {
    if (result.ok) {
      setBase(result.item);
      setConflict(null);
    } else setConflict(result.conflict);
    await refresh();
  };

  const create = useMutation({
    mutationFn: ({
      draft,
      existing,
    }: {
      draft: FindingDraft;
      existing: readonly Pick<Finding, 'number'>[];
    }) => analysisFindings.createFinding(reviewId, draft, existing),
    onSuccess: async (item) => {
      setBase(item);
      await refresh();
    },
  });
  const save = useMutation({
    mutationFn: ({ from, next }: { from: Stored<Finding>; next: Finding }) =>
      analysisFindings.saveFinding(reviewId, from, next),
    onSuccess: settle,
  });
  const move = useMutation({
    mutationFn: ({
      from,
      next,
      to,
      rules,
    }: {
      from: Stored<Finding>;
      next: Finding;
      to: FindingStatus;
      rules: FindingRules;
    }) => analysisFindings.moveFinding(reviewId, from, next, to, rules),
    onSuccess: settle,
  });
  /** After a conflict: the merged version saved over theirs (its status as merged). */
  const saveMerged = useMutation({
    mutationFn: ({
      theirs,
      merged,
      rules,
    }: {
      theirs: Stored<Finding>;
      merged: Finding;
      rules: FindingRules;
    }) =>
      merged.status === theirs.value.status
        ? analysisFindings.saveFinding(reviewId, theirs, merged)
        : analysisFindings.moveFinding(reviewId, theirs, merged, merged.status, rules),
    onSuccess: settle,
  });
  const remove = useMutation({
    mutationFn: ({ from, entries }: { from: Stored<Finding>; entries: readonly Stored<Finding>[] }) =>
      analysisFindings.deleteFinding(reviewId, from, entries),
    onSuccess: async (result) => {
      if (!result.ok) setConflict(result.conflict);
      await refresh();
    },
  });

  return {
    base,
    conflict,
    create,
    save,
    move,
    saveMerged,
    remove,
    /** "Keep theirs": the form starts again from their version. */
    takeTheirs: () => {
      if (conflict?.theirs) setBase(conflict.theirs);
      setConflict(null);
    },
  };
}
