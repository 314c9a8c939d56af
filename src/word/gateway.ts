/**
 * The Word report gateway as the task pane's screens see it: one method per user action, each one
 * Word.run (src/word/report.ts). The app entry builds it only inside Word; outside Word (local mode
 * in a browser) there is none and the pane previews instead.
 */
import type { WordReport } from './report';

export type WordReportGateway = Pick<
  WordReport,
  'insertFinding' | 'insertAll' | 'insertFindingsInBrief' | 'insertOutline' | 'refreshAll' | 'resolveEdited'
>;
export type { BlockReport, BlockState, EditedChoice, RefreshReport } from './report';
