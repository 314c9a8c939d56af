import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { GraphError, badRequest, conflict } from '../http/errors';
import { decodeSegment } from '../http/router';
import type { RouteRequest, TenantContext, TenantRequest, TenantResponse } from '../http/types';
import type { TenantStore } from '../store/database';
import {
  type Drive,
  type DriveItemRecord,
  type NewContent,
  chunkSizes,
  contentFromBuffer,
  createFile,
  createFolder,
  findChild,
  getDrive,
  getItem,
  itemPathNames,
  putChunk,
  readChunks,
  replaceContent,
  versionsOf,
} from '../store/drives';
import { QuickXorHash, type QuickXorState } from '../store/quickxorhash';
import {
  type Addressed,
  type DriveScope,
  checkIfMatch,
  contextOfItem,
  decodedPathOf,
  itemJson,
  requireAccess,
  verifyDownload,
  walk,
  itemResponse,
} from './drives-core';
import {
  type ConflictBehavior,
  parseConflictBehavior,
  uniqueName,
  validateItemName,
  validatePathLength,
} from './drives-names';

/**
 * Uploads, as Graph and SharePoint take them (learn.microsoft.com/graph/api/driveitem-put-content
 * and .../driveitem-createuploadsession), and the pre-authenticated URLs that serve them.
 *
 * Simple upload, PUT .../content:
 * - The docs now say "files up to 250 MB" (older revisions: 4 MB). The product uploads up to
 *   4 MiB this way and uses a session above; the local tenant accepts simple uploads to 250 MB
 *   in principle, but its HTTP server reads at most 64 MiB per request body (413 above).
 * - `@microsoft.graph.conflictBehavior` comes in the query string ("should be included in the URL
 *   instead of the body", driveItem resource docs); "The default for PUT is replace".
 *   201 Created for a new file, 200 OK when an existing file's content was replaced.
 * - An empty (0-byte) body creates an empty file, as Graph allows.
 * - Missing folders on the path are created.
 *
 * Upload sessions:
 * - POST .../createUploadSession → 200 {uploadUrl, expirationDateTime, nextExpectedRanges}.
 *   `item["@microsoft.graph.conflictBehavior"]` defaults to fail (createUploadSession docs:
 *   "fail (default) | replace | rename"); a name in the body must match the path's.
 * - The uploadUrl is pre-authenticated, outside /v1.0: `{origin}/_upload/{session}`. The docs warn
 *   that sending the Authorization header to it "may result in an HTTP 401 Unauthorized"; the
 *   local tenant always answers 401 then, so a client that leaks its Graph token there is caught.
 * - PUT with Content-Range "bytes a-b/total": fragments in order, each under 60 MiB (413
 *   maxFragmentLengthExceeded), each but the last a multiple of 320 KiB (327,680 bytes; the docs
 *   say MUST and that other sizes "result in errors committing some files": the local tenant
 *   refuses them at once with 400, which real SharePoint may not do). A fragment already received
 *   is 416 invalidRange/fragmentOverlap; one beyond the next expected byte 416 fragmentOutOfOrder
 *   (OneDrive's detailed error codes); a different total 400 fragmentLengthMismatch. Errors leave
 *   nextExpectedRanges unchanged.
 * - Each fragment is stored as it arrives (blobs table) and extends the expiry (15 minutes after
 *   the last fragment, as SharePoint's sessions do); intermediate answer 202
 *   {expirationDateTime, nextExpectedRanges: ["{next}-{last}"]}; the last fragment commits: 201
 *   (new file) or 200 (replaced), with the driveItem. A name taken meanwhile with "fail" is 409
 *   nameAlreadyExists and the session stays until it expires.
 * - GET uploadUrl: the status (to resume after a dropped connection); DELETE: cancel (204), after
 *   which the session is 404 (itemNotFound/uploadSessionNotFound), as after expiry.
 * - deferCommit: the last fragment answers 202 and a zero-length POST to the uploadUrl commits
 *   (as OneDrive for Business and SharePoint do).
 */

