import { badRequest, conflict } from '../http/errors';
import { applySelect, type ExpandOption } from '../http/odata';
import type { RouteRequest, TenantResponse } from '../http/types';
import { stableGuid } from '../ids';
import type { TenantStore } from '../store/database';
import type { Site, SpList, SpListItem } from '../store/entities';
import {
  type DriveItemRecord,
  changeMetadata,
  findChild,
  getDrive,
  getItem,
  itemPathNames,
} from '../store/drives';
import {
  type DriveScope,
  checkIfMatch,
  contextOfItemPart,
  decodedPathOf,
  identity,
  itemJson,
  itemNotFound,
  libraryUrl,
  listItemETagOf,
  listItemOf,
  requireAccess,
} from './drives-core';
import { uniqueName, validateItemName, validatePathLength } from './drives-names';
import { checkUnique, fieldsJson, lookupIds, validateFields } from './list-fields';

/**
 * A library file's list item: GET .../items/{id}/listItem (with $expand=fields and/or driveItem),
 * GET and PATCH .../listItem/fields. The list item is the same SpListItem the lists routes serve,
 * and they render and update a library's items with the functions below, so
 * /sites/{id}/lists/{library}/items shows the files with the same JSON and a PATCH through either
 * path has the same effect.
 *
 * - PATCH fields checks values with the lists' own validation (unknown field: 400 "Field 'X' is not
 *   recognized"; system fields read-only; values against the column type).
 * - FileLeafRef (the file name) can be written: it renames the file, with the name rules of the
 *   drive routes and 409 nameAlreadyExists for a taken name.
 * - If-Match takes the list item's eTag ("guid,N") or the drive item's ("{GUID},N"): they name
 *   the same state; a mismatch is 412.
 * - A field change adds a version in the library, as SharePoint does (graph-docs issue 6996).
 */

const contentTypeId = (scope: DriveScope, folder: boolean) =>
  `${folder ? '0x012000' : '0x010100'}${stableGuid(
    `content-type:${scope.list.id}:${folder ? 'folder' : 'document'}`,
  )
    .replace(/-/g, '')
    .toUpperCase()}`;

/** A library list item's file and the drive it is in; undefined for an item of a generic list. */
export function libraryFileOf(
  store: TenantStore,
  site: Site,
  list: SpList,
  li: SpListItem,
): { scope: DriveScope; item: DriveItemRecord } | undefined {
  if (list.template !== 'documentLibrary' || !li.driveItemId || !list.driveId) return undefined;
  const drive = getDrive(store, list.driveId);
  const item = getItem(store, li.driveItemId);
  if (!drive || !item || item.driveId !== drive.id) return undefined;
  return { scope: { drive, site, list }, item };
}

export interface ListItemJsonOptions {
  /** The OData path of the list item as addressed, for the expansions' @odata.context. */
  context?: string;
  /** Lookup ids of the directory's users, when the caller renders many items. */
  ids?: Map<string, string>;
}

/**
 * A library file's list item as Graph sends it; $expand=fields and driveItem (the file, the same
 * JSON as the drive routes give it), each with an optional $select.
 */
export function listItemJson(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  li: SpListItem,
  expand: ExpandOption[] = [],
  options: ListItemJsonOptions = {},
): Record<string, unknown> {
  const { store } = req.ctx;
  const names = itemPathNames(store, item);
  const context = options.context ?? contextOfItemPart(scope, item, 'listItem');
  const out: Record<string, unknown> = {
    '@odata.etag': listItemETagOf(li),
    createdDateTime: li.createdDateTime,
    eTag: listItemETagOf(li),
    id: li.itemId,
    lastModifiedDateTime: li.lastModifiedDateTime,
    webUrl: `${libraryUrl(scope)}/${names.map(encodeURIComponent).join('/')}`,
    createdBy: identity(store, li.createdBy),
    lastModifiedBy: identity(store, li.lastModifiedBy),
    parentReference: { id: scope.list.id, siteId: scope.site.id },
    contentType: { id: contentTypeId(scope, item.isFolder), name: item.isFolder ? 'Folder' : 'Document' },
  };
  for (const e of expand) {
    if (e.name.toLowerCase() === 'fields') {
      out['fields@odata.context'] = `${req.ctx.graphBase}/$metadata#${context}/fields/$entity`;
      out.fields = applySelect(fieldsJson(scope.list, li, options.ids ?? lookupIds(store)), e.select);
    } else if (e.name.toLowerCase() === 'driveitem') {
      out['driveItem@odata.context'] = `${req.ctx.graphBase}/$metadata#${context}/driveItem/$entity`;
      out.driveItem = applySelect(itemJson(req, scope, item), e.select, { type: 'driveItem' });
    }
  }
  return out;
}

