/**
 * Updating and deleting entities without ever silently overwriting someone else's change: each
 * write sends `If-Match` with the eTag read, and a 412 comes back as a `Conflict` carrying my
 * version and theirs (read again), for the UI to merge.
 */
import { ValidationError, parseOrThrow } from '../../core/errors';
import { StoreError, deepEqual, parseItem, stored, type Stored } from './list-items';
import type { ListStore } from './list-store';
import type { EntityKind, EntityMapping } from './mapping';

/** Someone changed (or deleted) the item since it was read. Nothing was written. */
export interface Conflict<T> {
  kind: EntityKind | 'identityRegisterEntry';
  /** The version this client tried to write (for a delete: the version it last read). */
  mine: T;
  /** What is in the list now, read again; undefined when the item was deleted meanwhile. */
  theirs?: Stored<T>;
  /** What this client had read before its change. */
  base: Stored<T>;
}

export type WriteResult<T> = { ok: true; item: Stored<T> } | { ok: false; conflict: Conflict<T> };
export type DeleteResult<T> = { ok: true } | { ok: false; conflict: Conflict<T> };

export async function updateEntity<T extends { id: string }>(
  store: ListStore,
  kind: Conflict<T>['kind'],
  mapping: EntityMapping<T>,
  base: Stored<T>,
  next: unknown,
): Promise<WriteResult<T>> {
  const value = parseOrThrow(mapping.schema, next, `The ${mapping.subject.replace(/^(a|an|the) /, '')}`);
  if (value.id !== base.value.id)
    throw new ValidationError(`The ${mapping.subject.replace(/^(a|an|the) /, '')}`, [
      { field: 'id', message: 'An item’s id cannot change.' },
    ]);
  const result = await store.updateFields(base.itemId, base.eTag, mapping.toFields(value));
  if ('eTag' in result) return { ok: true, item: { value, itemId: base.itemId, eTag: result.eTag } };
  const theirs = await readTheirs(store, mapping, base.itemId, result.current);
  // Our own earlier attempt may have landed before its answer was lost (the connection dropped,
  // or a 504 and the SDK's resend met a 412): what is there is what we sent, so it is saved, with
  // the eTag it has now. Anything else is someone else's change: a conflict with both versions.
  if (theirs && deepEqual(theirs.value, value)) return { ok: true, item: theirs };
  return { ok: false, conflict: { kind, mine: value, theirs, base } };
}

export async function deleteEntity<T extends { id: string }>(
  store: ListStore,
  kind: Conflict<T>['kind'],
  mapping: EntityMapping<T>,
  base: Stored<T>,
): Promise<DeleteResult<T>> {
  const result = await store.deleteItem(base.itemId, base.eTag);
  if (result === 'deleted') return { ok: true };
  const theirs = await readTheirs(store, mapping, base.itemId);
  return { ok: false, conflict: { kind, mine: base.value, theirs, base } };
}

async function readTheirs<T extends { id: string }>(
  store: ListStore,
  mapping: EntityMapping<T>,
  itemId: string,
  /** The item as the store read it already (after a lost answer), if it did. */
  current?: Awaited<ReturnType<ListStore['readItem']>>,
): Promise<Stored<T> | undefined> {
  const { item, res } = current ?? (await store.readItem(itemId));
  if (!item) return undefined;
  const parsed = parseItem(mapping, item);
  if (!parsed.ok)
    throw new StoreError(
      `Someone else changed this item, and their version cannot be read: ${parsed.message}`,
    );
  return stored(parsed.value, item, res);
}