export const SIMPLE_UPLOAD_MAX = 250 * 1024 * 1024;
export const FRAGMENT_MULTIPLE = 320 * 1024;
export const FRAGMENT_MAX_EXCLUSIVE = 60 * 1024 * 1024;
export const SESSION_IDLE_MS = 15 * 60 * 1000;

const UPLOAD_SESSION = 'uploadSession';

interface UploadSessionRecord {
  id: string;
  driveId: string;
  userId: string;
  /** Replacing this file's content (createUploadSession on an existing file's id). */
  targetItemId?: string;
  /** Else: the deepest existing folder and the names below it (the last is the file's). */
  parentId?: string;
  names?: string[];
  conflictBehavior: ConflictBehavior;
  deferCommit: boolean;
  total?: number;
  received: number;
  chunks: string[];
  hash: QuickXorState;
  expiresAt: number;
}

// --- simple upload -----------------------------------------------------------------------------

function conflictFromQuery(req: RouteRequest, fallback: ConflictBehavior): ConflictBehavior {
  const value = req.query.get('@microsoft.graph.conflictBehavior') ?? req.query.get('@name.conflictBehavior');
  return parseConflictBehavior(value ?? undefined, fallback);
}

const nameExists = () => conflict('The specified item name already exists.', 'nameAlreadyExists');

/** Validates new names below `parent` and SharePoint's path limit for the last one. */
function checkNewNames(
  store: TenantStore,
  scope: DriveScope,
  parent: DriveItemRecord,
  names: string[],
  lastIsFolder: boolean,
) {
  const atRoot = !parent.parentId;
  names.forEach((name, i) =>
    validateItemName(name, {
      atLibraryRoot: atRoot && i === 0,
      isFolder: i < names.length - 1 || lastIsFolder,
    }),
  );
  validatePathLength(decodedPathOf(scope, [...itemPathNames(store, parent), ...names]));
}

function ensureFolders(
  store: TenantStore,
  scope: DriveScope,
  parent: DriveItemRecord,
  names: string[],
  userId: string,
  now: Date,
): DriveItemRecord {
  let current = parent;
  for (const name of names) {
    if (!current.isFolder) throw nameExists();
    current =
      findChild(store, current.id, name) ?? createFolder(store, scope.drive, current.id, name, userId, now);
  }
  if (!current.isFolder) throw nameExists();
  return current;
}

/**
 * Puts new content at a folder/name: a new file, or per the conflict behaviour a replaced or
 * renamed one. Returns the item and whether it was created.
 */
function writeAt(
  store: TenantStore,
  scope: DriveScope,
  folder: DriveItemRecord,
  name: string,
  content: NewContent,
  behavior: ConflictBehavior,
  userId: string,
  now: Date,
): { item: DriveItemRecord; created: boolean } {
  const existing = findChild(store, folder.id, name);
  if (!existing)
    return { item: createFile(store, scope.drive, folder.id, name, content, userId, now), created: true };
  if (behavior === 'fail' || (behavior === 'replace' && existing.isFolder)) throw nameExists();
  if (behavior === 'replace')
    return { item: replaceContent(store, existing, content, userId, now), created: false };
  const renamed = uniqueName(name, false, (n) => !!findChild(store, folder.id, n));
  validatePathLength(decodedPathOf(scope, [...itemPathNames(store, folder), renamed]));
  return { item: createFile(store, scope.drive, folder.id, renamed, content, userId, now), created: true };
}

