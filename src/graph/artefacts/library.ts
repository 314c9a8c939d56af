/**
 * The "Review artefacts" document library of a review's site, through Microsoft Graph: upload with
 * checks before any write, details (metadata) with If-Match, listing with filters in one request
 * per page, download and version history.
 */
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { graphErrorMessage, send, sendIdempotent, type GraphResponse } from '../client';
import { isAmbiguousStatus, isOffline } from '../errors';
import { PageReadError, readAllPages } from '../paging';
import { ARTEFACTS_LIBRARY } from '../review-site/schema';
import {
  ArtefactConflictError,
  ArtefactInputError,
  ArtefactNameTakenError,
  ArtefactRequestError,
  RecordWorkflowError,
  UploadCancelledError,
  UploadFailedError,
  type ArtefactProblem,
} from './errors';
import {
  checkMetadata,
  fromFields,
  METADATA_COLUMNS,
  metadataLabel,
  toFields,
  typeLabel,
  type ArtefactMetadata,
  type ArtefactType,
  type MetadataKey,
  type RecordStatus,
} from './metadata';
import { describeIdentifierHits, type IdentifierMatcher } from '../../core/anonymity/identifier-matcher';
import { alternativeName, checkArtefactName, joinPath, proposeArtefactName } from './names';
import {
  DriveItemSchema,
  encodeDrivePath,
  startUpload,
  type DriveItem,
  type RetryPolicy,
  type UploadHandle,
  type UploadProgress,
} from './upload';
import { Backoff, type RetryOptions, type Sleep } from '../retry';

/** SharePoint's largest file (250 GB). */
export const MAX_FILE_BYTES = 250 * 1024 ** 3;

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export interface Artefact {
  listItemId: string;
  driveItemId: string;
  name: string;
  size: number;
  webUrl?: string;
  lastModifiedDateTime?: string;
  /** The list item's eTag: send it back with an edit, so that a concurrent change is a conflict. */
  eTag: string;
  metadata: ArtefactMetadata;
}

export interface ArtefactVersion {
  id: string;
  lastModifiedDateTime?: string;
  size?: number;
  lastModifiedBy?: string;
}

export interface NewArtefact {
  content: Blob | Uint8Array;
  /** Usually `proposeName(...)`; checked against SharePoint's rules and the identity register. */
  name: string;
  metadata: Omit<ArtefactMetadata, 'crwId' | 'agreedVersion'>;
  /**
   * When the name is taken: "fail" (default) refuses with ArtefactNameTakenError, offering the
   * two ways on; "replace" makes the upload a new version of that file; "rename" uploads under the
   * first free "name n.ext", chosen before the upload so the user sees it.
   */
  conflictBehavior?: ConflictBehavior;
  onProgress?: (progress: UploadProgress) => void;
  /** Overrides the library's identifier matcher for this check. */
  identifiers?: IdentifierMatcher;
}

export interface ArtefactFilter {
  type?: ArtefactType;
  agency?: string;
  /** The person's workspace id. */
  person?: string;
  /** The conversation's workspace id. */
  conversation?: string;
  recordStatus?: RecordStatus;
}

/** An upload in progress: `done` gives the artefact with its details set; `cancel()` leaves nothing. */
export interface ArtefactUpload {
  readonly done: Promise<Artefact>;
  /** The name the file goes in under (differs from the one asked for with "rename"). */
  readonly name: Promise<string>;
  cancel(): Promise<void>;
}

export interface ArtefactLibraryConfig {
  /** The product's Graph client (createGraphClient). */
  client: Client;
  siteId: string;
  listId: string;
  driveId: string;
  /** The library root's decoded server-relative path ("/sites/CR-2026-014/ReviewArtefacts"), for the 400-character rule. */
  rootPath: string;
  /** The review's reference code, used in proposed names and sharing messages. */
  referenceCode: string;
  /**
   * The identity register's matcher (`buildIdentifierMatcher(register.entries)`), for the anonymity
   * guard of names, details and invitations; nothing it matches is stored or logged.
   */
  identifiers?: IdentifierMatcher;
  /** Upload tuning and test hooks. */
  upload?: {
    fragmentSize?: number;
    simpleUploadMax?: number;
    retry?: RetryPolicy;
    uploadFetch?: typeof fetch;
    /** The waits between attempts (../retry.ts); tests pass one that resolves at once. */
    sleep?: Sleep;
  };
}

