/** The kinds of document a review's library holds, in the order the screens offer them. */
export const ARTEFACT_TYPE_LABELS = {
  'conversation record': 'Conversation record',
  'agency record': 'Agency record',
  chronology: 'Chronology',
  'KPE analysis': 'KPE analysis',
  'report draft': 'Report draft',
  other: 'Other',
} as const;
export type ArtefactTypeKey = keyof typeof ARTEFACT_TYPE_LABELS;

/**
 * How large a file the review's library takes. SharePoint takes up to 250 GB; a review's records
 * are documents, so a file over 1 GiB is far more likely a mistake (a video, a whole mailbox
 * export) than an artefact, and it is refused before any upload starts.
 */
export const DEFAULT_ARTEFACT_SIZE_LIMIT = 1024 ** 3;

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** "950 KB", "10 MB", "1.5 GB": binary multiples, as Windows and SharePoint show file sizes. */
export function describeFileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const shown = value >= 10 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1);
  return `${shown.replace(/\.0$/, '')} ${UNITS[unit]}`;
}
