/**
 * The review's data in its SharePoint lists: load it all in two round trips, and create, update or
 * delete each entity without ever silently overwriting someone else's change.
 *
 * Loading. Every list's first page goes in one JSON batch (one round trip); the next pages of all
 * lists that have more go together in the second. Graph pages list items (200 by default; `$top`
 * raises the page, and SharePoint answers up to 5,000 items a page), so with LIST_PAGE_SIZE below a
 * review of normal size loads in one round trip and a very large one in two. Each item is validated
 * by the core's schema; a malformed item is reported in `problems` and the rest still loads.
 *
 * Writing. Input is validated by the core's schema before any request. Updates and deletes send
 * `If-Match` with the eTag read; a 412 comes back as a `Conflict` carrying my version and theirs
 * (read again), for the UI to merge. Creates carry the entity's id in the `CrwId` column, chosen
 * before the request: a create whose answer is lost (timeout, 503/504, dropped connection) is looked
 * up by that id before being sent again, so a retry never makes a duplicate.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ValidationError, parseOrThrow } from '../../core/errors';
import type { BoardAction } from '../../core/model/board-action';
import type { Conversation } from '../../core/model/conversation';
import type { Finding } from '../../core/model/finding';
import type { IdentityRegisterEntry } from '../../core/model/identity-register';
import type { KeyPracticeEpisode } from '../../core/model/key-practice-episode';
import type { CaseGroupMember, FamilyMember, LeadReviewer, ReviewTeamMember } from '../../core/model/people';
import { ReviewWorkspace } from '../../core/model/workspace';
import { sendBatch, type BatchOptions, type BatchPart } from '../batch';
import { graphErrorMessage, graphPath, send, type GraphResponse } from '../client';
import {
  ColumnValueError,
  ENTITY_MAPPINGS,
  REVIEW_RECORD_ID,
  createFields,
  identityRegisterEntryMapping,
  type EntityKind,
  type EntityMapping,
  type EntityOf,
  type Fields,
  type ReviewRecord,
} from './mapping';
import type { ProvisionedSite } from './provisioning';
import { ARTEFACTS_LIBRARY, CHOICES, CRW_ID, IDENTITY_REGISTER_LIST, REVIEW_SITE_LISTS } from './schema';

/** Items asked for per page. Graph's default for list items is 200; SharePoint serves up to 5,000. */
export const LIST_PAGE_SIZE = 1000;

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

/** A document of the artefacts library, by its metadata. */
export const ArtefactSummary = z.object({
  id: z.string(),
  name: z.string().optional(),
  type: z.enum(CHOICES.artefactType).optional(),
  agency: z.string().optional(),
  person: z.string().optional(),
  conversation: z.string().optional(),
  recordStatus: z.enum(CHOICES.recordStatus).optional(),
  stage: z.enum(CHOICES.stage).optional(),
});
export type ArtefactSummary = z.infer<typeof ArtefactSummary>;

export interface LoadedReview {
  record?: Stored<ReviewRecord>;
  leadReviewers: Stored<LeadReviewer>[];
  reviewTeam: Stored<ReviewTeamMember>[];
  caseGroup: Stored<CaseGroupMember>[];
  family: Stored<FamilyMember>[];
  conversations: Stored<Conversation>[];
  keyPracticeEpisodes: Stored<KeyPracticeEpisode>[];
  findings: Stored<Finding>[];
  boardActions: Stored<BoardAction>[];
  artefacts: Stored<ArtefactSummary>[];
  /** The core's view of the whole review, once the review record exists. */
  workspace?: ReviewWorkspace;
  problems: LoadProblem[];
  /** `$batch` requests the load made. */
  roundTrips: number;
}

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

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
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

interface GraphListItem {
  id: string;
  eTag?: string;
  '@odata.etag'?: string;
  fields?: Fields;
}

const ETAG = (item: GraphListItem, res?: GraphResponse) =>
  item.eTag ??
  item['@odata.etag'] ??
  res?.headers.etag ??
  (item.fields?.['@odata.etag'] as string | undefined) ??
  '';

