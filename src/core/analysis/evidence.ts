/**
 * Evidence both ways. An episode or a finding links to the conversations and artefacts (and a
 * finding to the episodes) that evidence it, and may cite them in its text; the reverse links are
 * worked out here, so an artefact shows the episodes and findings that cite it without anything
 * being stored twice.
 */
import type { Conversation } from '../model/conversation';
import type { Finding } from '../model/finding';
import type { KeyPracticeEpisode } from '../model/key-practice-episode';
import type { CaseGroupMember } from '../model/people';
import { citationLookup, citedTargets, type CitationLookup, type CitationTarget } from './citations';

export interface CitingItems {
  /** In number order. */
  episodes: KeyPracticeEpisode[];
  /** In number (priority) order. */
  findings: Finding[];
}

/** Who cites what, built once for a review's episodes and findings. */
export type EvidenceIndex = ReadonlyMap<string, CitingItems>;

const keyOf = (target: CitationTarget) => `${target.kind}:${target.id}`;

/** Every target one episode links to or cites in its text. */
function episodeTargets(episode: KeyPracticeEpisode): CitationTarget[] {
  return [
    ...episode.evidence.conversations.map((id) => ({ kind: 'conversation' as const, id })),
    ...episode.evidence.artefacts.map((id) => ({ kind: 'artefact' as const, id })),
    ...[episode.description, episode.appraisal, episode.explanation].flatMap((text) => citedTargets(text)),
  ].filter((target) => !(target.kind === 'kpe' && target.id === episode.id));
}

/** Every target one finding links to or cites in its text. */
function findingTargets(finding: Finding): CitationTarget[] {
  return [
    ...finding.evidence.keyPracticeEpisodes.map((id) => ({ kind: 'kpe' as const, id })),
    ...finding.evidence.conversations.map((id) => ({ kind: 'conversation' as const, id })),
    ...finding.evidence.artefacts.map((id) => ({ kind: 'artefact' as const, id })),
    ...[
      finding.title,
      finding.featuredInCase,
      finding.notPeculiar,
      finding.whyItMatters,
      ...finding.boardIssues,
      finding.boardResponse ?? '',
    ].flatMap((text) => citedTargets(text)),
  ];
}

export function evidenceIndex(
  episodes: readonly KeyPracticeEpisode[],
  findings: readonly Finding[],
): EvidenceIndex {
  const index = new Map<string, CitingItems>();
  const entry = (key: string) => {
    let found = index.get(key);
    if (!found) index.set(key, (found = { episodes: [], findings: [] }));
    return found;
  };
  for (const episode of [...episodes].sort((a, b) => a.number - b.number))
    for (const key of new Set(episodeTargets(episode).map(keyOf))) entry(key).episodes.push(episode);
  for (const finding of [...findings].sort((a, b) => a.number - b.number))
    for (const key of new Set(findingTargets(finding).map(keyOf))) entry(key).findings.push(finding);
  return index;
}

const NONE: CitingItems = { episodes: [], findings: [] };

/** The episodes and findings that cite a target, by a link or in their text. */
export const citedBy = (index: EvidenceIndex, target: CitationTarget): CitingItems =>
  index.get(keyOf(target)) ?? NONE;

/** "Conversation with Health visitor 1": by the participant's role label, never their name. */
export function conversationLabel(
  conversation: Pick<Conversation, 'participant'>,
  caseGroup: readonly Pick<CaseGroupMember, 'id' | 'label'>[],
): string {
  const member = caseGroup.find((m) => m.id === conversation.participant);
  return member
    ? `Conversation with ${member.label}`
    : 'Conversation with someone no longer in the case group';
}

/** A citation lookup over a review's current episodes, conversations and (when known) artefacts. */
export function reviewCitationLookup(review: {
  keyPracticeEpisodes: readonly Pick<KeyPracticeEpisode, 'id' | 'number'>[];
  conversations: readonly Pick<Conversation, 'id' | 'participant'>[];
  caseGroup: readonly Pick<CaseGroupMember, 'id' | 'label'>[];
  artefacts?: readonly { id: string; name: string }[];
}): CitationLookup {
  return citationLookup({
    episodes: review.keyPracticeEpisodes,
    conversations: review.conversations.map((c) => ({
      id: c.id,
      label: conversationLabel(c, review.caseGroup),
    })),
    artefacts: review.artefacts,
  });
}
