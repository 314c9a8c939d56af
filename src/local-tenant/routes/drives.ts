import { GraphError, badRequest, conflict } from '../http/errors';
import { applySelect, pagedResponse, parseExpand, selectTerms, type ExpandOption } from '../http/odata';
import type { Router } from '../http/router';
import type { RouteRequest, TenantResponse } from '../http/types';
import type { SpList } from '../store/entities';
import {
  type DriveItemRecord,
  changeMetadata,
  childrenOf,
  createDriveForLibrary,
  createFolder,
  deleteItem,
  drivesOfSite,
  ensureDefaultDrive,
  findChild,
  folderSize,
  getItem,
  isDescendantOf,
  itemPathNames,
  replaceContent,
  versionsOf,
} from '../store/drives';
import {
  type Addressed,
  type DriveScope,
  address,
  checkIfMatch,
  contextOfItem,
  contextOfItemPart,
  cTagOf,
  decodeSegment,
  decodedPathOf,
  downloadUrl,
  driveJson,
  eTagOf,
  headerTags,
  identity,
  itemJson,
  itemNotFound,
  listItemOf,
  odataId,
  requireAccess,
  requireSiteMember,
  walk,
  DRIVE_PREFIXES,
  itemResponse,
} from './drives-core';
import {
  getFieldsResponse,
  getListItemResponse,
  listItemJson,
  patchFieldsResponse,
  checkedRename,
} from './drives-listitem';
import { parseConflictBehavior, uniqueName, validateItemName, validatePathLength } from './drives-names';
import { deletePermission, getPermission, invite, listPermissions } from './drives-sharing';
import { findSite } from './sites';
import { createUploadSession, putContent } from './uploads';

/**
 * Drives and drive items of SharePoint document libraries (learn.microsoft.com/graph/api/
 * resources/driveitem): the drive, items by id or by path (Graph's colon syntax, e.g.
 * /drives/{id}/root:/Folder/file.docx:/content), children with paging, folders, rename and move,
 * delete, content (302 to a pre-authenticated URL), versions, sharing and the library's list item.
 * Every drive URL can start with /drives/{id}, /sites/{id}/drive, /sites/{id}/drives/{id},
 * /sites/{id}/lists/{list}/drive or /groups/{id}/drive.
 *
 * Behaviours checked against Microsoft's documentation, kept here so the tests can cite them:
 * - POST children (create folder): 201; "@microsoft.graph.conflictBehavior" in the body;
 *   SharePoint's default is fail → 409 nameAlreadyExists "The specified item name already exists."
 *   (seen from SharePoint, Azure/Microsoft365R issue 112); "rename" appends a number; "replace"
 *   keeps an existing folder (its id and content) and answers 200.
 * - PATCH item: name and/or parentReference (move), If-Match → 412, a taken name 409 unless
 *   ?@microsoft.graph.conflictBehavior=rename|replace. The root can't be renamed, moved or deleted.
 * - GET content: "302 Found" to "a preauthenticated download URL", the same as
 *   @microsoft.graph.downloadUrl, valid "a short period of time"; If-None-Match on the eTag or cTag
 *   answers 304 (driveitem-get-content docs). Range requests go to the download URL (206).
 * - Versions: "returned in descending order (newest to oldest)", ids "3.0", "2.0"...; the current
 *   version is listed; GET versions/{id}/content is a 302 too; restoreVersion answers 204 and
 *   makes a new current version from the old content.
 * - Folder size is the total of the files below it; cTag is not returned for folders.
 */

const ITEM_EXPANDS: Record<string, string[]> = {
  listItem: ['fields', 'driveItem'],
  children: [],
  permissions: [],
  versions: [],
  thumbnails: [],
};

