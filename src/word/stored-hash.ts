/**
 * What the document remembers about each block the product inserted, in one custom document
 * property per block (WordApi 1.3), named by the block's tag. Desktop Word cuts a value at 255
 * characters, so the value is short: the hash of the text as inserted, and, once the author has
 * chosen to keep their own text, the hash of the review's version they kept it against.
 */
import { PROPERTY_MAX, textHash } from '../core/report';

export interface StoredHash {
  /** The hash of the control's text when the product last wrote it (or the author last kept it). */
  readonly document: string;
  /** Set when the author kept their text: the hash of the review's version at that time. */
  readonly keptAgainst?: string;
}

/** The custom property's name for a block's tag (a hash of it if a tag were ever too long). */
export const propertyName = (tag: string): string =>
  tag.length <= PROPERTY_MAX ? tag : `crw:${textHash(tag)}`;

export const formatStoredHash = (stored: StoredHash): string =>
  stored.keptAgainst === undefined ? stored.document : `${stored.document}.${stored.keptAgainst}`;

export function parseStoredHash(value: unknown): StoredHash | undefined {
  if (typeof value !== 'string') return undefined;
  const [document, keptAgainst, ...rest] = value.split('.');
  if (!document || rest.length > 0 || !/^[0-9a-z]+$/.test(document)) return undefined;
  return keptAgainst ? { document, keptAgainst } : { document };
}
