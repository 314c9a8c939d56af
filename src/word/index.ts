/** The Word gateway: the overview report and the anonymity check over office.js, behind a WordHost. */
export { officeWordHost, type WordHost } from './host';
export {
  WordReport,
  WordReportError,
  flaggedTitle,
  type BlockReport,
  type BlockState,
  type EditedChoice,
  type RefreshReport,
} from './report';
export {
  AnonymityCheck,
  matcherFromRegister,
  describePlace,
  type AnonymityHit,
  type AnonymityReport,
  type IdentifierMatch,
  type IdentifierMatcher,
  type Place,
} from './anonymity';
export { siteOfDocument, documentUrl, type DocumentSite } from './document-location';
export { exportFindingsDocx, exportFileName, type ExportOptions } from './docx-export';
export { panelPackFiles, type PackFile } from './panel-pack';
export type { WordReportGateway } from './gateway';
