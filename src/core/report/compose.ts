/**
 * Report composition: findings -> document-neutral blocks in the shape of published SCIE-model
 * reports (DOMAIN.md), the "Findings in brief" table and the report outline.
 */
import { citationLookup, renderCitations, type CitationLookup } from '../analysis/citations';
import { patternCategory } from '../analysis/typology';
import { DEFAULT_FINDING_HEADINGS, type Finding, type FindingHeadings } from '../model/finding';
import type { KeyPracticeEpisode } from '../model/key-practice-episode';
import type { ManagedBlock, ReportBlock } from './blocks';
import { blocksHash } from './hash';
import { plainLine, plainParagraphs } from './plain-text';
import { FINDINGS_IN_BRIEF_TAG, findingTag } from './tags';

/** What the report is composed from: the review's findings, its episodes (for citations) and its headings. */
export interface ReportSource {
  readonly findings: readonly Finding[];
  readonly keyPracticeEpisodes: readonly Pick<KeyPracticeEpisode, 'id' | 'number'>[];
  readonly findingHeadings?: FindingHeadings;
  /**
   * Resolves citations of conversations and artefacts as well as episodes (reviewCitationLookup);
   * without it only the episodes are known, and any other citation reads as deleted.
   */
  readonly citations?: CitationLookup;
}

const lookupOf = (source: ReportSource): CitationLookup =>
  source.citations ?? citationLookup({ episodes: source.keyPracticeEpisodes });

/** A finding goes into the report once the review team has agreed it. */
export const isAgreed = (finding: Pick<Finding, 'status'>): boolean =>
  finding.status === 'agreed' || finding.status === 'in-report';

/** The review's order: by finding number. */
export const inReviewOrder = <F extends Pick<Finding, 'number'>>(findings: readonly F[]): F[] =>
  [...findings].sort((a, b) => a.number - b.number);

/** The title of a finding's content control, as the author sees it on the control. */
export const findingControlTitle = (finding: Pick<Finding, 'number'>): string => `Finding ${finding.number}`;

/** What stands in for a section that is still empty, so that the gap is visible. */
export const emptySectionPlaceholder = (heading: string): string =>
  `[Not yet written in the review: ${plainLine(heading)}]`;

/** The blocks of one finding. */
export function composeFinding(finding: Finding, source: ReportSource): ManagedBlock {
  const headings = source.findingHeadings ?? DEFAULT_FINDING_HEADINGS;
  const lookup = lookupOf(source);
  const text = (value: string) => renderCitations(value, lookup);
  const section = (heading: string, value: string): ReportBlock[] => {
    const paragraphs = plainParagraphs(text(value));
    return [
      { kind: 'heading', level: 3, text: plainLine(heading) },
      ...(paragraphs.length > 0
        ? paragraphs.map((p): ReportBlock => ({ kind: 'paragraph', text: p }))
        : [{ kind: 'paragraph', text: emptySectionPlaceholder(heading), placeholder: true } as const]),
    ];
  };
  const issues = finding.boardIssues
    .map((issue) => plainLine(text(issue)))
    .filter((issue) => issue.length > 0);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: `Finding ${finding.number}: ${plainLine(text(finding.title))}` },
    { kind: 'paragraph', text: `Category: ${patternCategory(finding.category).shortLabel}` },
    ...section(headings.featuredInCase, finding.featuredInCase),
    ...section(headings.notPeculiar, finding.notPeculiar),
    ...section(headings.whyItMatters, finding.whyItMatters),
    { kind: 'heading', level: 3, text: plainLine(headings.boardIssues) },
    issues.length > 0
      ? { kind: 'numbered-list', items: issues }
      : { kind: 'paragraph', text: emptySectionPlaceholder(headings.boardIssues), placeholder: true },
  ];
  return {
    tag: findingTag(finding.id),
    title: findingControlTitle(finding),
    blocks,
    hash: blocksHash(blocks),
  };
}

