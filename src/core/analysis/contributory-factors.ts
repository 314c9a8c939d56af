/**
 * Contributory factors (SCIE Guide 24, appendix 5) as a two-level list: group -> factors.
 * The default holds the groups and factors DOMAIN.md names; a partnership extends it with its own.
 * Labels match whatever their case, so "workload" cites "Workload".
 */
import { z } from 'zod';
import { DomainError, parseOrThrow } from '../errors';
import { shortText } from '../model/common';
import { findDuplicate, sameText } from '../phrasing';

export const ContributoryFactorGroup = z.object({
  label: shortText('Factor group'),
  factors: z.array(shortText('Contributory factor')).default([]),
});
export type ContributoryFactorGroup = z.infer<typeof ContributoryFactorGroup>;

export const ContributoryFactorFramework = z.array(ContributoryFactorGroup).superRefine((groups, ctx) => {
  const group = findDuplicate(groups.map((g) => g.label));
  if (group) ctx.addIssue({ code: 'custom', message: `The factor group "${group}" is listed twice.` });
  for (const g of groups) {
    const factor = findDuplicate(g.factors);
    if (factor) ctx.addIssue({ code: 'custom', message: `"${factor}" is listed twice in "${g.label}".` });
  }
});
export type ContributoryFactorFramework = z.infer<typeof ContributoryFactorFramework>;

/** A citation of one factor of the framework, as a key practice episode's explanation makes. */
export const ContributoryFactor = z.object({
  group: shortText('Factor group'),
  factor: shortText('Contributory factor'),
});
export type ContributoryFactor = z.infer<typeof ContributoryFactor>;

export const DEFAULT_CONTRIBUTORY_FACTORS: ContributoryFactorFramework = [
  { label: 'Family', factors: [] },
  { label: "Practitioner's own role", factors: [] },
  { label: 'Conditions of work', factors: ['Workload', 'Staffing', 'Admin support', 'Supervision', 'IT'] },
  { label: 'Personal', factors: ['Knowledge', 'Skills', 'Mindset', 'Reasoning', 'Fatigue'] },
  { label: 'Own team', factors: [] },
  { label: 'Inter-agency team', factors: [] },
  { label: 'Organisational culture and management', factors: [] },
  { label: 'Wider political and policy context', factors: [] },
  { label: 'Other', factors: [] },
];

const findGroup = (framework: ContributoryFactorFramework, label: string) =>
  framework.find((group) => sameText(group.label, label));

/** Whether the framework has the factor; the check every citation must pass. */
export const hasContributoryFactor = (
  framework: ContributoryFactorFramework,
  cited: ContributoryFactor,
): boolean =>
  findGroup(framework, cited.group)?.factors.some((factor) => sameText(factor, cited.factor)) ?? false;

/** A new framework with one more group (empty, to fill with addContributoryFactor). */
export function addFactorGroup(
  framework: ContributoryFactorFramework,
  label: string,
): ContributoryFactorFramework {
  const group = parseOrThrow(ContributoryFactorGroup.shape.label, label, 'The factor group');
  if (findGroup(framework, group))
    throw new DomainError(`There is already a factor group called "${group}".`);
  return [...framework, { label: group, factors: [] }];
}

/** A new framework with one more factor in an existing group. */
export function addContributoryFactor(
  framework: ContributoryFactorFramework,
  added: ContributoryFactor,
): ContributoryFactorFramework {
  const { group, factor } = parseOrThrow(ContributoryFactor, added, 'The contributory factor');
  if (!findGroup(framework, group))
    throw new DomainError(`There is no factor group called "${group}". Add the group first.`);
  if (hasContributoryFactor(framework, { group, factor }))
    throw new DomainError(`"${factor}" is already a factor in "${group}".`);
  return framework.map((g) => (sameText(g.label, group) ? { ...g, factors: [...g.factors, factor] } : g));
}
