/**
 * The panel pack's four documents as .docx files, ready for the library: a contents page, the
 * findings report (the findings export), the table of key practice episodes and a one-page summary
 * of the review. File names carry the review's reference code only.
 */
import { formatDate } from '../core/dates';
import type { ReviewWorkspace } from '../core/model/workspace';
import { composeKpeTable, composePackContents, composeReviewSummary, packTimestamp } from '../core/report';
import { blocksDocx, exportFindingsDocx } from './docx-export';

export type PackDocumentType = 'report draft' | 'KPE analysis' | 'other';

export interface PackFile {
  readonly name: string;
  readonly content: Uint8Array;
  /** The library's Type column. */
  readonly type: PackDocumentType;
}

export async function panelPackFiles(workspace: ReviewWorkspace, at: Date): Promise<PackFile[]> {
  const ref = workspace.review.referenceCode;
  const documents = [
    {
      name: `${ref} 1 Findings report.docx`,
      about: 'The agreed findings and the findings in brief.',
      type: 'report draft' as const,
    },
    {
      name: `${ref} 2 Key practice episodes.docx`,
      about: 'Each key practice episode: period, title, practice and contributory factors.',
      type: 'KPE analysis' as const,
    },
    {
      name: `${ref} 3 Review summary.docx`,
      about:
        'The review on one page: stage, statutory dates, people by role and agency, family by pseudonym.',
      type: 'other' as const,
    },
  ];
  const source = {
    findings: workspace.findings,
    keyPracticeEpisodes: workspace.keyPracticeEpisodes,
    findingHeadings: workspace.findingHeadings,
  };
  const preparedOn = `${formatDate(packTimestamp(at).slice(0, 10))} at ${packTimestamp(at).slice(11, 16).replace('.', ':')}`;
  const [findings, episodes, summary, contents] = await Promise.all([
    exportFindingsDocx(source, { referenceCode: ref }),
    blocksDocx(`Key practice episodes: review ${ref}`, composeKpeTable(workspace.keyPracticeEpisodes)),
    blocksDocx(`Review summary: ${ref}`, composeReviewSummary(workspace)),
    blocksDocx(`Panel pack: review ${ref}`, composePackContents(ref, preparedOn, documents)),
  ]);
  const files: PackFile[] = [
    { name: `${ref} 0 Contents.docx`, content: contents, type: 'other' },
    { ...documents[0]!, content: findings },
    { ...documents[1]!, content: episodes },
    { ...documents[2]!, content: summary },
  ];
  return files.map(({ name, content, type }) => ({ name, content, type }));
}