/** PUT .../content (by id, or by path below an item). */
export function putContent(req: RouteRequest, a: Addressed): TenantResponse {
  const { store } = req.ctx;
  const now = req.ctx.now();
  const behavior = conflictFromQuery(req, 'replace');
  if (req.body.length > SIMPLE_UPLOAD_MAX)
    throw new GraphError(
      413,
      'invalidRequest',
      'Simple upload takes files up to 250 MB; use an upload session.',
      {},
      'maxFileSizeExceeded',
    );
  return store.transaction(() => {
    if (a.item) {
      requireAccess(req, a.scope, a.item, 'write');
      if (a.item.isFolder)
        throw badRequest('The item is a folder: content can only be uploaded to a file.', 'invalidRequest');
      checkIfMatch(req, a.item);
      let result: { item: DriveItemRecord; created: boolean };
      if (a.byPath && behavior !== 'replace') {
        const folder = getItem(store, a.item.parentId!)!;
        result = writeAt(
          store,
          a.scope,
          folder,
          a.item.name,
          contentFromBuffer(store, req.body),
          behavior,
          req.user.id,
          now,
        );
      } else {
        result = {
          item: replaceContent(store, a.item, contentFromBuffer(store, req.body), req.user.id, now),
          created: false,
        };
      }
      return itemResponse(req, a.scope, result.item, result.created ? 201 : 200);
    }
    const parent = a.parent!;
    requireAccess(req, a.scope, parent, 'write');
    if (!parent.isFolder) throw nameExists();
    checkNewNames(store, a.scope, parent, a.missing, false);
    const folder = ensureFolders(store, a.scope, parent, a.missing.slice(0, -1), req.user.id, now);
    const name = a.missing[a.missing.length - 1]!;
    const result = writeAt(
      store,
      a.scope,
      folder,
      name,
      contentFromBuffer(store, req.body),
      behavior,
      req.user.id,
      now,
    );
    return itemResponse(req, a.scope, result.item, result.created ? 201 : 200);
  });
}

// --- upload sessions ---------------------------------------------------------------------------

const sessionNotFound = () =>
  new GraphError(
    404,
    'itemNotFound',
    'The upload session was not found. It may have expired, been cancelled or completed.',
    {},
    'uploadSessionNotFound',
  );

function nextExpectedRanges(s: UploadSessionRecord): string[] {
  if (s.total === undefined) return [`${s.received}-`];
  return s.received < s.total ? [`${s.received}-${s.total - 1}`] : [];
}

const expiration = (s: UploadSessionRecord) => new Date(s.expiresAt).toISOString();

function discardSession(store: TenantStore, s: UploadSessionRecord) {
  store.transaction(() => {
    for (const c of s.chunks) store.deleteBlob(c);
    store.delete(UPLOAD_SESSION, s.id);
  });
}

/** Drops sessions past their expiry, with their fragments (SharePoint cleans them up too). */
function sweepExpired(store: TenantStore, now: Date) {
  for (const s of store.list<UploadSessionRecord>(UPLOAD_SESSION))
    if (s.expiresAt < now.getTime()) discardSession(store, s);
}

