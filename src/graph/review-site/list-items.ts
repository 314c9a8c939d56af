/**
 * What a list item is to the stores: the stored entity (value, item id, eTag), the problems and
 * errors a store reports, and reading an item through its mapping (validated by the core's schema).
 */
import { ValidationError, parseOrThrow } from '../../core/errors';
import type { GraphResponse } from '../client';
import { kindOfStatus, type GatewayErrorKind } from '../errors';
import { ColumnValueError, type EntityMapping, type Fields } from './mapping';

/** An entity as read from its list: the value and what a later write needs (item id, eTag). */
export interface Stored<T> {
  value: T;
  /** The SharePoint list item id. */
  itemId: string;
  /** The item's eTag at the time it was read or written; sent as If-Match. */
  eTag: string;
}

/** Something in the site that could not be read as the product expects. Never carries item content. */
export interface LoadProblem {
  /** The list's name in the schema ("Findings"). */
  list: string;
  itemId?: string;
  kind: 'invalid-item' | 'invalid-reference' | 'list-unreadable' | 'list-missing';
  message: string;
}

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    /** Graph's status; 0 when no answer came (the connection failed). */
    readonly status?: number,
  ) {
    super(message);
  }

  /** What went wrong, for the UI (../errors.ts). */
  get kind(): GatewayErrorKind {
    return this.status === undefined ? 'unavailable' : kindOfStatus(this.status);
  }
}

/** An item with this id already exists and is not the one this client meant to create. Nothing was written. */
export class DuplicateKeyError<T> extends StoreError {
  override name = 'DuplicateKeyError';
  constructor(
    message: string,
    readonly existing: Stored<T> | undefined,
  ) {
    super(message, 409);
  }
}

/** A list item as Graph returns it with `$expand=fields`. */
export interface GraphListItem {
  id: string;
  eTag?: string;
  /** When the item (a document's file or its details) last changed. */
  lastModifiedDateTime?: string;
  '@odata.etag'?: string;
  fields?: Fields;
}

/** The item's eTag, wherever Graph put it (item, response header, or the fields' own). */
export const itemETag = (item: GraphListItem, res?: GraphResponse) =>
  item.eTag ??
  item['@odata.etag'] ??
  res?.headers.etag ??
  (item.fields?.['@odata.etag'] as string | undefined) ??
  '';

export const stored = <T>(value: T, item: GraphListItem, res?: GraphResponse): Stored<T> => ({
  value,
  itemId: item.id,
  eTag: itemETag(item, res),
});

/** Parses one item with a mapping; a problem (never the content) when it does not fit. */
export function parseItem<T extends { id: string }>(
  mapping: EntityMapping<T>,
  item: GraphListItem,
): { ok: true; value: T } | { ok: false; message: string } {
  try {
    const raw = mapping.fromFields(item.fields ?? {}, `item-${item.id}`);
    return {
      ok: true,
      value: parseOrThrow(mapping.schema, raw, `Item ${item.id} of ${mapping.list.displayName}`),
    };
  } catch (err) {
    if (err instanceof ValidationError || err instanceof ColumnValueError)
      return {
        ok: false,
        message:
          err instanceof ColumnValueError
            ? `Item ${item.id} of ${mapping.list.displayName} cannot be read: ${err.message}`
            : err.message,
      };
    throw err;
  }
}

/** Same value, whatever the order of keys and whether absent keys are written as undefined. */
export const deepEqual = (a: unknown, b: unknown): boolean =>
  JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  return v;
}