const methodNotAllowed = (method: string) =>
  new GraphError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed on this resource.`);
const unknownSegment = (segment: string) =>
  badRequest(`Resource not found for the segment '${segment}'.`, 'BadRequest');

/** Sub-resource names without the "microsoft.graph." action prefix Graph also accepts. */
const action = (s: string | undefined) => s?.replace(/^microsoft\.graph\./i, '').toLowerCase();

function requireItem(req: RouteRequest, a: Addressed): DriveItemRecord {
  if (a.item) return a.item;
  // Outsiders get 403 whether or not the path exists.
  requireSiteMember(req, a.scope);
  throw itemNotFound();
}

/** The item's JSON with $expand and $select applied. */
export function renderItem(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  expand: ExpandOption[],
  $select: string | null,
): Record<string, unknown> {
  const out = itemJson(req, scope, item);
  const { store } = req.ctx;
  for (const e of expand) {
    switch (e.name) {
      case 'listItem': {
        const li = listItemOf(store, item);
        if (li) out.listItem = listItemJson(req, scope, item, li, e.expand ?? []);
        break;
      }
      case 'children':
        out.children = childrenOf(store, item.id)
          .sort(byName)
          .map((c) => applySelect(itemJson(req, scope, c), e.select, { type: 'driveItem' }));
        break;
      case 'permissions':
        out.permissions = (listPermissions(req, scope, item).body as { value: unknown[] }).value;
        break;
      case 'versions':
        out.versions = item.file ? versionsOf(store, item.id).map((v) => versionJson(req, v)) : [];
        break;
      case 'thumbnails':
        out.thumbnails = [];
        break;
    }
  }
  return applySelect(out, $select, {
    keep: expand.map((e) => e.name),
    type: 'driveItem',
  });
}

const byName = (a: DriveItemRecord, b: DriveItemRecord) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true });

function getItemResponse(req: RouteRequest, a: Addressed, item: DriveItemRecord): TenantResponse {
  requireAccess(req, a.scope, item, 'read');
  const expand = parseExpand(req.query.get('$expand'), ITEM_EXPANDS, 'microsoft.graph.driveItem');
  const fragment = item.parentId
    ? contextOfItem(a.scope)
    : `drives('${odataId(a.scope.drive.id)}')/root/$entity`;
  return {
    status: 200,
    headers: { ETag: eTagOf(req.ctx.store, item) },
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#${fragment}`,
      ...renderItem(req, a.scope, item, expand, req.query.get('$select')),
    },
  };
}

const ORDERABLE: Record<string, (i: DriveItemRecord, req: RouteRequest) => string | number> = {
  name: (i) => i.name.toLowerCase(),
  lastmodifieddatetime: (i) => i.lastModifiedDateTime,
  createddatetime: (i) => i.createdDateTime,
  size: (i, req) => (i.isFolder ? folderSize(req.ctx.store, i.id) : i.size),
};

function listChildren(req: RouteRequest, a: Addressed, item: DriveItemRecord): TenantResponse {
  requireAccess(req, a.scope, item, 'read');
  if (req.query.get('$filter'))
    throw new GraphError(
      400,
      'invalidRequest',
      '$filter is not supported when listing children.',
      {},
      'invalidQueryOption',
    );
  let children = item.isFolder ? childrenOf(req.ctx.store, item.id).sort(byName) : [];
  const orderBy = req.query.get('$orderby');
  if (orderBy) {
    const m = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(orderBy);
    const key = m?.[1]?.toLowerCase();
    const get = key && Object.hasOwn(ORDERABLE, key) ? ORDERABLE[key] : undefined;
    if (!get)
      throw new GraphError(
        400,
        'invalidRequest',
        `Invalid $orderby: '${orderBy}'.`,
        {},
        'invalidQueryOption',
      );
    const desc = m?.[2]?.toLowerCase() === 'desc';
    children = children
      .map((c) => ({ c, k: get(c, req) }))
      .sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0) * (desc ? -1 : 1))
      .map((x) => x.c);
  }
  const expand = parseExpand(req.query.get('$expand'), ITEM_EXPANDS, 'microsoft.graph.driveItem');
  const $select = req.query.get('$select');
  selectTerms($select, 'driveItem'); // a wrong name is 400 even in an empty folder
  const values = children.map((c) => renderItem(req, a.scope, c, expand, $select));
  return pagedResponse(req, contextOfItemPart(a.scope, item, 'children'), values, {
    defaultTop: 200,
    maxTop: 1000,
    ...DRIVE_PAGING,
  });
}