/** POST .../createUploadSession */
export function createUploadSession(req: RouteRequest, a: Addressed): TenantResponse {
  const { store } = req.ctx;
  const now = req.ctx.now();
  sweepExpired(store, now);
  const body = req.body.length ? req.json() : {};
  const itemProps = body.item ?? {};
  if (typeof itemProps !== 'object' || itemProps === null || Array.isArray(itemProps))
    throw badRequest("'item' must be a JSON object (driveItemUploadableProperties).", 'invalidRequest');
  const props = itemProps as Record<string, unknown>;
  const behavior = parseConflictBehavior(
    props['@microsoft.graph.conflictBehavior'] ?? props['@name.conflictBehavior'],
    'fail',
  );
  if (props.name !== undefined && typeof props.name !== 'string')
    throw badRequest("'name' must be a string.", 'invalidRequest');
  if (
    props.fileSize !== undefined &&
    (typeof props.fileSize !== 'number' || !Number.isInteger(props.fileSize) || props.fileSize < 0)
  )
    throw badRequest("'fileSize' must be a whole number of bytes.", 'invalidRequest');
  if (body.deferCommit !== undefined && typeof body.deferCommit !== 'boolean')
    throw badRequest("'deferCommit' must be true or false.", 'invalidRequest');

  const session: UploadSessionRecord = {
    id: randomBytes(32).toString('base64url'),
    driveId: a.scope.drive.id,
    userId: req.user.id,
    conflictBehavior: behavior,
    deferCommit: body.deferCommit === true,
    received: 0,
    chunks: [],
    hash: new QuickXorHash().state(),
    expiresAt: now.getTime() + SESSION_IDLE_MS,
  };

  if (a.item && !a.byPath) {
    // Update an existing file by id; a name in the body names a new file in a folder.
    requireAccess(req, a.scope, a.item, 'write');
    checkIfMatch(req, a.item);
    if (a.item.isFolder) {
      if (typeof props.name !== 'string')
        throw badRequest(
          'To upload a new file, give the parent folder and the file name: .../items/{parent-id}:/{name}:/createUploadSession.',
          'invalidRequest',
        );
      checkNewNames(store, a.scope, a.item, [props.name], false);
      failEarly(store, a.item, props.name, behavior);
      session.parentId = a.item.id;
      session.names = [props.name];
    } else {
      if (typeof props.name === 'string' && props.name !== a.item.name)
        throw badRequest(
          "Name specified in the path doesn't match the name specified in the request body.",
          'invalidRequest',
        );
      session.targetItemId = a.item.id;
    }
  } else {
    const names = a.item ? [a.item.name] : a.missing;
    const pathName = names[names.length - 1];
    if (!pathName) throw badRequest('The upload session needs a file name in the path.', 'invalidRequest');
    if (typeof props.name === 'string' && props.name !== pathName)
      throw badRequest(
        "Name specified in the path doesn't match the name specified in the request body.",
        'invalidRequest',
      );
    const parent = a.item ? getItem(store, a.item.parentId!)! : a.parent!;
    requireAccess(req, a.scope, a.item ?? parent, 'write');
    if (a.item) {
      if (a.item.isFolder) throw nameExists();
      checkIfMatch(req, a.item);
    } else {
      if (!parent.isFolder) throw nameExists();
      checkNewNames(store, a.scope, parent, names, false);
    }
    if (names.length === 1) failEarly(store, parent, pathName, behavior);
    session.parentId = parent.id;
    session.names = names;
  }
  store.put(UPLOAD_SESSION, session, session.driveId);
  return {
    status: 200,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#microsoft.graph.uploadSession`,
      uploadUrl: `${req.ctx.origin}/_upload/${session.id}`,
      expirationDateTime: expiration(session),
      nextExpectedRanges: nextExpectedRanges(session),
    },
  };
}

/** With "fail", a name already taken is refused when the session is created (and again at commit). */
function failEarly(store: TenantStore, folder: DriveItemRecord, name: string, behavior: ConflictBehavior) {
  const existing = findChild(store, folder.id, name);
  if (existing && (behavior === 'fail' || existing.isFolder)) throw nameExists();
}

const RANGE_RE = /^bytes (\d+)-(\d+)\/(\d+)$/;

/** The pre-authenticated upload URL: PUT a fragment, GET the status, DELETE to cancel, POST to commit. */
function handleUpload(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { store } = ctx;
  const now = ctx.now();
  const id = req.path.slice('/_upload/'.length);
  const session = store.get<UploadSessionRecord>(UPLOAD_SESSION, id);
  if (!session) throw sessionNotFound();
  if (session.expiresAt < now.getTime()) {
    discardSession(store, session);
    throw sessionNotFound();
  }
  if (req.headers.authorization)
    throw new GraphError(
      401,
      'unauthenticated',
      "The upload URL is pre-authenticated: don't send an Authorization header with requests to it.",
    );
  switch (req.method) {
    case 'GET':
      return {
        status: 200,
        body: { expirationDateTime: expiration(session), nextExpectedRanges: nextExpectedRanges(session) },
      };
    case 'DELETE':
      discardSession(store, session);
      return { status: 204 };
    case 'PUT':
      return putFragment(ctx, session, req);
    case 'POST':
      if (req.body.length) throw badRequest('Commit an upload session with an empty POST.', 'invalidRequest');
      if (session.total === undefined || session.received < session.total)
        throw new GraphError(
          400,
          'invalidRequest',
          'The upload session is incomplete: upload every byte before committing.',
          {},
          'uploadSessionIncomplete',
        );
      return commit(ctx, session);
    default:
      throw new GraphError(
        405,
        'invalidRequest',
        `The HTTP method '${req.method}' is not allowed on an upload URL.`,
      );
  }
}

