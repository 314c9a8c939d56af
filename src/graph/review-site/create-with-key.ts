/**
 * Creating list items with a client key. List item creates are not idempotent in Graph, so every
 * item carries the entity's id in the `CrwId` column, chosen before the request: a create whose
 * answer is lost (timeout, 503/504, dropped connection) is looked up by that id before being sent
 * again, so a retry never makes a duplicate; and an item found by the key is taken as ours only if
 * it holds what we sent.
 */
import { parseOrThrow } from '../../core/errors';
import { sendBatch } from '../batch';
import { graphErrorMessage, send, type GraphResponse } from '../client';
import { isAmbiguousStatus, isOffline } from '../errors';
import { Backoff } from '../retry';
import {
  DuplicateKeyError,
  StoreError,
  deepEqual,
  parseItem,
  stored,
  type GraphListItem,
  type Stored,
} from './list-items';
import type { ListStore } from './list-store';
import { createFields, type EntityMapping, type Fields } from './mapping';

export const newId = () => globalThis.crypto.randomUUID();

/** An answer after which the create may be sent again (429: Graph did not run it), once checked by key. */
const AMBIGUOUS = (status: number) => status === 429 || isAmbiguousStatus(status);

/**
 * Creates an item with `fields` (which carry the client key `key` in CrwId). A lost answer is
 * checked by key before the create is sent again; a duplicate key (409) returns the existing item.
 */
export async function createItemWithKey(
  store: ListStore,
  key: string,
  fields: Fields,
  maxAttempts = 4,
): Promise<{ item: GraphListItem; res?: GraphResponse; foundByKey?: boolean }> {
  // Once an answer was unclear, the item is looked up by its key before any new POST: a lookup
  // that fails is tried again, never skipped, so a create that landed is never sent twice.
  let unclear = false;
  let res: GraphResponse | undefined;
  // The waits between attempts (../retry.ts): the store's sleep and limits, at most 10 s each.
  const backoff = new Backoff({ maxDelayMs: 10_000, ...store.batchOptions, maxAttempts });
  for (;;) {
    let lookupFailed = false;
    if (unclear) {
      try {
        const existing = await store.findByKey(key);
        if (existing) return { item: existing, foundByKey: true };
      } catch (err) {
        if (!isOffline(err) && !(err instanceof StoreError && isAmbiguousStatus(err.status ?? 0))) throw err;
        lookupFailed = true;
      }
    }
    if (!lookupFailed) {
      try {
        res = await send(store.client, { method: 'POST', url: store.itemsUrl, body: { fields } });
      } catch (err) {
        if (!isOffline(err)) throw err;
        res = undefined; // the connection failed: the item may or may not exist
      }
      if (res && (res.status === 201 || res.status === 200)) return { item: res.body as GraphListItem, res };
      if (res && res.status !== 409 && !AMBIGUOUS(res.status))
        throw new StoreError(`The item could not be created (${graphErrorMessage(res)}).`, res.status);
      // A 429 means Graph did not run it; 409 (the key is taken), 5xx or no answer: it may have.
      unclear ||= res?.status !== 429;
    }
    // After a 409 the key is taken: look it up at once. Otherwise wait as Graph asked, or back off.
    const hint = res?.status === 409 ? { delayMs: 0 } : { retryAfter: res?.headers['retry-after'] };
    if (!(await backoff.retry(hint))) {
      // Out of attempts, but the last answer may have hidden a create that was made: one more look
      // by key, so that an item that exists is never reported as not created (the person would
      // then add it again, under a new id).
      if (unclear) {
        const existing = await store.findByKey(key).catch(() => undefined);
        if (existing) return { item: existing, foundByKey: true };
      }
      throw new StoreError(
        'The item could not be created: Microsoft 365 did not answer clearly after several attempts. Nothing was duplicated; try again.',
        res?.status,
      );
    }
  }
}

/**
 * Creates many items in batches of 20; a part that fails ambiguously (a 5xx, or no answer at all
 * when the whole batch's connection failed: status 0 from sendBatch) is checked by key and only the
 * ones truly missing are sent again, after the back-off of ../retry.ts.
 */
export async function createItemsWithKey(
  store: ListStore,
  items: { key: string; fields: Fields }[],
  maxAttempts = 4,
): Promise<Map<string, { item: GraphListItem; foundByKey: boolean }>> {
  const done = new Map<string, { item: GraphListItem; foundByKey: boolean }>();
  const backoff = new Backoff({ maxDelayMs: 10_000, ...store.batchOptions, maxAttempts });
  let pending = items;
  while (pending.length > 0) {
    const { responses } = await sendBatch(
      store.client,
      pending.map((it) => ({
        id: it.key,
        method: 'POST',
        url: store.itemsUrl,
        body: { fields: it.fields },
      })),
      store.batchOptions,
    );
    const unclear: typeof items = [];
    for (const it of pending) {
      const res = responses.get(it.key)!;
      if (res.status === 201 || res.status === 200)
        done.set(it.key, { item: res.body as GraphListItem, foundByKey: false });
      else if (res.status === 409 || AMBIGUOUS(res.status)) unclear.push(it);
      else throw new StoreError(`An item could not be created (${graphErrorMessage(res)}).`, res.status);
    }
    if (unclear.length === 0) break;
    // Look the unclear ones up by key, all in one batch; send again only those not there.
    const found = await store.findManyByKey(unclear.map((u) => u.key));
    for (const [k, item] of found) done.set(k, { item, foundByKey: true });
    pending = unclear.filter((u) => !found.has(u.key));
    if (pending.length > 0 && !(await backoff.retry()))
      throw new StoreError(
        `${pending.length} items could not be created after several attempts; nothing was duplicated.`,
      );
  }
  return done;
}

/**
 * An item found by its key after an unclear create: ours if it holds what we sent (our earlier
 * attempt landed), otherwise someone else's item with the same id, which is never taken as ours.
 */
export function ownOrDuplicate<T extends { id: string }>(
  mapping: EntityMapping<T>,
  value: T,
  item: GraphListItem,
): Stored<T> {
  const parsed = parseItem(mapping, item);
  if (parsed.ok && deepEqual(parsed.value, value)) return stored(value, item);
  throw new DuplicateKeyError(
    `${mapping.subject.replace(/^./, (c) => c.toUpperCase())} with this id already exists.`,
    parsed.ok ? stored(parsed.value, item) : undefined,
  );
}

/** Creates an entity of one mapping with its client key (shared by the review and the register). */
export async function createEntity<T extends { id: string }>(
  store: ListStore,
  mapping: EntityMapping<T>,
  input: unknown,
): Promise<Stored<T>> {
  const withId =
    input && typeof input === 'object' && !('id' in input && (input as { id?: unknown }).id)
      ? { ...input, id: newId() }
      : input;
  const value = parseOrThrow(
    mapping.schema,
    withId,
    `The new ${mapping.subject.replace(/^(a|an|the) /, '')}`,
  );
  const { item, res, foundByKey } = await store.createItem(value.id, createFields(mapping.toFields(value)));
  if (foundByKey) return ownOrDuplicate(mapping, value, item);
  return stored(value, item, res);
}