function createChild(req: RouteRequest, a: Addressed, parent: DriveItemRecord): TenantResponse {
  const { store } = req.ctx;
  requireAccess(req, a.scope, parent, 'write');
  if (!parent.isFolder) throw badRequest('Items can only be created in a folder.', 'invalidRequest');
  const body = req.json();
  const name = body.name;
  if (typeof name !== 'string') throw badRequest("The new item needs a 'name'.", 'invalidRequest');
  if (body.folder === undefined || body.folder === null || typeof body.folder !== 'object')
    throw badRequest(
      'Only folders can be created here: send "folder": {}. Upload a file with PUT .../content or an upload session.',
      'invalidRequest',
    );
  const behavior = parseConflictBehavior(
    body['@microsoft.graph.conflictBehavior'] ??
      body['@name.conflictBehavior'] ??
      req.query.get('@microsoft.graph.conflictBehavior') ??
      undefined,
    'fail',
  );
  validateItemName(name, { atLibraryRoot: !parent.parentId, isFolder: true });
  return store.transaction(() => {
    let finalName = name;
    const existing = findChild(store, parent.id, name);
    if (existing) {
      if (behavior === 'fail') throw conflict('The specified item name already exists.', 'nameAlreadyExists');
      if (behavior === 'replace' && existing.isFolder) return itemResponse(req, a.scope, existing, 200);
      if (behavior === 'replace') deleteItem(store, existing);
      else finalName = uniqueName(name, true, (n) => !!findChild(store, parent.id, n));
    }
    validatePathLength(decodedPathOf(a.scope, [...itemPathNames(store, parent), finalName]));
    const folder = createFolder(store, a.scope.drive, parent.id, finalName, req.user.id, req.ctx.now());
    return itemResponse(req, a.scope, folder, 201);
  });
}

const UPDATABLE = new Set([
  'name',
  'parentreference',
  'filesysteminfo',
  'description',
  '@microsoft.graph.conflictbehavior',
]);

function updateItem(req: RouteRequest, a: Addressed, item: DriveItemRecord): TenantResponse {
  const { store } = req.ctx;
  requireAccess(req, a.scope, item, 'write');
  if (!item.parentId)
    throw new GraphError(403, 'notAllowed', "The root of a library can't be renamed or moved.");
  checkIfMatch(req, item);
  const body = req.json();
  for (const key of Object.keys(body))
    if (!key.startsWith('@odata.') && !UPDATABLE.has(key.toLowerCase()))
      throw new GraphError(
        400,
        'invalidRequest',
        `Property '${key}' is read-only.`,
        {},
        'propertyNotUpdateable',
      );
  const behavior = parseConflictBehavior(
    req.query.get('@microsoft.graph.conflictBehavior') ??
      body['@microsoft.graph.conflictBehavior'] ??
      undefined,
    'fail',
  );
  let parentId = item.parentId;
  const ref = body.parentReference;
  if (ref !== undefined && ref !== null) {
    if (typeof ref !== 'object' || Array.isArray(ref))
      throw badRequest("'parentReference' must be an object.", 'invalidRequest');
    const r = ref as Record<string, unknown>;
    if (r.driveId !== undefined && r.driveId !== a.scope.drive.id)
      throw new GraphError(
        400,
        'invalidRequest',
        'Moving an item to another drive is not supported; copy it instead.',
        {},
        'notSupported',
      );
    let target: DriveItemRecord | undefined;
    if (typeof r.id === 'string') target = getItem(store, r.id);
    else if (typeof r.path === 'string') {
      const m = /^\/drives?\/(?:[^/]+\/)?root:?(.*)$/i.exec(r.path) ?? /^\/drive\/root:?(.*)$/i.exec(r.path);
      const rootItem = getItem(store, a.scope.drive.rootId)!;
      const names = (m?.[1] ?? '').split('/').filter(Boolean).map(decodeSegment);
      target = walk(store, rootItem, names).item;
    } else throw badRequest("'parentReference' needs the 'id' of the new parent folder.", 'invalidRequest');
    if (!target || target.driveId !== a.scope.drive.id) throw itemNotFound();
    if (!target.isFolder) throw badRequest('The new parent is not a folder.', 'invalidRequest');
    if (item.isFolder && isDescendantOf(store, target, item.id))
      throw badRequest("A folder can't be moved into itself or one of its subfolders.", 'invalidRequest');
    requireAccess(req, a.scope, target, 'write');
    parentId = target.id;
  }
  const wantedName = body.name === undefined ? item.name : body.name;
  if (typeof wantedName !== 'string') throw badRequest("'name' must be a string.", 'invalidRequest');
  const moving = parentId !== item.parentId;
  const renaming = wantedName !== item.name;
  return store.transaction(() => {
    let name: string | undefined;
    if (moving || renaming) {
      name = checkedRename(req, a.scope, item, wantedName, behavior, parentId!);
      const other = findChild(store, parentId!, name);
      if (other && other.id !== item.id) deleteItem(store, other); // "replace"
    }
    const updated = changeMetadata(store, item, req.user.id, req.ctx.now(), {
      ...(name !== undefined && name !== item.name ? { name } : {}),
      ...(moving ? { parentId } : {}),
    });
    return {
      status: 200,
      body: {
        '@odata.context': `${req.ctx.graphBase}/$metadata#${contextOfItem(a.scope)}`,
        ...itemJson(req, a.scope, updated),
      },
    };
  });
}

