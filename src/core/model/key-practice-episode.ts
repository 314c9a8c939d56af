/**
 * A key practice episode (KPE): a significant episode, possibly spanning a period, with an appraisal
 * of practice and an explanation in terms of contributory factors.
 */
import { z } from 'zod';
import { ContributoryFactor } from '../analysis/contributory-factors';
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
