/**
 * A finding: one systemic pattern, in the shape of published SCIE-model reports. Its four sections
 * carry headings the partnership can reword; it is agreed only once every section is written.
 */
import { z } from 'zod';
import { danglingCitations, type CitationLookup } from '../analysis/citations';
import { PatternCategory } from '../analysis/typology';
import { DomainError } from '../errors';
import { defineLifecycle } from '../lifecycle';
import { englishList } from '../phrasing';
import {
  choice,
  draftText,
  EvidenceLinks,
  Id,
  keysOf,
  longText,
  positiveWholeNumber,
  shortText,
} from './common';

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

/**
 * The method's checks on a finding, in order: drafted by the lead reviewers, tested with the review
 * team, then with the case group (in the joint meetings), agreed, and placed in the overview report
 * (set by the Word pane when it inserts the finding).
 */
export const FINDING_STATUS_LABELS = {
  draft: 'Draft',
  'tested-review-team': 'Tested with the review team',
  'tested-case-group': 'Tested with the case group',
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
  /**
   * The Board's response to the finding, written once the Board has received the report. Parsing
   * always gives text ('' until written); optional in the type so that a finding made in code
   * before the Board's response existed is still a Finding.
   */
  boardResponse: draftText("The Board's response").optional(),
  evidence: EvidenceLinks.extend({ keyPracticeEpisodes: z.array(Id).default([]) }).prefault({}),
});
export type Finding = z.infer<typeof Finding>;

const order = keysOf(FINDING_STATUS_LABELS);

/** Why a forward move that skips a check is refused, by the status it was aiming for. */
const NOT_YET: Partial<Record<FindingStatus, string>> = {
  'tested-case-group': 'A finding is tested with the case group only after the review team has tested it.',
  agreed:
    'A finding is agreed only after it has been tested with the review team and then with the case group.',
  'in-report': 'A finding goes into the report only once it has been agreed.',
};

export const findingLifecycle = defineLifecycle<FindingStatus>({
  subject: 'finding',
  labels: FINDING_STATUS_LABELS,
  moves: {
    draft: ['tested-review-team'],
    // Testing can send a finding back: to be redrafted, or (after the case group) to the review team again.
    'tested-review-team': ['tested-case-group', 'draft'],
    'tested-case-group': ['agreed', 'tested-review-team', 'draft'],
    // An agreed finding that must change is reopened as a draft and tested again.
    agreed: ['in-report', 'draft'],
    // Taken out of the report (the content control deleted), or reopened.
    'in-report': ['agreed', 'draft'],
  },
  explain: (from, to) => (order.indexOf(from) < order.indexOf(to) ? NOT_YET[to] : undefined),
});

/** The sections of a finding, in the report's order. */
export const FINDING_SECTIONS = ['featuredInCase', 'notPeculiar', 'whyItMatters', 'boardIssues'] as const;
export type FindingSection = (typeof FINDING_SECTIONS)[number];

/** The sections still to write, in order. */
export const unwrittenSections = (finding: Finding): FindingSection[] =>
  FINDING_SECTIONS.filter((section) => finding[section].length === 0);

/** The text a finding cites things in: its title and its sections, with the partnership's headings. */
export const findingTexts = (
  finding: Finding,
  headings: FindingHeadings = DEFAULT_FINDING_HEADINGS,
): { field: string; heading: string; text: string }[] => [
  { field: 'title', heading: 'the title', text: finding.title },
  { field: 'featuredInCase', heading: `"${headings.featuredInCase}"`, text: finding.featuredInCase },
  { field: 'notPeculiar', heading: `"${headings.notPeculiar}"`, text: finding.notPeculiar },
  { field: 'whyItMatters', heading: `"${headings.whyItMatters}"`, text: finding.whyItMatters },
  ...finding.boardIssues.map((text, i) => ({
    field: `boardIssues.${i}`,
    heading: `"${headings.boardIssues}" (question ${i + 1})`,
    text,
  })),
];

/**
 * The finding at its new status; throws a DomainError saying why a move is refused. Agreeing needs
 * every section written (named by the partnership's headings) and, when `lookup` is given, no
 * citation of something deleted from the review.
 */
export function transitionFinding(
  finding: Finding,
  to: FindingStatus,
  headings: FindingHeadings = DEFAULT_FINDING_HEADINGS,
  lookup?: CitationLookup,
): Finding {
  findingLifecycle.check(finding.status, to);
  if (to === 'agreed') {
    const missing = unwrittenSections(finding);
    if (missing.length > 0)
      throw new DomainError(
        `Finding ${finding.number} cannot be agreed until every section is written. Still to write: ${englishList(
          missing.map((section) => `"${headings[section]}"`),
          'and',
        )}.`,
      );
    const broken = lookup
      ? findingTexts(finding, headings).filter(({ text }) => danglingCitations(text, lookup).length > 0)
      : [];
    if (broken.length > 0)
      throw new DomainError(
        `Finding ${finding.number} cannot be agreed while it cites something deleted from the review, in ${englishList(
          broken.map(({ heading }) => heading),
          'and',
        )}. Remove or replace those citations first.`,
      );
  }
  return { ...finding, status: to };
}