function deleteItemResponse(req: RouteRequest, a: Addressed, item: DriveItemRecord): TenantResponse {
  requireAccess(req, a.scope, item, 'write');
  if (!item.parentId) throw new GraphError(403, 'notAllowed', "The root of a library can't be deleted.");
  checkIfMatch(req, item);
  deleteItem(req.ctx.store, item);
  return { status: 204 };
}

function getContent(req: RouteRequest, a: Addressed, item: DriveItemRecord): TenantResponse {
  requireAccess(req, a.scope, item, 'read');
  if (!item.file) throw badRequest('The item is a folder: only files have content.', 'invalidRequest');
  const none = req.headers['if-none-match'];
  if (none) {
    const tags = [eTagOf(req.ctx.store, item), cTagOf(item)];
    if (headerTags(none).some((t) => t === '*' || tags.includes(t)))
      return { status: 304, headers: { ETag: tags[0]! } };
  }
  return { status: 302, headers: { Location: downloadUrl(req.ctx, item) } };
}

// --- versions ----------------------------------------------------------------------------------

function versionJson(
  req: RouteRequest,
  v: { major: number; size: number; lastModifiedDateTime: string; lastModifiedBy: string },
) {
  return {
    id: `${v.major}.0`,
    lastModifiedDateTime: v.lastModifiedDateTime,
    size: v.size,
    lastModifiedBy: identity(req.ctx.store, v.lastModifiedBy),
  };
}

function findVersion(req: RouteRequest, item: DriveItemRecord, id: string) {
  const m = /^(\d+)(?:\.0)?$/.exec(id);
  const v = m ? versionsOf(req.ctx.store, item.id).find((x) => x.major === Number(m[1])) : undefined;
  if (!v) throw new GraphError(404, 'itemNotFound', `The version '${id}' could not be found.`);
  return v;
}

function versions(req: RouteRequest, a: Addressed, item: DriveItemRecord, rest: string[]): TenantResponse {
  const [vid, sub, extra] = rest;
  if (!item.file) throw badRequest('Folders have no versions.', 'invalidRequest');
  if (vid === undefined) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method);
    requireAccess(req, a.scope, item, 'read');
    const values = versionsOf(req.ctx.store, item.id).map((v) => versionJson(req, v));
    return pagedResponse(req, contextOfItemPart(a.scope, item, 'versions'), values, {
      defaultTop: 1000,
      maxTop: 1000,
      ...DRIVE_PAGING,
    });
  }
  if (extra !== undefined) throw unknownSegment(extra);
  const v = findVersion(req, item, vid);
  const subAction = action(sub);
  if (subAction === undefined) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method);
    requireAccess(req, a.scope, item, 'read');
    return {
      status: 200,
      body: {
        '@odata.context': `${req.ctx.graphBase}/$metadata#${contextOfItemPart(a.scope, item, 'versions/$entity')}`,
        ...versionJson(req, v),
      },
    };
  }
  if (subAction === 'content') {
    if (req.method !== 'GET') throw methodNotAllowed(req.method);
    requireAccess(req, a.scope, item, 'read');
    return { status: 302, headers: { Location: downloadUrl(req.ctx, item, v.major) } };
  }
  if (subAction === 'restoreversion') {
    if (req.method !== 'POST') throw methodNotAllowed(req.method);
    requireAccess(req, a.scope, item, 'write');
    replaceContent(
      req.ctx.store,
      item,
      { chunks: v.chunks, size: v.size, quickXorHash: v.quickXorHash },
      req.user.id,
      req.ctx.now(),
    );
    return { status: 204 };
  }
  throw unknownSegment(sub!);
}

// --- the drive itself --------------------------------------------------------------------------

function driveResponse(req: RouteRequest, scope: DriveScope): TenantResponse {
  if (req.method !== 'GET') throw methodNotAllowed(req.method);
  requireSiteMember(req, scope);
  const expand = parseExpand(req.query.get('$expand'), { root: [] }, 'microsoft.graph.drive');
  const body: Record<string, unknown> = driveJson(req, scope);
  if (expand.some((e) => e.name === 'root'))
    body.root = itemJson(req, scope, getItem(req.ctx.store, scope.drive.rootId)!);
  return {
    status: 200,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#drives/$entity`,
      ...applySelect(body, req.query.get('$select'), {
        keep: expand.map((e) => e.name),
        type: 'drive',
      }),
    },
  };
}

