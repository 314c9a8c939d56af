import { useMemo } from 'react';
import type { Conversation } from '../../../../core/model/conversation';
import type { KeyPracticeEpisode } from '../../../../core/model/key-practice-episode';
import type { CaseGroupMember } from '../../../../core/model/people';
import { useReviewList } from '../../../data/review-queries';

/** What the screen names artefacts' links by: the case group, conversations, episodes, agencies. */
export interface ArtefactContext {
  caseGroup: CaseGroupMember[];
  conversations: Conversation[];
  episodes: KeyPracticeEpisode[];
  /** The review's agencies, then any the case group names, once each. */
  agencies: string[];
  /** Role labels and agencies the proposed names may use. */
  roleLabels: string[];
}

export function useArtefactContext(reviewId: string): ArtefactContext {
  const entries = useReviewList(reviewId, 'personEntries');
  const conversations = useReviewList(reviewId, 'conversations');
  const episodes = useReviewList(reviewId, 'keyPracticeEpisodes');
  const record = useReviewList(reviewId, 'record');
  return useMemo(() => {
    const caseGroup = (entries.data ?? []).flatMap((e) =>
      e.kind === 'caseGroupMember' ? [e.stored.value] : [],
    );
    const agencies = [
      ...new Set([...(record.data?.value.review.agencies ?? []), ...caseGroup.map((p) => p.agency)]),
    ];
    return {
      caseGroup,
      conversations: conversations.data ?? [],
      episodes: [...(episodes.data ?? [])].sort((a, b) => a.number - b.number),
      agencies,
      roleLabels: [...new Set([...caseGroup.map((p) => p.label), ...agencies])],
    };
  }, [entries.data, conversations.data, episodes.data, record.data]);
}

/** "Health visitor 1 (Megan Lloyd)": how a practitioner is offered in a choice. */
export const practitionerLabel = (p: Pick<CaseGroupMember, 'label' | 'name'>) => `${p.label} (${p.name})`;