function putFragment(ctx: TenantContext, session: UploadSessionRecord, req: TenantRequest): TenantResponse {
  const { store } = ctx;
  const header = req.headers['content-range'];
  const m = header ? RANGE_RE.exec(header.trim()) : null;
  if (!m)
    throw badRequest(
      "A fragment needs a Content-Range header 'bytes {start}-{end}/{total}' with the file's total size.",
      'invalidRequest',
    );
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = Number(m[3]);
  const length = end - start + 1;
  if (end < start || end >= total)
    throw new GraphError(
      416,
      'invalidRange',
      `The range ${start}-${end} is not within a file of ${total} bytes.`,
    );
  if (req.body.length !== length)
    throw badRequest(
      `The fragment has ${req.body.length} bytes but its Content-Range says ${length}.`,
      'invalidRequest',
    );
  if (length >= FRAGMENT_MAX_EXCLUSIVE)
    throw new GraphError(
      413,
      'invalidRequest',
      'A fragment must be smaller than 60 MiB.',
      {},
      'maxFragmentLengthExceeded',
    );
  if (session.total !== undefined && total !== session.total)
    throw new GraphError(
      400,
      'invalidRequest',
      'Declared total size for this fragment is different from that of the upload session.',
      {},
      'fragmentLengthMismatch',
    );
  if (start < session.received)
    throw new GraphError(
      416,
      'invalidRange',
      'Uploaded fragment overlaps with existing data.',
      {},
      'fragmentOverlap',
    );
  if (start > session.received)
    throw new GraphError(416, 'invalidRange', 'Uploaded fragment is out of order.', {}, 'fragmentOutOfOrder');
  if (end + 1 < total && length % FRAGMENT_MULTIPLE !== 0)
    throw badRequest(
      `Each fragment but the last must be a multiple of 320 KiB (327,680 bytes); this one is ${length} bytes.`,
      'invalidRequest',
    );
  store.transaction(() => {
    session.chunks.push(putChunk(store, req.body));
    session.hash = new QuickXorHash(session.hash).update(req.body).state();
    session.received = end + 1;
    session.total = total;
    session.expiresAt = ctx.now().getTime() + SESSION_IDLE_MS;
    store.put(UPLOAD_SESSION, session, session.driveId);
  });
  if (session.received < total || session.deferCommit)
    return {
      status: 202,
      body: { expirationDateTime: expiration(session), nextExpectedRanges: nextExpectedRanges(session) },
    };
  return commit(ctx, session);
}

/** Turns the received fragments into the file's new content. */
function commit(ctx: TenantContext, session: UploadSessionRecord): TenantResponse {
  const { store } = ctx;
  const now = ctx.now();
  const drive = getDrive(store, session.driveId);
  if (!drive) throw sessionNotFound();
  const scope = scopeForCommit(store, drive);
  const content: NewContent = {
    chunks: session.chunks,
    size: session.total ?? 0,
    quickXorHash: new QuickXorHash(session.hash).digest(),
  };
  const result = store.transaction(() => {
    let out: { item: DriveItemRecord; created: boolean };
    if (session.targetItemId) {
      const target = getItem(store, session.targetItemId);
      if (!target) throw sessionNotFound();
      out = { item: replaceContent(store, target, content, session.userId, now), created: false };
    } else {
      const start = getItem(store, session.parentId!);
      if (!start) throw conflict('The folder of this upload session no longer exists.', 'itemNotFound');
      const names = session.names!;
      const found = walk(store, start, names.slice(0, -1));
      const folder =
        found.item ?? ensureFolders(store, scope, found.parent!, found.missing, session.userId, now);
      const name = names[names.length - 1]!;
      const existing = findChild(store, folder.id, name);
      if (existing && session.conflictBehavior === 'fail')
        throw conflict(
          'Another file exists with the same name as the uploaded session. You can redirect the upload session to use a new filename by calling PUT with the new metadata and @microsoft.graph.sourceUrl attribute.',
          'nameAlreadyExists',
        );
      out = writeAt(store, scope, folder, name, content, session.conflictBehavior, session.userId, now);
    }
    // The fragments now belong to the file; the session is done.
    store.delete(UPLOAD_SESSION, session.id);
    return out;
  });
  const fakeReq = commitRequest(ctx, session.userId);
  return {
    status: result.created ? 201 : 200,
    body: {
      '@odata.context': `${ctx.graphBase}/$metadata#${contextOfItem(scope)}`,
      ...itemJson(fakeReq, scope, result.item),
    },
  };
}