/** GET /sites/{id}/drives: the site's document libraries (each gets its drive on first sight). */
/** Drive collections page as SharePoint does; their values are shaped (selected) already. */
const DRIVE_PAGING = {
  minTop: 1,
  errorCode: 'invalidRequest',
  addressing: 'sharepoint',
  select: false,
} as const;

function siteDrives(req: RouteRequest): TenantResponse {
  const site = findSite(req, req.params.siteId!);
  selectTerms(req.query.get('$select'), 'drive');
  const { store } = req.ctx;
  const now = req.ctx.now();
  ensureDefaultDrive(store, site, now);
  for (const list of store.list<SpList>('list', site.id))
    if (list.template === 'documentLibrary') createDriveForLibrary(store, site, list, now);
  const values = drivesOfSite(store, site.id).map((drive) => {
    const list = store.get<SpList>('list', drive.listId)!;
    return applySelect(driveJson(req, { drive, site, list }), req.query.get('$select'), { type: 'drive' });
  });
  return pagedResponse(req, 'drives', values, { defaultTop: 200, maxTop: 1000, ...DRIVE_PAGING });
}

// --- dispatch ----------------------------------------------------------------------------------

function handle(req: RouteRequest): TenantResponse {
  const a = address(req);
  if (!a) throw unknownSegment(req.path.split('/')[1] ?? '');
  if (a.isDrive) return driveResponse(req, a.scope);
  const [first, ...rest] = a.sub;
  const sub = action(first);
  const m = req.method;
  switch (sub) {
    case undefined:
      if (m === 'GET') return getItemResponse(req, a, requireItem(req, a));
      if (m === 'PATCH') return updateItem(req, a, requireItem(req, a));
      if (m === 'DELETE') return deleteItemResponse(req, a, requireItem(req, a));
      throw methodNotAllowed(m);
    case 'children':
      if (rest.length) throw unknownSegment(rest[0]!);
      if (m === 'GET') return listChildren(req, a, requireItem(req, a));
      if (m === 'POST') return createChild(req, a, requireItem(req, a));
      throw methodNotAllowed(m);
    case 'content':
      if (rest.length) throw unknownSegment(rest[0]!);
      if (m === 'GET') return getContent(req, a, requireItem(req, a));
      if (m === 'PUT') return putContent(req, a);
      throw methodNotAllowed(m);
    case 'createuploadsession':
      if (m !== 'POST') throw methodNotAllowed(m);
      return createUploadSession(req, a);
    case 'versions':
      return versions(req, a, requireItem(req, a), rest);
    case 'permissions': {
      const item = requireItem(req, a);
      if (rest.length === 0) {
        if (m !== 'GET') throw methodNotAllowed(m);
        return listPermissions(req, a.scope, item);
      }
      if (rest.length > 1) throw unknownSegment(rest[1]!);
      if (m === 'GET') return getPermission(req, a.scope, item, rest[0]!);
      if (m === 'DELETE') return deletePermission(req, a.scope, item, rest[0]!);
      throw methodNotAllowed(m);
    }
    case 'invite':
      if (m !== 'POST') throw methodNotAllowed(m);
      return invite(req, a.scope, requireItem(req, a));
    case 'listitem': {
      const item = requireItem(req, a);
      if (rest.length === 0) {
        if (m !== 'GET') throw methodNotAllowed(m);
        const expand = parseExpand(
          req.query.get('$expand'),
          { fields: [], driveItem: [] },
          'microsoft.graph.listItem',
        );
        return getListItemResponse(req, a.scope, item, expand);
      }
      if (action(rest[0]) !== 'fields' || rest.length > 1) throw unknownSegment(rest[rest.length - 1]!);
      if (m === 'GET') return getFieldsResponse(req, a.scope, item);
      if (m === 'PATCH') return patchFieldsResponse(req, a.scope, item);
      throw methodNotAllowed(m);
    }
    default:
      throw unknownSegment(first!);
  }
}

export function registerDriveRoutes(router: Router): void {
  router.add('GET', '/sites/{siteId}/drives', siteDrives);
  for (const prefix of DRIVE_PREFIXES)
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) router.add(method, prefix, handle);
}