const ListItemSchema = z.object({
  id: z.string(),
  eTag: z.string().optional(),
  '@odata.etag': z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  driveItem: DriveItemSchema.optional(),
});

const DriveItemWithListItemSchema = DriveItemSchema.extend({ listItem: ListItemSchema.optional() });

const VersionSchema = z.object({
  id: z.string(),
  lastModifiedDateTime: z.string().optional(),
  size: z.number().optional(),
  lastModifiedBy: z
    .object({ user: z.object({ displayName: z.string().optional() }).loose().optional() })
    .loose()
    .optional(),
});

/** The driveItem properties the gateway reads, for $select/$expand. */
const DRIVE_ITEM_SELECT = 'id,name,size,webUrl,eTag,cTag,lastModifiedDateTime,file';
const FIELD_SELECT = Object.values(METADATA_COLUMNS).join(',');

/** OData string literal: quotes doubled. */
const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function expectOk(res: GraphResponse, what: string): unknown {
  if (res.status >= 200 && res.status < 300) return res.body;
  const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
  throw new ArtefactRequestError(`${what} failed: ${graphErrorMessage(res)}`, res.status, code);
}

/** Every item of a collection, page after page (../paging.ts); a failure as `expectOk` words it. */
async function readAll(
  client: Client,
  what: string,
  url: string,
  headers?: Record<string, string>,
): Promise<unknown[]> {
  try {
    return await readAllPages(client, url, headers);
  } catch (err) {
    if (err instanceof PageReadError) expectOk(err.res, what);
    throw err;
  }
}

/**
 * Finds the library in a review's site (by its URL name or display name) and its drive: two GETs,
 * once per session.
 */
export async function openArtefactLibrary(
  client: Client,
  siteId: string,
  options: Omit<ArtefactLibraryConfig, 'client' | 'siteId' | 'listId' | 'driveId' | 'rootPath'>,
): Promise<ArtefactLibrary> {
  const lists = await readAll(
    client,
    'Finding the Review artefacts library',
    `/sites/${siteId}/lists?$select=id,name,displayName`,
  );
  const list = lists
    .map((l) =>
      z.object({ id: z.string(), name: z.string().optional(), displayName: z.string().optional() }).parse(l),
    )
    .find((l) => l.name === ARTEFACTS_LIBRARY.name || l.displayName === ARTEFACTS_LIBRARY.displayName);
  if (!list)
    throw new ArtefactRequestError(
      'The review’s site has no Review artefacts library yet. Open the review once as a lead reviewer to set it up.',
      404,
    );
  const drive = z.object({ id: z.string(), webUrl: z.string() }).parse(
    expectOk(
      await send(client, {
        method: 'GET',
        url: `/sites/${siteId}/lists/${list.id}/drive?$select=id,webUrl`,
      }),
      'Opening the Review artefacts library',
    ),
  );
  const rootPath = decodeURIComponent(new URL(drive.webUrl).pathname).replace(/\/+$/, '');
  return new ArtefactLibrary({ ...options, client, siteId, listId: list.id, driveId: drive.id, rootPath });
}

export class ArtefactLibrary {
  constructor(readonly config: ArtefactLibraryConfig) {}

  private get client() {
    return this.config.client;
  }

  /** The waits between attempts after a lost answer (../retry.ts): the upload's sleep. */
  get retryOptions(): RetryOptions {
    return { sleep: this.config.upload?.sleep };
  }

  private get itemsUrl() {
    return `/sites/${this.config.siteId}/lists/${this.config.listId}/items`;
  }

