/**
 * Saving the report's .docx export (findings and Findings in brief) to the review's library as a
 * "report draft" artefact, through the same upload and metadata path as every other artefact.
 * The name carries the review's reference code only ("CR-2026-014 Report draft - Findings - v1.docx").
 * Saving again makes a new version of the same file: SharePoint keeps the earlier ones.
 */
import type { ArtefactLibrary, ArtefactUpload, ConflictBehavior } from './library';
import type { ReviewStageKey } from './metadata';

export interface ReportExportToSave {
  /** The .docx bytes (exportFindingsDocx). */
  content: Uint8Array;
  /** The review's stage when saved, for the library's Stage column. */
  stage?: ReviewStageKey;
  /** "replace" (default): a new version of the last export; "rename": a file of its own. */
  conflictBehavior?: ConflictBehavior;
}

export const REPORT_EXPORT_LABEL = 'Findings';

export function saveReportExport(library: ArtefactLibrary, input: ReportExportToSave): ArtefactUpload {
  return library.upload({
    content: input.content,
    name: library.proposeName({ type: 'report draft', roleLabel: REPORT_EXPORT_LABEL, extension: 'docx' }),
    metadata: { type: 'report draft', ...(input.stage ? { stage: input.stage } : {}) },
    conflictBehavior: input.conflictBehavior ?? 'replace',
  });
}
