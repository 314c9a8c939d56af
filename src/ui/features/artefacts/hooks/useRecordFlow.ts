import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { GatewayError } from '../../../../core/failures';
import type {
  LibraryArtefact,
  RecordMove,
  RecordPractitioner,
} from '../../../../graph/artefacts/screen-gateway';
import { useGateways } from '../../../data/gateways';
import { invalidateReview } from '../../../data/review-queries';
import { describeProblem, type Problem } from '../../../shell/problems';
import { artefactKeys } from './useLibrary';

/**
 * The conversation record's flow: who it is shared with (read for this version of the file), and
 * the moves send, amend and agree through the gateway (the core's lifecycle decides what may move).
 */
export function useRecordFlow(reviewId: string, referenceCode: string, record: LibraryArtefact) {
  const { artefacts } = useGateways();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<(Problem & { externalSharing?: boolean }) | null>(null);
  const sharedWith = useQuery({
    queryKey: artefactKeys.sharedWith(reviewId, record.id, record.eTag),
    queryFn: () => artefacts.sharedWith(reviewId, record),
  });
  const move = useMutation({
    mutationFn: ({ to, practitioner }: { to: RecordMove; practitioner: RecordPractitioner }) =>
      artefacts.moveRecord(reviewId, referenceCode, record, to, practitioner),
    onMutate: () => setProblem(null),
    onSuccess: () => invalidateReview(queryClient, reviewId),
    onError: (error) => {
      if (error instanceof GatewayError && error.reason === 'external-sharing-forbidden')
        setProblem({ title: '', detail: '', externalSharing: true });
      else setProblem(describeProblem(error));
    },
  });
  return { sharedWith, move, problem };
}