  /** The name the product proposes for a new artefact; never derived from a person's name. */
  proposeName(input: {
    type: ArtefactType;
    roleLabel?: string;
    version?: number;
    extension: string;
  }): string {
    return proposeArtefactName({
      referenceCode: this.config.referenceCode,
      typeLabel: typeLabel(input.type),
      roleLabel: input.roleLabel,
      version: input.version ?? 1,
      extension: input.extension,
    });
  }

  /** Every problem with a new artefact that can be found without the network. */
  checkNewArtefact(
    input: Pick<NewArtefact, 'content' | 'name' | 'metadata' | 'identifiers'>,
  ): ArtefactProblem[] {
    const problems: ArtefactProblem[] = [];
    const size = input.content instanceof Blob ? input.content.size : input.content.byteLength;
    if (size === 0)
      problems.push({
        field: 'file',
        code: 'file-empty',
        message:
          'The file is empty (0 bytes). Choose the file again; if it is still empty, save it again from its program first.',
      });
    if (size > MAX_FILE_BYTES)
      problems.push({
        field: 'file',
        code: 'file-too-large',
        message: 'The file is larger than SharePoint’s limit of 250 GB.',
      });
    for (const p of checkArtefactName(input.name, {
      folderPath: this.config.rootPath,
      identifiers: input.identifiers ?? this.config.identifiers,
    }))
      problems.push({ field: 'name', code: p.code, message: p.message });
    problems.push(...checkMetadata(input.metadata, 'create'));
    problems.push(...this.checkAnonymity(input.metadata, input.identifiers));
    return problems;
  }

  /** Details are shown wherever the file is listed: none may carry a real name from the register either. */
  private checkAnonymity(metadata: object, identifiers = this.config.identifiers): ArtefactProblem[] {
    if (!identifiers) return [];
    return Object.entries(metadata).flatMap(([key, value]) => {
      if (!(key in METADATA_COLUMNS) || typeof value !== 'string') return [];
      const hits = identifiers.find(value);
      if (hits.length === 0) return [];
      return [
        {
          field: `metadata.${key}`,
          code: 'metadata-identifies-person',
          message: `${describeIdentifierHits(hits, metadataLabel(key as MetadataKey))} Use the pseudonym or role label.`,
        },
      ];
    });
  }

