/**
 * The items of one SharePoint list, as every store uses them: read, look up by client key, update
 * and delete with If-Match. Creating with a client key is in create-with-key.ts.
 *
 * An update or delete whose answer is lost (the connection dropped, or a 5xx once the SDK's
 * RetryHandler gave up) may have been made. The SDK resends a PATCH or DELETE after a 504 itself
 * (and our own landed change then answers 412 or 404, which the callers recognise); a dropped
 * connection it does not resend, so these methods check, waiting as ../retry.ts says between
 * attempts: an update re-reads the item (its eTag still ours: nothing was saved, send again;
 * otherwise the caller compares what is there with what it sent, conflicts.ts), and a delete is
 * sent again (404: it is gone).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { sendBatch, type BatchOptions, type BatchPart } from '../batch';
import { graphErrorMessage, send, type GraphRequestSpec, type GraphResponse } from '../client';
import { isAmbiguousStatus, isOffline } from '../errors';
import { Backoff } from '../retry';
import { createItemWithKey, createItemsWithKey } from './create-with-key';
import { StoreError, itemETag, type GraphListItem } from './list-items';
import type { Fields } from './mapping';
import { CRW_ID } from './schema';

/**
 * What an update came to: the new eTag, or a conflict (412, the item gone, or it changed since
 * `eTag` while our answer was lost), with the item as it is now when it was read on the way.
 */
export type UpdateOutcome =
  { eTag: string } | { conflict: true; current?: { item?: GraphListItem; res: GraphResponse } };

