/**
 * A finding: one systemic pattern, in the shape of published SCIE-model reports. Its four sections
 * carry headings the partnership can reword; it is agreed only once every section is written.
 */
import { z } from 'zod';
import { PatternCategory } from '../analysis/typology';
import { DomainError } from '../errors';
import { defineLifecycle } from '../lifecycle';
import { englishList } from '../phrasing';
import { choice, draftText, EvidenceLinks, Id, longText, positiveWholeNumber, shortText } from './common';

export const FindingHeadings = z.object({
  featuredInCase: shortText('The heading of the first section'),
  notPeculiar: shortText('The heading of the second section'),
  whyItMatters: shortText('The heading of the third section'),
  boardIssues: shortText('The heading of the fourth section'),
});
export type FindingHeadings = z.infer<typeof FindingHeadings>;

export const DEFAULT_FINDING_HEADINGS: FindingHeadings = {
  featuredInCase: 'How did the issue feature in this case?',
  notPeculiar: 'How do we know it is not peculiar to this case?',
  whyItMatters: 'Why does it matter?',
  boardIssues: 'Issues for the Board to consider',
};

export const FINDING_KIND_LABELS = {
  constructive: 'Constructive: makes good practice more likely',
  unsafe: 'Unsafe: makes poor practice more likely',
} as const;

export const FindingKind = choice('Whether the pattern is constructive or unsafe', FINDING_KIND_LABELS);
export type FindingKind = z.infer<typeof FindingKind>;

export const FINDING_STATUS_LABELS = {
  draft: 'Draft',
  agreed: 'Agreed',
  'in-report': 'In the report',
} as const;

export const FindingStatus = choice('The finding status', FINDING_STATUS_LABELS);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const Finding = z.object({
  id: Id,
  number: positiveWholeNumber('The finding number'),
  /** One sentence stating the systemic pattern. */
  title: shortText('The finding title'),
  category: PatternCategory,
  kind: FindingKind,
  status: FindingStatus.default('draft'),
  featuredInCase: draftText(`The section "${DEFAULT_FINDING_HEADINGS.featuredInCase}"`),
  notPeculiar: draftText(`The section "${DEFAULT_FINDING_HEADINGS.notPeculiar}"`),
  whyItMatters: draftText(`The section "${DEFAULT_FINDING_HEADINGS.whyItMatters}"`),
  /** Questions for the Board, in place of SMART recommendations. */
  boardIssues: z.array(longText('An issue for the Board')).default([]),
  evidence: EvidenceLinks.extend({ keyPracticeEpisodes: z.array(Id).default([]) }).prefault({}),
});
export type Finding = z.infer<typeof Finding>;

export const findingLifecycle = defineLifecycle<FindingStatus>({
  subject: 'finding',
  labels: FINDING_STATUS_LABELS,
  moves: {
    draft: ['agreed'],
    agreed: ['in-report', 'draft'],
    'in-report': ['agreed', 'draft'],
  },
});

const SECTIONS = ['featuredInCase', 'notPeculiar', 'whyItMatters', 'boardIssues'] as const;

/** The finding at its new status; agreeing needs every section written (named by the partnership's headings). */
export function transitionFinding(
  finding: Finding,
  to: FindingStatus,
  headings: FindingHeadings = DEFAULT_FINDING_HEADINGS,
): Finding {
  findingLifecycle.check(finding.status, to);
  if (to === 'agreed') {
    const missing = SECTIONS.filter((section) => finding[section].length === 0);
    if (missing.length > 0)
      throw new DomainError(
        `Finding ${finding.number} cannot be agreed until every section is written. Still to write: ${englishList(
          missing.map((section) => `"${headings[section]}"`),
          'and',
        )}.`,
      );
  }
  return { ...finding, status: to };
}