const stored = <T>(value: T, item: GraphListItem, res?: GraphResponse): Stored<T> => ({
  value,
  itemId: item.id,
  eTag: ETAG(item, res),
});

/** Parses one item with a mapping; a problem (never the content) when it does not fit. */
function readItem<T extends { id: string }>(
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

const deepEqual = (a: unknown, b: unknown): boolean =>
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

const newId = () => globalThis.crypto.randomUUID();

const AMBIGUOUS = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

/**
 * The items of one list: create, update, delete with If-Match and client keys. The review store
 * and the identity register store are made of these.
 */
export class ListStore {
  constructor(
    protected readonly client: Client,
    readonly siteId: string,
    readonly listId: string,
    protected readonly batchOptions: BatchOptions = {},
  ) {}

  protected get itemsUrl() {
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
  async createItem(
    key: string,
    fields: Fields,
    maxAttempts = 4,
  ): Promise<{ item: GraphListItem; res?: GraphResponse; foundByKey?: boolean }> {
    // Once an answer was unclear, the item is looked up by its key before any new POST: a lookup
    // that fails is tried again, never skipped, so a create that landed is never sent twice.
    let unclear = false;
    let res: GraphResponse | undefined;
    for (let attempt = 1; ; attempt++) {
      let lookupFailed = false;
      if (unclear) {
        try {
          const existing = await this.findByKey(key);
          if (existing) return { item: existing, foundByKey: true };
        } catch {
          lookupFailed = true;
        }
      }
      if (!lookupFailed) {
        try {
          res = await send(this.client, { method: 'POST', url: this.itemsUrl, body: { fields } });
        } catch {
          res = undefined; // the connection failed: the item may or may not exist
        }
        if (res && (res.status === 201 || res.status === 200))
          return { item: res.body as GraphListItem, res };
        if (res && res.status !== 409 && !AMBIGUOUS(res.status))
          throw new StoreError(`The item could not be created (${graphErrorMessage(res)}).`, res.status);
        // A 429 means Graph did not run it; 409 (the key is taken), 5xx or no answer: it may have.
        unclear ||= res?.status !== 429;
      }
      if (attempt >= maxAttempts)
        throw new StoreError(
          'The item could not be created: Microsoft 365 did not answer clearly after several attempts. Nothing was duplicated; try again.',
          res?.status,
        );
      const wait =
        res?.status === 409
          ? 0
          : res?.headers['retry-after']
            ? Math.min(10, Number(res.headers['retry-after']) || 1)
            : attempt;
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  }

  /**
   * Creates many items in batches of 20; a part that fails ambiguously is checked by key and only
   * the ones truly missing are sent again.
   */
  async createItems(
    items: { key: string; fields: Fields }[],
    maxAttempts = 4,
  ): Promise<Map<string, { item: GraphListItem; foundByKey: boolean }>> {
    const done = new Map<string, { item: GraphListItem; foundByKey: boolean }>();
    let pending = items;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const { responses } = await sendBatch(
        this.client,
        pending.map((it) => ({
          id: it.key,
          method: 'POST',
          url: this.itemsUrl,
          body: { fields: it.fields },
        })),
        this.batchOptions,
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
      const found = await this.findManyByKey(unclear.map((u) => u.key));
      for (const [k, item] of found) done.set(k, { item, foundByKey: true });
      pending = unclear.filter((u) => !found.has(u.key));
      if (pending.length > 0 && attempt >= maxAttempts)
        throw new StoreError(
          `${pending.length} items could not be created after several attempts; nothing was duplicated.`,
        );
    }
    return done;
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
    return { eTag: item ? ETAG(item) : '' };
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

/**
 * An item found by its key after an unclear create: ours if it holds what we sent (our earlier
 * attempt landed), otherwise someone else's item with the same id, which is never taken as ours.
 */
function ownOrDuplicate<T extends { id: string }>(
  mapping: EntityMapping<T>,
  value: T,
  item: GraphListItem,
): Stored<T> {
  const parsed = readItem(mapping, item);
  if (parsed.ok && deepEqual(parsed.value, value)) return stored(value, item);
  throw new DuplicateKeyError(
    `${mapping.subject.replace(/^./, (c) => c.toUpperCase())} with this id already exists.`,
    parsed.ok ? stored(parsed.value, item) : undefined,
  );
}

/** Entity operations over a list store with one mapping (shared by the review and the register). */
async function createEntity<T extends { id: string }>(
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

async function updateEntity<T extends { id: string }>(
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
  if (result !== 'conflict') return { ok: true, item: { value, itemId: base.itemId, eTag: result.eTag } };
  const theirs = await readTheirs(store, mapping, base.itemId);
  // Our own earlier attempt may have landed before its answer was lost: then there is no conflict.
  if (theirs && deepEqual(theirs.value, value)) return { ok: true, item: theirs };
  return { ok: false, conflict: { kind, mine: value, theirs, base } };
}

async function deleteEntity<T extends { id: string }>(
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
): Promise<Stored<T> | undefined> {
  const { item, res } = await store.readItem(itemId);
  if (!item) return undefined;
  const parsed = readItem(mapping, item);
  if (!parsed.ok)
    throw new StoreError(
      `Someone else changed this item, and their version cannot be read: ${parsed.message}`,
    );
  return stored(parsed.value, item, res);
}

// ---------------------------------------------------------------- the review store

const PEOPLE_KINDS = ['leadReviewer', 'reviewTeamMember', 'caseGroupMember', 'familyMember'] as const;

/** The review's lists in its site, as provisioned. */
export class ReviewStore {
  private readonly stores = new Map<string, ListStore>();

  constructor(
    private readonly client: Client,
    readonly site: Pick<ProvisionedSite, 'siteId' | 'lists'>,
    private readonly batchOptions: BatchOptions & { pageSize?: number } = {},
  ) {}

  private listStore(listName: string): ListStore {
    const list = this.site.lists[listName];
    if (!list) throw new StoreError(`The review’s site has no list “${listName}”. Set the site up again.`);
    let s = this.stores.get(listName);
    if (!s) {
      s = new ListStore(this.client, this.site.siteId, list.id, this.batchOptions);
      this.stores.set(listName, s);
    }
    return s;
  }

  /** Every list of the review, in at most two round trips for a review of normal size. */
  async load(): Promise<LoadedReview> {
    const out: LoadedReview = {
      leadReviewers: [],
      reviewTeam: [],
      caseGroup: [],
      family: [],
      conversations: [],
      keyPracticeEpisodes: [],
      findings: [],
      boardActions: [],
      artefacts: [],
      problems: [],
      roundTrips: 0,
    };
    const items = new Map<string, GraphListItem[]>();
    let parts: BatchPart[] = [];
    for (const spec of REVIEW_SITE_LISTS) {
      const list = this.site.lists[spec.name];
      if (!list) {
        out.problems.push({
          list: spec.name,
          kind: 'list-missing',
          message: `The list “${spec.displayName}” is missing.`,
        });
        continue;
      }
      items.set(spec.name, []);
      parts.push({
        id: spec.name,
        method: 'GET',
        url: `/sites/${encodeURIComponent(this.site.siteId)}/lists/${encodeURIComponent(list.id)}/items?$expand=fields&$top=${this.batchOptions.pageSize ?? LIST_PAGE_SIZE}`,
      });
    }
    // Round 1: the first page of every list. Round 2 (and more for a huge list): the next pages, together.
    while (parts.length > 0) {
      const { responses, roundTrips } = await sendBatch(this.client, parts, this.batchOptions);
      out.roundTrips += roundTrips;
      const next: BatchPart[] = [];
      for (const part of parts) {
        const res = responses.get(part.id)!;
        if (res.status !== 200) {
          out.problems.push({
            list: part.id,
            kind: 'list-unreadable',
            message: `The list “${part.id}” could not be read (${graphErrorMessage(res)}).`,
          });
          items.delete(part.id);
          continue;
        }
        const body = res.body as { value: GraphListItem[]; '@odata.nextLink'?: string };
        items.get(part.id)!.push(...body.value);
        if (body['@odata.nextLink'])
          next.push({ id: part.id, method: 'GET', url: graphPath(body['@odata.nextLink']) });
      }
      parts = next;
    }

    const take = <K extends EntityKind>(kind: K, target: Stored<EntityOf<K>>[]) => {
      const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
      for (const item of items.get(mapping.list.name) ?? []) {
        if (!mapping.matches(item.fields ?? {})) continue;
        const parsed = readItem(mapping, item);
        if (parsed.ok) target.push(stored(parsed.value, item));
        else
          out.problems.push({
            list: mapping.list.name,
            itemId: item.id,
            kind: 'invalid-item',
            message: parsed.message,
          });
      }
    };
    const records: Stored<ReviewRecord>[] = [];
    take('review', records);
    out.record = records[0];
    take('leadReviewer', out.leadReviewers);
    take('reviewTeamMember', out.reviewTeam);
    take('caseGroupMember', out.caseGroup);
    take('familyMember', out.family);
    for (const item of items.get('People') ?? [])
      if (!PEOPLE_KINDS.some((k) => ENTITY_MAPPINGS[k].matches(item.fields ?? {})))
        out.problems.push({
          list: 'People',
          itemId: item.id,
          kind: 'invalid-item',
          message: `Item ${item.id} of People has no role in the review (lead reviewer, review team, case group or family).`,
        });
    take('conversation', out.conversations);
    take('keyPracticeEpisode', out.keyPracticeEpisodes);
    take('finding', out.findings);
    take('boardAction', out.boardActions);
    for (const item of items.get(ARTEFACTS_LIBRARY.name) ?? []) {
      const f = item.fields ?? {};
      const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
      const parsed = ArtefactSummary.safeParse({
        id: str(f[CRW_ID]) ?? `item-${item.id}`,
        name: str(f.FileLeafRef) ?? str(f.Title),
        type: str(f.ArtefactType),
        agency: str(f.Agency),
        person: str(f.Person),
        conversation: str(f.Conversation),
        recordStatus: str(f.RecordStatus),
        stage: str(f.Stage),
      });
      if (parsed.success) out.artefacts.push(stored(parsed.data, item));
      else
        out.problems.push({
          list: ARTEFACTS_LIBRARY.name,
          itemId: item.id,
          kind: 'invalid-item',
          message: `Document ${item.id} of ${ARTEFACTS_LIBRARY.displayName} has details the product does not know.`,
        });
    }

    if (records.length > 1)
      out.problems.push({
        list: 'Review',
        kind: 'invalid-item',
        message: `The Review list holds ${records.length} review records; the first is used.`,
      });
    if (out.record) {
      const result = ReviewWorkspace.safeParse({
        review: out.record.value.review,
        contributoryFactors: out.record.value.contributoryFactors,
        findingHeadings: out.record.value.findingHeadings,
        leadReviewers: out.leadReviewers.map((s) => s.value),
        reviewTeam: out.reviewTeam.map((s) => s.value),
        caseGroup: out.caseGroup.map((s) => s.value),
        family: out.family.map((s) => s.value),
        conversations: out.conversations.map((s) => s.value),
        keyPracticeEpisodes: out.keyPracticeEpisodes.map((s) => s.value),
        findings: out.findings.map((s) => s.value),
        boardActions: out.boardActions.map((s) => s.value),
      });
      if (result.success) out.workspace = result.data;
      else
        for (const issue of result.error.issues)
          out.problems.push({
            list: listOfPath(issue.path),
            kind: 'invalid-reference',
            message: issue.message,
          });
    }
    return out;
  }

  /** Creates an entity; an id is chosen here when the input has none. Throws ValidationError before any write. */
  create<K extends EntityKind>(
    kind: K,
    input: Omit<EntityOf<K>, 'id'> & { id?: string },
  ): Promise<Stored<EntityOf<K>>> {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    // The review record is one item with a known id: a second client creating it meets the first's.
    const withId = kind === 'review' && !input.id ? { ...input, id: REVIEW_RECORD_ID } : input;
    return createEntity(this.listStore(mapping.list.name), mapping, withId);
  }

  /** Creates many entities of one kind in batches of 20 (imports, seeding, benchmarks). */
  async createMany<K extends EntityKind>(
    kind: K,
    inputs: (Omit<EntityOf<K>, 'id'> & { id?: string })[],
  ): Promise<Stored<EntityOf<K>>[]> {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    const values = inputs.map((input, i) =>
      parseOrThrow(
        mapping.schema,
        input.id ? input : { ...input, id: newId() },
        `Item ${i + 1} (${mapping.subject})`,
      ),
    );
    const created = await this.listStore(mapping.list.name).createItems(
      values.map((v) => ({ key: v.id, fields: createFields(mapping.toFields(v)) })),
    );
    return values.map((v) => {
      const { item, foundByKey } = created.get(v.id)!;
      return foundByKey ? ownOrDuplicate(mapping, v, item) : stored(v, item);
    });
  }

  update<K extends EntityKind>(
    kind: K,
    base: Stored<EntityOf<K>>,
    next: EntityOf<K>,
  ): Promise<WriteResult<EntityOf<K>>> {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    return updateEntity(this.listStore(mapping.list.name), kind, mapping, base, next);
  }

  delete<K extends EntityKind>(kind: K, base: Stored<EntityOf<K>>): Promise<DeleteResult<EntityOf<K>>> {
    const mapping = ENTITY_MAPPINGS[kind] as unknown as EntityMapping<EntityOf<K>>;
    return deleteEntity(this.listStore(mapping.list.name), kind, mapping, base);
  }
}

const PATH_LISTS: Record<string, string> = {
  leadReviewers: 'People',
  reviewTeam: 'People',
  caseGroup: 'People',
  family: 'People',
  conversations: 'Conversations',
  keyPracticeEpisodes: 'KeyPracticeEpisodes',
  findings: 'Findings',
  boardActions: 'BoardActions',
};
const listOfPath = (path: readonly PropertyKey[]) => PATH_LISTS[String(path[0])] ?? 'Review';

// ---------------------------------------------------------------- the identity register

/** The register's entries, in the private channel's site. Only its members can reach it. */
export class IdentityRegisterStore {
  private readonly list: ListStore;

  constructor(
    private readonly client: Client,
    readonly site: Pick<ProvisionedSite, 'siteId' | 'lists'>,
  ) {
    const list = site.lists[IDENTITY_REGISTER_LIST.name];
    if (!list) throw new StoreError('The identity register list is missing. Set it up again.');
    this.list = new ListStore(client, site.siteId, list.id);
  }

  async load(): Promise<{ entries: Stored<IdentityRegisterEntry>[]; problems: LoadProblem[] }> {
    const entries: Stored<IdentityRegisterEntry>[] = [];
    const problems: LoadProblem[] = [];
    let url: string | undefined =
      `/sites/${encodeURIComponent(this.site.siteId)}/lists/${encodeURIComponent(this.list.listId)}/items?$expand=fields&$top=${LIST_PAGE_SIZE}`;
    while (url) {
      const res = await send(this.client, { method: 'GET', url });
      if (res.status !== 200)
        throw new StoreError(
          `The identity register could not be read (${graphErrorMessage(res)}).`,
          res.status,
        );
      const body = res.body as { value: GraphListItem[]; '@odata.nextLink'?: string };
      for (const item of body.value) {
        const parsed = readItem(identityRegisterEntryMapping, item);
        if (parsed.ok) entries.push(stored(parsed.value, item));
        else
          problems.push({
            list: IDENTITY_REGISTER_LIST.name,
            itemId: item.id,
            kind: 'invalid-item',
            message: parsed.message,
          });
      }
      url = body['@odata.nextLink'] ? graphPath(body['@odata.nextLink']) : undefined;
    }
    return { entries, problems };
  }

  create(input: Omit<IdentityRegisterEntry, 'id'> & { id?: string }) {
    return createEntity(this.list, identityRegisterEntryMapping, input);
  }
  update(base: Stored<IdentityRegisterEntry>, next: IdentityRegisterEntry) {
    return updateEntity(this.list, 'identityRegisterEntry', identityRegisterEntryMapping, base, next);
  }
  delete(base: Stored<IdentityRegisterEntry>) {
    return deleteEntity(this.list, 'identityRegisterEntry', identityRegisterEntryMapping, base);
  }
}