  /**
   * Uploads a new artefact (or a new version, with "replace") and sets its details. Every check runs
   * before the first write: a bad input throws ArtefactInputError, a taken name (with "fail")
   * ArtefactNameTakenError, and the library is left as it was.
   */
  upload(input: NewArtefact): ArtefactUpload {
    let cancelled = false;
    let handle: UploadHandle | undefined;
    let resolveName!: (name: string) => void;
    const name = new Promise<string>((r) => (resolveName = r));
    let created: DriveItem | undefined;
    let complete = false;
    let replaced = false;

    const run = async (): Promise<Artefact> => {
      const problems = this.checkNewArtefact(input);
      if (problems.length) throw new ArtefactInputError(problems);
      const behaviour = input.conflictBehavior ?? 'fail';
      const existing = await this.findByName(input.name);
      let target = input.name;
      if (existing && behaviour === 'fail')
        throw new ArtefactNameTakenError(input.name, await this.freeName(input.name), existing.id);
      if (existing && behaviour === 'rename') target = await this.freeName(input.name);
      replaced = Boolean(existing && behaviour === 'replace');
      // A new version keeps the artefact's identity and its place in the record workflow.
      const keep = replaced && existing ? (await this.get(existing.id)).metadata : undefined;
      if (keep?.type === 'conversation record' && keep.recordStatus === 'agreed')
        throw new RecordWorkflowError(
          'This conversation record has been agreed with the practitioner and cannot be replaced. Upload the new text under a new name.',
        );
      resolveName(target);
      if (cancelled) throw new UploadCancelledError();

      const content = input.content instanceof Blob ? input.content : new Blob([input.content as BlobPart]);
      handle = startUpload({
        client: this.client,
        driveId: this.config.driveId,
        path: target,
        content,
        conflictBehavior: replaced ? 'replace' : 'fail',
        previous: replaced ? existing : undefined,
        onProgress: input.onProgress,
        ...this.config.upload,
      });
      let item: DriveItem;
      try {
        item = await handle.done;
      } catch (err) {
        if (err instanceof UploadFailedError && err.status === 409)
          throw new ArtefactNameTakenError(target, await this.freeName(target), undefined);
        throw err;
      }
      if (!replaced) created = item;
      if (cancelled) throw new UploadCancelledError();

      const metadata: ArtefactMetadata = {
        ...input.metadata,
        crwId: keep?.crwId ?? newId(),
        recordStatus: keep?.recordStatus ?? input.metadata.recordStatus,
      };
      if (metadata.type === 'conversation record') metadata.recordStatus ??= 'draft';
      else delete metadata.recordStatus;
      // Fixed values without If-Match: sent again as it is when its answer is lost.
      const patched = await sendIdempotent(
        this.client,
        {
          method: 'PATCH',
          url: `/drives/${this.config.driveId}/items/${item.id}/listItem/fields`,
          body: toFields(metadata),
        },
        this.retryOptions,
      );
      expectOk(patched, 'Saving the artefact’s details');
      if (cancelled) throw new UploadCancelledError();
      complete = true;
      // The artefact is whole now: a read that fails is tried again, never reported as a failed upload.
      return this.getAfterWrite(item.id);
    };

    const done = run().catch(async (err: unknown) => {
      resolveName(input.name);
      // A new file without its details (cancelled after it landed, or the details refused) is
      // removed: an upload either makes a whole artefact or leaves the library as it was.
      if (created && !complete) {
        await sendIdempotent(
          this.client,
          { method: 'DELETE', url: `/drives/${this.config.driveId}/items/${created.id}` },
          this.retryOptions,
        ).catch(() => undefined);
        if (cancelled) throw new UploadCancelledError();
      }
      throw err;
    });
    done.catch(() => undefined);
    return {
      done,
      name,
      cancel: async () => {
        cancelled = true;
        await handle?.cancel();
        await done.then(
          () => undefined,
          () => undefined,
        );
      },
    };
  }

  /** The drive item holding `name` in the library's root, or undefined when the name is free. */
  async findByName(name: string): Promise<DriveItem | undefined> {
    const res = await send(this.client, {
      method: 'GET',
      url: `/drives/${this.config.driveId}/items/root:/${encodeDrivePath(name)}?$select=${DRIVE_ITEM_SELECT}`,
    });
    if (res.status === 404) return undefined;
    return DriveItemSchema.parse(expectOk(res, 'Checking whether the name is free'));
  }

  /** The first free "name n.ext". */
  private async freeName(name: string): Promise<string> {
    const taken = new Set<string>();
    for (;;) {
      const candidate = alternativeName(name, (c) => taken.has(c));
      if (!(await this.findByName(candidate))) return candidate;
      taken.add(candidate);
    }
  }