/** Same eTag, whether weak or strong, quoted or not. */
export const sameETag = (a: string, b: string) =>
  a.replace(/^W\//, '').replace(/"/g, '') === b.replace(/^W\//, '').replace(/"/g, '');

/** Items asked for per page. Graph's default for list items is 200; SharePoint serves up to 5,000. */
export const LIST_PAGE_SIZE = 1000;

/**
 * The items of one list: create, update, delete with If-Match and client keys. The review store
 * and the identity register store are made of these.
 */
export class ListStore {
  constructor(
    readonly client: Client,
    readonly siteId: string,
    readonly listId: string,
    readonly batchOptions: BatchOptions = {},
  ) {}

  get itemsUrl() {
    return `/sites/${encodeURIComponent(this.siteId)}/lists/${encodeURIComponent(this.listId)}/items`;
  }

  /** The item with this client key, if it exists. */
  async findByKey(key: string): Promise<GraphListItem | undefined> {
    const filter = `fields/${CRW_ID} eq '${key.replace(/'/g, "''")}'`;
    const res = await send(this.client, {
      method: 'GET',
      url: `${this.itemsUrl}?$expand=fields&$filter=${encodeURIComponent(filter)}&$top=2`,
      // CrwId is indexed on sites this product provisions; the header lets an older site answer anyway.
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    if (res.status !== 200)
      throw new StoreError(`An item could not be looked up (${graphErrorMessage(res)}).`, res.status);
    return (res.body as { value: GraphListItem[] }).value[0];
  }

  async readItem(itemId: string): Promise<{ item?: GraphListItem; res: GraphResponse }> {
    const res = await send(this.client, {
      method: 'GET',
      url: `${this.itemsUrl}/${encodeURIComponent(itemId)}?$expand=fields`,
    });
    if (res.status === 404) return { res };
    if (res.status !== 200)
      throw new StoreError(`An item could not be read (${graphErrorMessage(res)}).`, res.status);
    return { item: res.body as GraphListItem, res };
  }

  /**
   * Creates an item with `fields` (which carry the client key `key` in CrwId). A lost answer is
   * checked by key before the create is sent again; a duplicate key (409) returns the existing item.
   */
  createItem(
    key: string,
    fields: Fields,
    maxAttempts = 4,
  ): Promise<{ item: GraphListItem; res?: GraphResponse; foundByKey?: boolean }> {
    return createItemWithKey(this, key, fields, maxAttempts);
  }

  /**
   * Creates many items in batches of 20; a part that fails ambiguously is checked by key and only
   * the ones truly missing are sent again.
   */
  createItems(
    items: { key: string; fields: Fields }[],
    maxAttempts = 4,
  ): Promise<Map<string, { item: GraphListItem; foundByKey: boolean }>> {
    return createItemsWithKey(this, items, maxAttempts);
  }

  async findManyByKey(keys: string[]): Promise<Map<string, GraphListItem>> {
    const parts: BatchPart[] = keys.map((key) => ({
      id: key,
      method: 'GET',
      url: `${this.itemsUrl}?$expand=fields&$filter=${encodeURIComponent(`fields/${CRW_ID} eq '${key.replace(/'/g, "''")}'`)}&$top=2`,
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    }));
    const { responses } = await sendBatch(this.client, parts, this.batchOptions);
    const found = new Map<string, GraphListItem>();
    for (const key of keys) {
      const res = responses.get(key)!;
      if (res.status !== 200)
        throw new StoreError(`Items could not be looked up (${graphErrorMessage(res)}).`, res.status);
      const item = (res.body as { value: GraphListItem[] }).value[0];
      if (item) found.set(key, item);
    }
    return found;
  }

  /**
   * PATCH the fields with If-Match; the new eTag, or a conflict on 412 (or 404). A lost answer is
   * checked by reading the item again (see above).
   */
  async updateFields(itemId: string, eTag: string, fields: Fields): Promise<UpdateOutcome> {
    const backoff = this.backoff();
    for (;;) {
      const res = await this.sendOrNoAnswer({
        method: 'PATCH',
        url: `${this.itemsUrl}/${encodeURIComponent(itemId)}/fields`,
        headers: { 'If-Match': eTag },
        body: fields,
      });
      if (res?.status === 412 || res?.status === 404) return { conflict: true };
      if (res?.status === 200) {
        const body = res.body as Fields;
        const newTag = (body['@odata.etag'] as string | undefined) ?? res.headers.etag;
        if (newTag) return { eTag: newTag };
        // Graph's fieldValueSet normally carries the eTag; if not, read the item for it.
        const { item } = await this.readItem(itemId);
        return { eTag: item ? itemETag(item) : '' };
      }
      if (res && !isAmbiguousStatus(res.status))
        throw new StoreError(`The item could not be saved (${graphErrorMessage(res)}).`, res.status);
      // No clear answer: the change may have been saved. What is there now?
      const current = await this.readAfterLostAnswer(itemId);
      if (current && (!current.item || !sameETag(itemETag(current.item, current.res), eTag)))
        return { conflict: true, current };
      // Still the version we sent the change against (or it could not be read): send it again.
      if (!(await backoff.retry({ retryAfter: res?.headers['retry-after'] })))
        throw new StoreError(
          'The item could not be saved: Microsoft 365 did not answer after several attempts. Try again.',
          res?.status ?? 0,
        );
    }
  }

  /** DELETE with If-Match: deleted (404 included: it is gone), or a conflict on 412. */
  async deleteItem(itemId: string, eTag: string): Promise<'deleted' | 'conflict'> {
    const backoff = this.backoff();
    for (;;) {
      const res = await this.sendOrNoAnswer({
        method: 'DELETE',
        url: `${this.itemsUrl}/${encodeURIComponent(itemId)}`,
        headers: { 'If-Match': eTag },
      });
      if (res?.status === 204 || res?.status === 200 || res?.status === 404) return 'deleted';
      if (res?.status === 412) return 'conflict';
      if (res && !isAmbiguousStatus(res.status))
        throw new StoreError(`The item could not be deleted (${graphErrorMessage(res)}).`, res.status);
      // The delete may have been made: sending it again is safe (If-Match; 404 once it is gone).
      if (!(await backoff.retry({ retryAfter: res?.headers['retry-after'] })))
        throw new StoreError(
          'The item could not be deleted: Microsoft 365 did not answer after several attempts. Try again.',
          res?.status ?? 0,
        );
    }
  }

  /** The waits between attempts (../retry.ts): the store's sleep and limits, at most 10 s each. */
  private backoff(): Backoff {
    return new Backoff({ maxDelayMs: 10_000, ...this.batchOptions, maxAttempts: 4 });
  }

  /** Sends one request; undefined when the connection failed (no answer). */
  private async sendOrNoAnswer(spec: GraphRequestSpec): Promise<GraphResponse | undefined> {
    try {
      return await send(this.client, spec);
    } catch (err) {
      if (isOffline(err)) return undefined;
      throw err;
    }
  }

  /** The item read again after a lost answer; undefined when that read failed too (no answer). */
  private async readAfterLostAnswer(
    itemId: string,
  ): Promise<{ item?: GraphListItem; res: GraphResponse } | undefined> {
    try {
      return await this.readItem(itemId);
    } catch (err) {
      if (isOffline(err) || (err instanceof StoreError && isAmbiguousStatus(err.status ?? 0)))
        return undefined;
      throw err;
    }
  }
}
