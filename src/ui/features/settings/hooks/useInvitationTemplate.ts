/**
 * The invitation template's save: the gateway checks it with the identity register's matcher
 * before writing. A refusal (the kind of identifier found) and a conflict (someone saved the review
 * record first: 412) are kept for the screen; anything else is a problem.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InvitationTemplate } from '../../../../core/scheduling/invitation-template';
import type { ReviewRecord, Stored } from '../../../../graph/workspace';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';

export interface TemplateConflict {
  mine: InvitationTemplate;
  theirs?: Stored<ReviewRecord>;
}

export function useSaveInvitationTemplate(reviewId: string) {
  const { invitationTemplate } = useGateways();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [conflict, setConflict] = useState<TemplateConflict | null>(null);
  const save = useMutation({
    mutationFn: ({ base, template }: { base: Stored<ReviewRecord>; template: InvitationTemplate }) =>
      invitationTemplate.save(reviewId, base, template),
    onMutate: () => setRefusal(null),
    onSuccess: async (outcome, { template }) => {
      if (!outcome.ok) return setRefusal(outcome.reason);
      if (!outcome.result.ok) return setConflict({ mine: template, theirs: outcome.result.conflict.theirs });
      setConflict(null);
      await invalidateReview(queryClient, reviewId);
    },
  });
  return { save, refusal, conflict, clearConflict: () => setConflict(null) };
}