  /**
   * Artefacts matching the filter, with their details and file properties: one request per page
   * of 200 (list items with $expand=fields and driveItem), filtered by SharePoint.
   */
  async list(filter: ArtefactFilter = {}): Promise<Artefact[]> {
    const clauses = (Object.entries(filter) as [MetadataKey, string | undefined][])
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `fields/${METADATA_COLUMNS[k]} eq ${odataString(v!)}`);
    // Written out rather than with URLSearchParams, which would send spaces as "+" and "$" as "%24".
    let query = `$expand=fields($select=${FIELD_SELECT}),driveItem($select=${DRIVE_ITEM_SELECT})&$top=200`;
    if (clauses.length) query += `&$filter=${encodeURIComponent(clauses.join(' and '))}`;
    // Filtering on columns SharePoint has not indexed needs this header; ours are few and small.
    const headers = clauses.length ? { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } : undefined;
    const items = await readAll(this.client, 'Listing artefacts', `${this.itemsUrl}?${query}`, headers);
    const out: Artefact[] = [];
    for (const raw of items) {
      const artefact = toArtefact(ListItemSchema.parse(raw));
      if (artefact) out.push(artefact);
    }
    return out;
  }

  /**
   * One artefact, by its drive item: the file with its list item and details expanded, in one
   * request (`/drives/{id}/items/{id}?$expand=listItem($expand=fields)`).
   */
  async get(driveItemId: string): Promise<Artefact> {
    const res = await send(this.client, {
      method: 'GET',
      url: `/drives/${this.config.driveId}/items/${driveItemId}?$select=${DRIVE_ITEM_SELECT}&$expand=listItem($select=id,eTag;$expand=fields($select=${FIELD_SELECT}))`,
    });
    const item = DriveItemWithListItemSchema.parse(expectOk(res, 'Reading the artefact'));
    const artefact = item.listItem && toArtefact({ ...item.listItem, driveItem: item });
    if (!artefact)
      throw new ArtefactRequestError('The item is not a file of the Review artefacts library.', 404);
    return artefact;
  }

  /**
   * `get` after a write that was made: a read that failed without a clear answer (no answer, 429 or
   * a 5xx once the client's own retries were spent) is tried again after the back-off of
   * ../retry.ts, so that a change that was made is not shown as failed (found by npm run drill: the
   * person then uploaded again and was told the name was taken by their own file).
   */
  private async getAfterWrite(driveItemId: string): Promise<Artefact> {
    const backoff = new Backoff({ maxDelayMs: 10_000, ...this.retryOptions });
    for (;;) {
      try {
        return await this.get(driveItemId);
      } catch (err) {
        const unclear =
          isOffline(err) ||
          (err instanceof ArtefactRequestError && (err.status === 429 || isAmbiguousStatus(err.status)));
        if (!unclear || !(await backoff.retry())) throw err;
      }
    }
  }

  /**
   * Changes an artefact's details. `eTag` is the one read with the artefact: if someone changed the
   * item since, SharePoint answers 412 and this throws ArtefactConflictError (nothing is written).
   * Record status and agreed version change only through the workflow (conversation-record.ts).
   */
  async updateMetadata(
    artefact: Pick<Artefact, 'listItemId' | 'driveItemId' | 'eTag'>,
    changes: { [K in MetadataKey]?: ArtefactMetadata[K] | null },
    options: { allowWorkflowKeys?: boolean } = {},
  ): Promise<Artefact> {
    const problems = [...checkMetadata(changes, 'edit', options), ...this.checkAnonymity(changes)];
    if (problems.length) throw new ArtefactInputError(problems);
    const backoff = new Backoff({ maxDelayMs: 10_000, ...this.retryOptions });
    for (;;) {
      let res: GraphResponse | undefined;
      try {
        res = await send(this.client, {
          method: 'PATCH',
          url: `${this.itemsUrl}/${artefact.listItemId}/fields`,
          headers: { 'If-Match': artefact.eTag },
          body: toFields(changes),
        });
      } catch (err) {
        if (!isOffline(err)) throw err;
      }
      if (res?.status === 412) {
        const current = await this.get(artefact.driveItemId).catch(() => undefined);
        // Our own change, made before its answer was lost (a 504 the SDK resent): no conflict.
        if (current && holds(current, changes)) return current;
        throw new ArtefactConflictError(artefact.listItemId, current?.eTag);
      }
      if (res && !isAmbiguousStatus(res.status)) {
        expectOk(res, 'Saving the artefact’s details');
        return this.getAfterWrite(artefact.driveItemId);
      }
      // No clear answer: the details may have been saved. Read them: still our eTag means nothing
      // was saved (send again); our values mean it was; anything else is someone else's change.
      const current = await this.get(artefact.driveItemId).catch((err: unknown) => {
        if (isOffline(err) || (err instanceof ArtefactRequestError && isAmbiguousStatus(err.status)))
          return undefined;
        throw err;
      });
      if (current && !sameETag(current.eTag, artefact.eTag)) {
        if (holds(current, changes)) return current;
        throw new ArtefactConflictError(artefact.listItemId, current.eTag);
      }
      if (!(await backoff.retry({ retryAfter: res?.headers['retry-after'] })))
        throw new ArtefactRequestError(
          'Saving the artefact’s details failed: Microsoft 365 did not answer after several attempts. Try again.',
          res?.status ?? 0,
        );
    }
  }

  /** The file's content. */
  async download(driveItemId: string): Promise<Uint8Array> {
    const body = (await this.client
      .api(`/drives/${this.config.driveId}/items/${driveItemId}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    return new Uint8Array(body);
  }

  /**
   * The file's content as a Blob, through its pre-authenticated download URL
   * (`@microsoft.graph.downloadUrl`, the URL GET .../content redirects to), fetched without the
   * token. This works in a browser as well as in Node: in a browser, GET .../content's 302 cannot
   * be followed from script (the SDK's RedirectHandler asks fetch not to follow redirects, which a
   * browser answers with an opaque response; and a request with an Authorization header may not
   * follow a redirect to another origin: msgraph-sdk-javascript #16 and #109, OneDrive's "Working
   * with CORS"). The download URL needs no preflight; the pages' Content-Security-Policy allows
   * its host (the SharePoint host; the local tenant's own origin in local mode).
   */
  async downloadBlob(driveItemId: string): Promise<Blob> {
    const item = z
      .object({ '@microsoft.graph.downloadUrl': z.string().url() })
      .loose()
      .parse(
        expectOk(
          await send(this.client, {
            method: 'GET',
            url: `/drives/${this.config.driveId}/items/${driveItemId}`,
          }),
          'Reading the file to download',
        ),
      );
    const fetchImpl = this.config.upload?.uploadFetch ?? fetch;
    let res: Response;
    try {
      res = await fetchImpl(item['@microsoft.graph.downloadUrl'], { method: 'GET', credentials: 'omit' });
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') throw err;
      throw new ArtefactRequestError('The file could not be downloaded: the connection failed.', 0);
    }
    if (!res.ok)
      throw new ArtefactRequestError(`The file could not be downloaded (HTTP ${res.status}).`, res.status);
    return res.blob();
  }

  /** The file's versions, newest first, as Graph lists them. */
  async versions(driveItemId: string): Promise<ArtefactVersion[]> {
    const versions = await readAll(
      this.client,
      'Reading the version history',
      `/drives/${this.config.driveId}/items/${driveItemId}/versions`,
    );
    return versions.map((raw) => {
      const v = VersionSchema.parse(raw);
      return {
        id: v.id,
        lastModifiedDateTime: v.lastModifiedDateTime,
        size: v.size,
        lastModifiedBy: v.lastModifiedBy?.user?.displayName,
      };
    });
  }

  /** The full path SharePoint counts for the 400-character rule. */
  pathOf(name: string): string {
    return joinPath(this.config.rootPath, name);
  }
}

function toArtefact(item: z.infer<typeof ListItemSchema>): Artefact | undefined {
  const drive = item.driveItem;
  // Only files are artefacts: a folder someone made in the library has a size too, but no `file`.
  if (!drive?.file) return undefined;
  return {
    listItemId: item.id,
    driveItemId: drive.id,
    name: drive.name,
    size: drive.size ?? 0,
    webUrl: drive.webUrl,
    lastModifiedDateTime: drive.lastModifiedDateTime,
    eTag: item.eTag ?? item['@odata.etag'] ?? '',
    metadata: fromFields(item.fields),
  };
}

const newId = (): string => globalThis.crypto.randomUUID();

/** Same eTag, whether weak or strong, quoted or not. */
export const sameETag = (a: string, b: string) =>
  a.replace(/^W\//, '').replace(/"/g, '') === b.replace(/^W\//, '').replace(/"/g, '');

/** The artefact holds every detail of `changes` (null: cleared). */
function holds(artefact: Artefact, changes: { [K in MetadataKey]?: ArtefactMetadata[K] | null }): boolean {
  return (Object.entries(changes) as [MetadataKey, unknown][]).every(
    ([key, value]) => value === undefined || (artefact.metadata[key] ?? null) === value,
  );
}
