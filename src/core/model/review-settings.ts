/**
 * The review's settings, kept on its review record: the contributory factor framework (the
 * defaults with the partnership's own additions), the headings of a finding's sections, and the
 * prompts against hindsight and outcome bias shown beside a key practice episode's appraisal and
 * explanation. Each starts from the product's defaults and the partnership can change it.
 */
import { z } from 'zod';
import {
  ContributoryFactorFramework,
  DEFAULT_CONTRIBUTORY_FACTORS,
  hasContributoryFactor,
  type ContributoryFactor,
  type ContributoryFactorGroup,
} from '../analysis/contributory-factors';
import { DomainError } from '../errors';
import { englishList, findDuplicate, sameText } from '../phrasing';
import { shortText } from './common';
import { DEFAULT_FINDING_HEADINGS, FindingHeadings } from './finding';
import type { KeyPracticeEpisode } from './key-practice-episode';

export const HINDSIGHT_PROMPTS_MAX = 12;

/**
 * Questions that keep the analysis on what practice looked like at the time (the practitioner's
 * "local rationality"), not on what is known now that the outcome is known.
 */
export const DEFAULT_HINDSIGHT_PROMPTS: readonly string[] = [
  'What did the practitioner know at the time, and what could they not yet have known?',
  'What seemed most important to them then: what was at the front of their mind?',
  'What else was asking for their time and attention while this was happening?',
  'Which courses of action did they see as open to them, and why did the one they took make sense?',
];

export const HindsightPrompts = z
  .array(shortText('A prompt'))
  .max(HINDSIGHT_PROMPTS_MAX, `Keep the prompts to ${HINDSIGHT_PROMPTS_MAX} or fewer.`)
  .superRefine((prompts, ctx) => {
    const twice = findDuplicate(prompts);
    if (twice) ctx.addIssue({ code: 'custom', message: `The prompt "${twice}" is listed twice.` });
  });
export type HindsightPrompts = z.infer<typeof HindsightPrompts>;

export const ReviewSettings = z.object({
  contributoryFactors: ContributoryFactorFramework.default(DEFAULT_CONTRIBUTORY_FACTORS),
  findingHeadings: FindingHeadings.default(DEFAULT_FINDING_HEADINGS),
  hindsightPrompts: HindsightPrompts.default([...DEFAULT_HINDSIGHT_PROMPTS]),
});
export type ReviewSettings = z.infer<typeof ReviewSettings>;

export const defaultReviewSettings = (): ReviewSettings => ReviewSettings.parse({});

/**
 * What the partnership added to the default framework: its own groups, and its own factors in the
 * default groups (each group listed once, with only the added factors), for showing them apart.
 */
export function factorAdditions(framework: ContributoryFactorFramework): ContributoryFactorGroup[] {
  return framework.flatMap((group) => {
    const standard = DEFAULT_CONTRIBUTORY_FACTORS.find((d) => sameText(d.label, group.label));
    if (!standard) return [group];
    const added = group.factors.filter((f) => !standard.factors.some((s) => sameText(s, f)));
    return added.length > 0 ? [{ label: group.label, factors: added }] : [];
  });
}

/** Whether a factor is the partnership's own (may be renamed or removed) rather than the framework's. */
export const isPartnershipFactor = (group: string, factor: string): boolean =>
  !DEFAULT_CONTRIBUTORY_FACTORS.some(
    (d) => sameText(d.label, group) && d.factors.some((f) => sameText(f, factor)),
  );

/**
 * The framework without one of the partnership's own factors. The framework's own factors stay, and
 * a factor that an episode cites stays until no episode cites it.
 */
export function removeContributoryFactor(
  framework: ContributoryFactorFramework,
  removed: ContributoryFactor,
  episodes: readonly Pick<KeyPracticeEpisode, 'number' | 'factors'>[],
): ContributoryFactorFramework {
  const { group, factor } = removed;
  if (!hasContributoryFactor(framework, removed))
    throw new DomainError(`"${factor}" is not a factor in "${group}".`);
  if (!isPartnershipFactor(group, factor))
    throw new DomainError(`"${factor}" is part of the method's framework and cannot be removed.`);
  const citing = episodes
    .filter((e) => e.factors.some((f) => sameText(f.group, group) && sameText(f.factor, factor)))
    .map((e) => `KPE ${e.number}`);
  if (citing.length > 0)
    throw new DomainError(
      `"${factor}" cannot be removed while ${englishList(citing, 'and')} ${citing.length === 1 ? 'cites' : 'cite'} it.`,
    );
  return framework.map((g) =>
    sameText(g.label, group) ? { ...g, factors: g.factors.filter((f) => !sameText(f, factor)) } : g,
  );
}