function listItemFor(req: RouteRequest, item: DriveItemRecord): SpListItem {
  const li = listItemOf(req.ctx.store, item);
  // The root folder of a library has no list item.
  if (!li) throw itemNotFound();
  return li;
}

export function getListItemResponse(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  expand: ExpandOption[],
): TenantResponse {
  requireAccess(req, scope, item, 'read');
  const li = listItemFor(req, item);
  return {
    status: 200,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#${contextOfItemPart(scope, item, 'listItem/$entity')}`,
      ...applySelect(listItemJson(req, scope, item, li, expand), req.query.get('$select'), {
        keep: expand.map((e) => e.name),
        type: 'listItem',
      }),
    },
  };
}

export function getFieldsResponse(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
): TenantResponse {
  requireAccess(req, scope, item, 'read');
  const li = listItemFor(req, item);
  return fieldsResponse(req, scope, item, li);
}

function fieldsResponse(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  li: SpListItem,
): TenantResponse {
  return {
    status: 200,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#${contextOfItemPart(scope, item, 'listItem/fields/$entity')}`,
      ...applySelect(fieldsJson(scope.list, li, lookupIds(req.ctx.store)), req.query.get('$select')),
    },
  };
}

export function patchFieldsResponse(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
): TenantResponse {
  const updated = updateLibraryFields(req, scope, item, () => req.json());
  return fieldsResponse(req, scope, updated.item, updated.listItem);
}

/**
 * Writes the fields of a library file's list item; both PATCH .../listItem/fields and the lists
 * routes' PATCH .../items/{id}(/fields) of a library item come here. Checks If-Match (either eTag
 * form), the values (list-fields) and unique columns; FileLeafRef renames the file. The change is
 * a new version of the file (changeMetadata), whose number the item's _UIVersionString shows.
 * `readFields` is called once access and If-Match have passed.
 */
export function updateLibraryFields(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  readFields: () => unknown,
): { item: DriveItemRecord; listItem: SpListItem } {
  const { store } = req.ctx;
  return store.transaction(() => {
    requireAccess(req, scope, item, 'write');
    const li = listItemFor(req, item);
    checkIfMatch(req, item);
    const input = readFields();
    if (!input || typeof input !== 'object' || Array.isArray(input))
      throw badRequest("'fields' must be a JSON object of column values.", 'invalidRequest');
    const { FileLeafRef: newName, ...rest } = input as Record<string, unknown>;
    let name: string | undefined;
    if (newName !== undefined) {
      if (typeof newName !== 'string')
        throw badRequest("Field 'FileLeafRef' must be a string.", 'invalidRequest');
      if (newName !== item.name) name = checkedRename(req, scope, item, newName, 'fail');
    }
    const fields = validateFields(scope.list, rest);
    checkUnique(store, scope.list, fields, li.id);
    const updated = changeMetadata(store, item, req.user.id, req.ctx.now(), { name, fields });
    return { item: updated, listItem: listItemFor(req, updated) };
  });
}

/** A new name for an item in its folder: validated; a taken name per the conflict behaviour. */
export function checkedRename(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  newName: string,
  behavior: 'fail' | 'rename' | 'replace',
  parentId = item.parentId!,
): string {
  const { store } = req.ctx;
  const parent = getItem(store, parentId);
  if (!parent) throw itemNotFound();
  validateItemName(newName, { atLibraryRoot: !parent.parentId, isFolder: item.isFolder });
  let name = newName;
  const other = findChild(store, parentId, name);
  if (other && other.id !== item.id) {
    if (behavior === 'rename')
      name = uniqueName(name, item.isFolder, (n) => {
        const taken = findChild(store, parentId, n);
        return !!taken && taken.id !== item.id;
      });
    else if (behavior === 'fail' || other.isFolder !== item.isFolder)
      throw conflict('The specified item name already exists.', 'nameAlreadyExists');
  }
  validatePathLength(decodedPathOf(scope, [...itemPathNames(store, parent), name]));
  return name;
}
