import { renderCitations, type CitationLookup } from '../../../../core/analysis/citations';
import { patternCategory } from '../../../../core/analysis/typology';
import {
  FINDING_KIND_LABELS,
  FINDING_STATUS_LABELS,
  type Finding,
  type FindingHeadings,
} from '../../../../core/model/finding';
import type { MergeField } from '../../../shell/MergeView';

const joined = (a: string, b: string) => (a && b ? `${a}\n\n${b}` : a || b);
const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** A finding in the merge view, section by section with the partnership's headings; text can be kept twice. */
export function findingMergeFields(headings: FindingHeadings, lookup: CitationLookup): MergeField<Finding>[] {
  const text = (text: string) => renderCitations(text, lookup);
  const section = (
    key: 'title' | 'featuredInCase' | 'notPeculiar' | 'whyItMatters',
    label: string,
  ): MergeField<Finding> => ({
    key,
    label,
    show: (f) => text(f[key]),
    take: (into, from) => ({ ...into, [key]: from[key] }),
    both: (into, mine, theirs) => ({ ...into, [key]: joined(theirs[key], mine[key]) }),
  });
  return [
    {
      key: 'status',
      label: 'Status',
      show: (f) => FINDING_STATUS_LABELS[f.status],
      take: (into, from) => ({ ...into, status: from.status }),
    },
    section('title', 'Title'),
    {
      key: 'category',
      label: 'Category',
      show: (f) => patternCategory(f.category).shortLabel,
      take: (into, from) => ({ ...into, category: from.category }),
    },
    {
      key: 'kind',
      label: 'Constructive or unsafe',
      show: (f) => FINDING_KIND_LABELS[f.kind],
      take: (into, from) => ({ ...into, kind: from.kind }),
    },
    section('featuredInCase', headings.featuredInCase),
    section('notPeculiar', headings.notPeculiar),
    section('whyItMatters', headings.whyItMatters),
    {
      key: 'boardIssues',
      label: headings.boardIssues,
      show: (f) => f.boardIssues.map((q, i) => `${i + 1}. ${text(q)}`).join('\n'),
      take: (into, from) => ({ ...into, boardIssues: from.boardIssues }),
      both: (into, mine, theirs) => ({
        ...into,
        boardIssues: unique([...theirs.boardIssues, ...mine.boardIssues]),
      }),
    },
    {
      key: 'evidence',
      label: 'Key practice episodes that evidence it',
      show: (f) => f.evidence.keyPracticeEpisodes.map((id) => text(`{{kpe:${id}}}`)).join(', '),
      take: (into, from) => ({
        ...into,
        evidence: { ...into.evidence, keyPracticeEpisodes: from.evidence.keyPracticeEpisodes },
      }),
      both: (into, mine, theirs) => ({
        ...into,
        evidence: {
          ...into.evidence,
          keyPracticeEpisodes: unique([
            ...theirs.evidence.keyPracticeEpisodes,
            ...mine.evidence.keyPracticeEpisodes,
          ]),
        },
      }),
    },
    {
      key: 'boardResponse',
      label: "The Board's response",
      show: (f) => text(f.boardResponse ?? ''),
      take: (into, from) => ({ ...into, boardResponse: from.boardResponse }),
      both: (into, mine, theirs) => ({
        ...into,
        boardResponse: joined(theirs.boardResponse ?? '', mine.boardResponse ?? ''),
      }),
    },
  ];
}
