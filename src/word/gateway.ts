/**
 * The Word report gateway as the task pane's screens see it: one method per user action, each one
 * Word.run (src/word/report.ts). The app entry builds it only inside Word; outside Word (local mode
 * in a browser) there is none and the pane previews instead.
 */
import type { IdentityRegisterEntry } from '../core/model/identity-register';
import type { ReportSource } from '../core/report';
import type { AnonymityCheck, AnonymityReport } from './anonymity';
import type { WordReport } from './report';

export type WordReportGateway = Pick<
  WordReport,
  'insertFinding' | 'insertAll' | 'insertFindingsInBrief' | 'insertOutline' | 'refreshAll' | 'resolveEdited'
>;
export type { BlockReport, BlockState, EditedChoice, RefreshReport } from './report';
export type { AnonymityHit, AnonymityReport } from './anonymity';

/** The anonymity check over the whole document (src/word/anonymity.ts), with the register's entries. */
export interface WordAnonymityGateway extends Pick<AnonymityCheck, 'goTo' | 'replaceAll'> {
  /** Every hit of the entries (the core's identifier matcher); warnings name entries too short to match freely. */
  check(
    entries: readonly IdentityRegisterEntry[],
  ): Promise<AnonymityReport & { warnings: readonly string[] }>;
}

/** What the task pane's entry gives inside Word. */
export interface WordGateways {
  report: WordReportGateway;
  anonymity: WordAnonymityGateway;
}

/**
 * The findings as a .docx (src/word/docx-export.ts), in Word or in a browser: the same blocks, tags
 * and hashes as the add-in inserts. The docx library loads on first use, in its own chunk.
 */
export interface ReportExportGateway {
  build(
    source: ReportSource,
    options: { referenceCode: string; includeDrafts: boolean },
  ): Promise<{ bytes: Uint8Array; fileName: string }>;
}

export const reportExportGateway: ReportExportGateway = {
  async build(source, options) {
    const { exportFindingsDocx, exportFileName } = await import(
      /* webpackChunkName: "docx-export" */ './docx-export'
    );
    const bytes = await exportFindingsDocx(source, options);
    return { bytes, fileName: exportFileName(options.referenceCode, new Date()) };
  },
};
