/**
 * File names for review artefacts: what the product proposes, and what SharePoint and the review's
 * confidentiality rules refuse. Pure functions: no network, so every rule runs before any write.
 *
 * SharePoint in Microsoft 365 ("Restrictions and limitations in OneDrive and SharePoint"):
 * - these characters are not allowed: " * : < > ? / \ |
 * - no leading or trailing spaces;
 * - reserved names: .lock, CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, desktop.ini; "_vti_" anywhere;
 *   nothing starting with "~$";
 * - the whole decoded path (site, library, folders and file name) is at most 400 characters.
 * We also refuse a name ending in a full stop (Graph's drive addressing refuses it for folders,
 * Windows and the sync client for files) and, as Windows does, a reserved device name with an
 * extension ("CON.docx"), which the sync client cannot write to a PC.
 *
 * The anonymity rule is the core's identifier matcher (every way of writing a register entry); its
 * refusal names the kind of identifier found, never the identifier.
 */
import { describeIdentifierHits, type IdentifierMatcher } from '../../core/anonymity/identifier-matcher';

export const FORBIDDEN_CHARACTERS = ['"', '*', ':', '<', '>', '?', '/', '\\', '|'] as const;
export const MAX_PATH_LENGTH = 400;

const RESERVED_BASE_NAMES = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 10 }, (_, i) => `com${i}`),
  ...Array.from({ length: 10 }, (_, i) => `lpt${i}`),
]);

export type NameProblemCode =
  | 'name-empty'
  | 'name-forbidden-characters'
  | 'name-control-characters'
  | 'name-leading-or-trailing-space'
  | 'name-trailing-full-stop'
  | 'name-reserved'
  | 'name-too-long'
  | 'name-identifies-person';

export interface NameProblem {
  code: NameProblemCode;
  /** Plain English, safe to show the user and to log: it never repeats a register entry. */
  message: string;
}

export interface NameCheckContext {
  /**
   * The library folder's decoded server-relative path, e.g. "/sites/CR-2026-014/Review artefacts"
   * (plus any folder): SharePoint's 400-character limit counts it with the file name.
   */
  folderPath: string;
  /**
   * The identity register's matcher (`buildIdentifierMatcher(register.entries)`), built by a caller
   * who may read the register; names are compared with it and never stored or logged.
   */
  identifiers?: IdentifierMatcher;
}

/** Every problem with a proposed file name; an empty list means SharePoint and the review accept it. */
export function checkArtefactName(name: string, context: NameCheckContext): NameProblem[] {
  const problems: NameProblem[] = [];
  if (name.trim() === '') {
    return [{ code: 'name-empty', message: 'The file needs a name.' }];
  }
  const found = FORBIDDEN_CHARACTERS.filter((c) => name.includes(c));
  if (found.length > 0) {
    problems.push({
      code: 'name-forbidden-characters',
      message: `SharePoint does not allow ${found.join(' ')} in a file name. Remove ${
        found.length === 1 ? 'it' : 'them'
      } or use the proposed name.`,
    });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    problems.push({
      code: 'name-control-characters',
      message: 'The file name contains an invisible control character (for example a tab). Retype the name.',
    });
  }
  if (name !== name.trim()) {
    problems.push({
      code: 'name-leading-or-trailing-space',
      message: 'SharePoint does not allow a space at the start or end of a file name. Remove the space.',
    });
  }
  if (name.trimEnd().endsWith('.')) {
    problems.push({
      code: 'name-trailing-full-stop',
      message: 'A file name cannot end with a full stop. Remove it or add the file type (for example .docx).',
    });
  }
  const reserved = reservedReason(name.trim());
  if (reserved) problems.push({ code: 'name-reserved', message: reserved });
  // SharePoint counts the decoded path without its leading slash: "sites/x/Library/name".
  const pathLength = joinPath(context.folderPath, name).replace(/^\/+/, '').length;
  if (pathLength > MAX_PATH_LENGTH) {
    problems.push({
      code: 'name-too-long',
      message: `The file's full path in SharePoint would be ${pathLength} characters; the limit is ${MAX_PATH_LENGTH}. Shorten the name by at least ${
        pathLength - MAX_PATH_LENGTH
      } characters.`,
    });
  }
  const hits = context.identifiers?.find(name) ?? [];
  if (hits.length > 0) {
    problems.push({
      code: 'name-identifies-person',
      message: `${describeIdentifierHits(hits, 'The file name')} File names must never identify the child or family: use the proposed name (reference code, artefact type and role label).`,
    });
  }
  return problems;
}

function reservedReason(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.includes('_vti_')) return 'SharePoint does not allow "_vti_" anywhere in a file name.';
  if (lower.startsWith('~$'))
    return 'SharePoint does not allow a file name starting with "~$" (Office uses it for lock files).';
  if (lower === '.lock' || lower === 'desktop.ini') return `"${name}" is a name SharePoint reserves.`;
  const base = lower.split('.')[0] ?? lower;
  if (RESERVED_BASE_NAMES.has(base.trim()))
    return `"${name.split('.')[0]}" is a device name Windows and SharePoint reserve; choose another name.`;
  return undefined;
}

export function joinPath(folderPath: string, name: string): string {
  return `${folderPath.replace(/\/+$/, '')}/${name}`;
}

// ---------------------------------------------------------------------------------------------
// Proposed names
// ---------------------------------------------------------------------------------------------

export interface ProposedNameInput {
  /** The review's reference code, e.g. "CR-2026-014". */
  referenceCode: string;
  /** The artefact type's label, e.g. "Conversation record". */
  typeLabel: string;
  /** A role label ("Health visitor 1") or an agency ("Police"): never a person's name. */
  roleLabel?: string;
  /** Version counter shown in the name, from 1. */
  version?: number;
  /** The file type, with or without the dot: "docx", ".pdf". */
  extension: string;
}

/**
 * The name the product proposes: "{reference} {type} - {role label} - v{n}.{ext}", e.g.
 * "CR-2026-014 Conversation record - Health visitor 1 - v1.docx". Characters SharePoint refuses are
 * replaced by a hyphen so that a label such as "A&E / ED doctor" still yields a valid name.
 */
export function proposeArtefactName(input: ProposedNameInput): string {
  const clean = (s: string) =>
    s
      .replace(/[\\/:*?"<>|]+/g, '-')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const parts = [`${clean(input.referenceCode)} ${clean(input.typeLabel)}`];
  if (input.roleLabel && clean(input.roleLabel)) parts.push(clean(input.roleLabel));
  if (input.version !== undefined) parts.push(`v${input.version}`);
  const ext = clean(input.extension).replace(/^\.+/, '');
  return `${parts.join(' - ')}${ext ? `.${ext}` : ''}`;
}

/**
 * "name.docx" -> "name 1.docx", "name 2.docx"...: the alternative offered when a name is taken and
 * the user picks "rename", numbered as SharePoint's own "rename" conflict behaviour numbers them.
 */
export function alternativeName(name: string, taken: (candidate: string) => boolean): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}