function scopeForCommit(store: TenantStore, drive: Drive): DriveScope {
  const site = store.get<DriveScope['site']>('site', drive.siteId);
  const list = store.get<DriveScope['list']>('list', drive.listId);
  if (!site || !list) throw sessionNotFound();
  return { drive, site, list };
}

/** itemJson reads the request's context only; the upload URL has no Graph request of its own. */
function commitRequest(ctx: TenantContext, userId: string): RouteRequest {
  const user = ctx.store.get<RouteRequest['user']>('user', userId);
  return {
    method: 'PUT',
    path: '',
    query: new URLSearchParams(),
    headers: {},
    body: Buffer.alloc(0),
    params: {},
    user: user!,
    ctx,
    inBatch: false,
    json: () => ({}),
  };
}

// --- downloads ---------------------------------------------------------------------------------

function handleDownload(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { store } = ctx;
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw new GraphError(
      405,
      'invalidRequest',
      `The HTTP method '${req.method}' is not allowed on a download URL.`,
    );
  const m = /^\/_download\/([^/]+)\/([^/]+)$/.exec(req.path);
  if (!m) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
  const itemId = decodeSegment(m[2]!);
  const check = verifyDownload(store, itemId, req.query, ctx.now());
  if (check === 'invalid') throw new GraphError(401, 'unauthenticated', 'The download URL is not valid.');
  if (check === 'expired')
    throw new GraphError(
      401,
      'unauthenticated',
      'The download URL has expired: get a new one from the item.',
      {},
      'expiredToken',
    );
  const item = getItem(store, itemId);
  if (!item?.file) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
  let chunks = item.file.chunks;
  if (check.version !== undefined) {
    const v = versionsOf(store, item.id).find((x) => x.major === check.version);
    if (!v) throw new GraphError(404, 'itemNotFound', 'The version could not be found.');
    chunks = v.chunks;
  }
  const size = chunkSizes(store, chunks).reduce((a, b) => a + b, 0);
  const headers: Record<string, string> = {
    'Content-Type': item.file.mimeType,
    'Accept-Ranges': 'bytes',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`,
    ETag: `"{${item.uniqueId}},${item.contentVersion}"`,
  };
  // Range (RFC 9110, one range): 206 with Content-Range; an unsatisfiable one 416; several ranges
  // are ignored (the docs: "the Range header may be ignored and an HTTP 200 response returned").
  let start = 0;
  let end = size - 1;
  let status = 200;
  const range = req.headers.range?.trim();
  const rm = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
  if (rm && (rm[1] !== '' || rm[2] !== '')) {
    if (rm[1] === '') {
      start = Math.max(0, size - Number(rm[2]));
    } else {
      start = Number(rm[1]);
      end = rm[2] === '' ? size - 1 : Math.min(Number(rm[2]), size - 1);
    }
    if (start >= size || start > end)
      return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } };
    status = 206;
    headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  }
  const length = size === 0 ? 0 : end - start + 1;
  headers['Content-Length'] = String(length);
  if (req.method === 'HEAD') return { status, headers };
  if (length === 0) return { status, headers, body: Buffer.alloc(0) };
  return { status, headers, body: Readable.from(readChunks(store, chunks, start, end)) };
}

// --- the routes outside /v1.0 ------------------------------------------------------------------

/** A URL served outside /v1.0 without Graph's bearer token (it is its own credential). */
export interface PreauthenticatedRoute {
  prefix: string;
  handle(req: TenantRequest, ctx: TenantContext): TenantResponse;
}

export const preauthenticatedRoutes: PreauthenticatedRoute[] = [
  { prefix: '/_upload/', handle: handleUpload },
  { prefix: '/_download/', handle: handleDownload },
];
