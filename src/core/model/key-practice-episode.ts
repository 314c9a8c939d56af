/**
 * A key practice episode (KPE): a significant episode, possibly spanning a period, with an appraisal
 * of practice and an explanation in terms of contributory factors.
 */
import { z } from 'zod';
import {
  ContributoryFactor,
  hasContributoryFactor,
  type ContributoryFactorFramework,
} from '../analysis/contributory-factors';
import { controlCharacterIssues } from '../analysis/typed-text';
import { formatDate } from '../dates';
import { parseOrThrow, ValidationError, type FieldIssue } from '../errors';
import {
  choice,
  dateRange,
  draftText,
  EvidenceLinks,
  Id,
  longText,
  positiveWholeNumber,
  shortText,
} from './common';
import type { CaseGroupMember } from './people';

export const VALENCE_LABELS = {
  good: 'Good practice',
  problematic: 'Problematic practice',
  mixed: 'Mixed',
} as const;

export const Valence = choice('Whether practice was good, problematic or mixed', VALENCE_LABELS);
export type Valence = z.infer<typeof Valence>;

export const KeyPracticeEpisode = z.object({
  id: Id,
  number: positiveWholeNumber('The episode number'),
  title: shortText('The episode title'),
  /** A single day (start and end the same) or a span, both ends included. */
  period: dateRange('The episode'),
  description: longText('The description of the episode'),
  agencies: z.array(shortText('An agency')).default([]),
  /** Case group members involved, by id. */
  people: z.array(Id).default([]),
  valence: Valence,
  /** Practice judged against guidance, law and research, minimising hindsight and outcome bias. */
  appraisal: draftText('The appraisal'),
  /** Why practice made sense at the time, in terms of contributory factors. */
  explanation: draftText('The explanation'),
  factors: z.array(ContributoryFactor).default([]),
  evidence: EvidenceLinks.prefault({}),
});
export type KeyPracticeEpisode = z.infer<typeof KeyPracticeEpisode>;

/** "21 June 2026" for a single day; "10 November 2025 to 20 January 2026" for a span. */
export const formatPeriod = (period: KeyPracticeEpisode['period']): string =>
  period.start === period.end
    ? formatDate(period.start)
    : `${formatDate(period.start)} to ${formatDate(period.end)}`;

/** What a reader sees for a case group member who has since been removed from the review. */
export const REMOVED_PERSON = 'Someone no longer in the case group';

/** The case group members involved, by their role labels ("Social worker 1"), in the order chosen. */
export function peopleInvolved(
  episode: Pick<KeyPracticeEpisode, 'people'>,
  caseGroup: readonly Pick<CaseGroupMember, 'id' | 'label'>[],
): string[] {
  const labels = new Map(caseGroup.map((member) => [member.id, member.label]));
  return episode.people.map((id) => labels.get(id) ?? REMOVED_PERSON);
}

/** What an episode's references must resolve against when it is saved. */
export interface EpisodeContext {
  contributoryFactors: ContributoryFactorFramework;
  caseGroup: readonly Pick<CaseGroupMember, 'id'>[];
  conversations: readonly { id: string }[];
  /** The artefacts of the review's library, when known: unknown artefacts are refused. */
  artefacts?: readonly { id: string }[];
}

/**
 * An episode as an editor would save it: the schema's checks, then every reference against the
 * review (factors in the framework, people in the case group, conversations and artefacts that
 * exist), and no text holding a control character. Throws a ValidationError listing each problem
 * beside its field; nothing is saved.
 */
export function checkKeyPracticeEpisode(input: unknown, context: EpisodeContext): KeyPracticeEpisode {
  let episode: KeyPracticeEpisode;
  try {
    episode = parseOrThrow(KeyPracticeEpisode, input, 'The key practice episode');
  } catch (error) {
    // Control characters are said at once with the schema's problems, each beside its field.
    const controls = controlCharacterIssues(input);
    if (!(error instanceof ValidationError) || controls.length === 0) throw error;
    throw new ValidationError('The key practice episode', [...error.issues, ...controls]);
  }
  const issues: FieldIssue[] = controlCharacterIssues(episode);
  episode.factors.forEach((factor, i) => {
    if (!hasContributoryFactor(context.contributoryFactors, factor))
      issues.push({
        field: `factors.${i}`,
        message: `"${factor.group}: ${factor.factor}" is not in the review's contributory factors. Choose one from the list, or add it to the review's settings first.`,
      });
  });
  const known = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));
  const check = (ids: readonly string[], among: Set<string>, field: string, message: string) =>
    ids.forEach((id, i) => {
      if (!among.has(id)) issues.push({ field: `${field}.${i}`, message });
    });
  check(
    episode.people,
    known(context.caseGroup),
    'people',
    'One of the people involved is not in the case group.',
  );
  check(
    episode.evidence.conversations,
    known(context.conversations),
    'evidence.conversations',
    'The evidence cites a conversation that is not in this review.',
  );
  if (context.artefacts)
    check(
      episode.evidence.artefacts,
      known(context.artefacts),
      'evidence.artefacts',
      'The evidence cites a document that is not in the review’s library.',
    );
  if (issues.length > 0) throw new ValidationError('The key practice episode', issues);
  return episode;
}
