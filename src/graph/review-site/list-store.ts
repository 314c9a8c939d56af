/**
 * The items of one SharePoint list, as every store uses them: read, look up by client key, update
 * and delete with If-Match. Creating with a client key is in create-with-key.ts.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { sendBatch, type BatchOptions, type BatchPart } from '../batch';
import { graphErrorMessage, send, type GraphResponse } from '../client';
import { createItemWithKey, createItemsWithKey } from './create-with-key';
import { StoreError, itemETag, type GraphListItem } from './list-items';
import type { Fields } from './mapping';
import { CRW_ID } from './schema';

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

  /** PATCH the fields with If-Match; returns the new eTag, or 'conflict' on 412. */
  async updateFields(itemId: string, eTag: string, fields: Fields): Promise<{ eTag: string } | 'conflict'> {
    const res = await send(this.client, {
      method: 'PATCH',
      url: `${this.itemsUrl}/${encodeURIComponent(itemId)}/fields`,
      headers: { 'If-Match': eTag },
      body: fields,
    });
    if (res.status === 412 || res.status === 404) return 'conflict';
    if (res.status !== 200)
      throw new StoreError(`The item could not be saved (${graphErrorMessage(res)}).`, res.status);
    const body = res.body as Fields;
    const newTag = (body['@odata.etag'] as string | undefined) ?? res.headers.etag;
    if (newTag) return { eTag: newTag };
    // Graph's fieldValueSet normally carries the eTag; if not, read the item for it.
    const { item } = await this.readItem(itemId);
    return { eTag: item ? itemETag(item) : '' };
  }

  async deleteItem(itemId: string, eTag: string): Promise<'deleted' | 'conflict'> {
    const res = await send(this.client, {
      method: 'DELETE',
      url: `${this.itemsUrl}/${encodeURIComponent(itemId)}`,
      headers: { 'If-Match': eTag },
    });
    if (res.status === 204 || res.status === 200 || res.status === 404) return 'deleted';
    if (res.status === 412) return 'conflict';
    throw new StoreError(`The item could not be deleted (${graphErrorMessage(res)}).`, res.status);
  }
}