/** Every agreed finding, in the review's order. */
export function composeAgreedFindings(source: ReportSource): ManagedBlock[] {
  return inReviewOrder(source.findings.filter(isAgreed)).map((finding) => composeFinding(finding, source));
}

export const FINDINGS_IN_BRIEF_TITLE = 'Findings in brief';
export const FINDINGS_IN_BRIEF_HEADER = ['Finding', 'Category', 'Title'] as const;

/** The "Findings in brief" table (number, category, title) of the agreed findings, in order. */
export function composeFindingsInBrief(
  source: ReportSource,
  options: { includeDrafts?: boolean } = {},
): ManagedBlock {
  const findings = inReviewOrder(options.includeDrafts ? source.findings : source.findings.filter(isAgreed));
  const lookup = lookupOf(source);
  const blocks: ReportBlock[] =
    findings.length > 0
      ? [
          {
            kind: 'table',
            header: FINDINGS_IN_BRIEF_HEADER,
            rows: findings.map((f) => [
              String(f.number),
              patternCategory(f.category).shortLabel,
              plainLine(renderCitations(f.title, lookup)),
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: '[No finding has been agreed in the review yet.]', placeholder: true }];
  return { tag: FINDINGS_IN_BRIEF_TAG, title: FINDINGS_IN_BRIEF_TITLE, blocks, hash: blocksHash(blocks) };
}

/** The typical outline of an overview report (DOMAIN.md), as headings with a line saying what goes there. */
export const REPORT_OUTLINE: readonly {
  heading: string;
  sections: readonly { heading: string; prompt: string }[];
}[] = [
  {
    heading: 'Introduction',
    sections: [
      { heading: 'Why this case was chosen', prompt: 'Why the partnership decided to review this case.' },
      { heading: 'Summary of the case', prompt: 'A short account of what happened.' },
      { heading: 'Family composition', prompt: 'The family members, by pseudonym only.' },
      { heading: 'Period under review', prompt: 'The period the review looked at, and why.' },
      { heading: 'Methodology', prompt: 'The Learning Together systems model, in brief.' },
      { heading: 'Research questions', prompt: 'The questions the review set out to answer.' },
      {
        heading: 'Review team and case group',
        prompt: 'Who took part, by role and agency (no names of practitioners).',
      },
    ],
  },
  { heading: 'Appraisal of practice in brief', sections: [] },
  { heading: 'Findings in brief', sections: [] },
  { heading: 'Findings', sections: [] },
  {
    heading: 'Appendices',
    sections: [
      { heading: 'Method', prompt: 'How the review was carried out.' },
      { heading: 'Data sources', prompt: 'The records and conversations the review drew on.' },
      { heading: 'Limitations', prompt: 'What the review could not do.' },
      { heading: 'Family involvement', prompt: 'How the family contributed.' },
    ],
  },
];

const PROMPTS: Record<string, string> = {
  'Appraisal of practice in brief': 'The key practice episodes and how practice is appraised in each.',
  'Findings in brief': 'Insert the "Findings in brief" table here from the task pane.',
  Findings: 'Insert the agreed findings here from the task pane.',
};

/** The outline as blocks: Heading 1 for each part, Heading 2 for its sections, a bracketed prompt under each. */
export function composeReportOutline(): ReportBlock[] {
  const prompt = (text: string): ReportBlock => ({ kind: 'paragraph', text: `[${text}]`, placeholder: true });
  return REPORT_OUTLINE.flatMap((part): ReportBlock[] => [
    { kind: 'heading', level: 1, text: part.heading },
    ...(PROMPTS[part.heading] ? [prompt(PROMPTS[part.heading]!)] : []),
    ...part.sections.flatMap((s): ReportBlock[] => [
      { kind: 'heading', level: 2, text: s.heading },
      prompt(s.prompt),
    ]),
  ]);
}
