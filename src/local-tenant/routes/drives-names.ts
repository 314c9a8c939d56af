import { GraphError } from '../http/errors';

/**
 * Names SharePoint Online refuses for files and folders, and the errors Graph gives.
 *
 * Microsoft's "Restrictions and limitations in OneDrive and SharePoint" (support article):
 * - the characters " * : < > ? / \ | are not allowed, nor leading or trailing spaces
 *   (# and % are allowed in SharePoint Online);
 * - the names .lock, CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9 and desktop.ini are not allowed,
 *   "_vti_" may not appear anywhere, and a name may not start with "~$";
 * - "forms" is not supported for a folder at the root of a library (Graph answers 400
 *   invalidRequest "Name is reserved for list forms folder.", graph-docs issue 8779);
 * - the entire decoded path (site, library, folders, file name) is at most 400 characters.
 * "Address resources in a drive" (Graph docs) adds: folder names can't end with a period.
 * Control characters (U+0000-U+001F, U+007F) are refused too, as SharePoint's file name rules do.
 *
 * Graph answers 400 invalidRequest; the detailed code goes in innerError.code
 * (nameContainsInvalidCharacters was seen from the service, onedrive-api-docs issue 1446;
 * pathIsTooLong is in OneDrive's list of detailed error codes). The messages are ours.
 */
export const MAX_DECODED_PATH = 400;
const FORBIDDEN = /["*:<>?/\\|]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const RESERVED = new Set([
  '.lock',
  'con',
  'prn',
  'aux',
  'nul',
  'desktop.ini',
  ...Array.from({ length: 10 }, (_, i) => `com${i}`),
  ...Array.from({ length: 10 }, (_, i) => `lpt${i}`),
]);

const invalidName = (message: string) =>
  new GraphError(400, 'invalidRequest', message, {}, 'nameContainsInvalidCharacters');

/** Throws Graph's 400 when SharePoint would refuse `name` for a file or folder. */
export function validateItemName(
  name: string,
  opts: { atLibraryRoot?: boolean; isFolder?: boolean } = {},
): void {
  if (name.length === 0) throw new GraphError(400, 'invalidRequest', 'The name of the item is empty.');
  if (name === '.' || name === '..')
    throw invalidName(`The name '${name}' is not allowed: paths can't use '.' or '..' segments.`);
  if (FORBIDDEN.test(name) || CONTROL.test(name))
    throw invalidName(
      `The provided name '${name}' contains characters that aren't allowed: " * : < > ? / \\ |`,
    );
  if (name !== name.trim()) throw invalidName(`The provided name '${name}' can't begin or end with a space.`);
  if (name.endsWith('.')) throw invalidName(`The provided name '${name}' can't end with a period.`);
  const lower = name.toLowerCase();
  if (RESERVED.has(lower)) throw invalidName(`The provided name '${name}' is reserved.`);
  if (lower.includes('_vti_')) throw invalidName(`The provided name '${name}' can't contain '_vti_'.`);
  if (lower.startsWith('~$')) throw invalidName(`The provided name '${name}' can't begin with '~$'.`);
  if (opts.atLibraryRoot && opts.isFolder && lower === 'forms')
    throw new GraphError(400, 'invalidRequest', 'Name is reserved for list forms folder.');
}

/** Throws when the decoded path "sites/x/Library/folders/name" would exceed SharePoint's 400 characters. */
export function validatePathLength(decodedPath: string): void {
  const length = decodedPath.replace(/^\/+/, '').length;
  if (length > MAX_DECODED_PATH)
    throw new GraphError(
      400,
      'invalidRequest',
      `The item's path is ${length} characters long; the limit is ${MAX_DECODED_PATH} characters for the entire decoded path.`,
      {},
      'pathIsTooLong',
    );
}

/**
 * The name "rename" conflict behaviour picks: a number appended, before the extension for files
 * ("Report 1.docx", "Report 2.docx"; folders "New Folder 1"), as the OneDrive docs describe.
 */
export function uniqueName(name: string, isFolder: boolean, taken: (candidate: string) => boolean): string {
  const dot = isFolder ? -1 : name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export function parseConflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw new GraphError(
    400,
    'invalidRequest',
    `Invalid value '${String(value)}' for @microsoft.graph.conflictBehavior: use fail, replace or rename.`,
  );
}
