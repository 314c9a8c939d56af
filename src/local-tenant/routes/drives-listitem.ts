import { badRequest, conflict } from '../http/errors';
import type { RouteRequest, TenantResponse } from '../http/types';
import { stableGuid } from '../ids';
import type { SpListItem } from '../store/entities';
import { type DriveItemRecord, changeMetadata, findChild, getItem, itemPathNames } from '../store/drives';
import {
  type DriveScope,
  type ExpandSpec,
  applySelect,
  checkIfMatch,
  contextOfItemPart,
  decodedPathOf,
  identity,
  itemNotFound,
  libraryUrl,
  listItemETagOf,
  listItemOf,
  requireAccess,
} from './drives-core';
import { uniqueName, validateItemName, validatePathLength } from './drives-names';
import { validateFields } from './list-fields';

/**
 * A library file's list item: GET .../items/{id}/listItem (with $expand=fields), GET and PATCH
 * .../listItem/fields. The list item is the same SpListItem the lists routes serve, so
 * /sites/{id}/lists/{library}/items shows the files too.
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

export function libraryFieldsJson(
  req: RouteRequest,
  item: DriveItemRecord,
  li: SpListItem,
): Record<string, unknown> {
  return {
    '@odata.etag': listItemETagOf(li),
    ...li.fields,
    id: li.itemId,
    ContentType: item.isFolder ? 'Folder' : 'Document',
    Created: li.createdDateTime,
    Modified: li.lastModifiedDateTime,
    _UIVersionString: li.fields._UIVersionString ?? '1.0',
  };
}

export function listItemJson(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  li: SpListItem,
  expand: ExpandSpec[] = [],
): Record<string, unknown> {
  const { store } = req.ctx;
  const names = itemPathNames(store, item);
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
  const fields = expand.find((e) => e.name === 'fields');
  if (fields) {
    out['fields@odata.context'] =
      `${req.ctx.graphBase}/$metadata#${contextOfItemPart(scope, item, 'listItem/fields/$entity')}`;
    out.fields = applySelect(libraryFieldsJson(req, item, li), fields.select);
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
  expand: ExpandSpec[],
): TenantResponse {
  requireAccess(req, scope, item, 'read');
  const li = listItemFor(req, item);
  return {
    status: 200,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#${contextOfItemPart(scope, item, 'listItem/$entity')}`,
      ...applySelect(
        listItemJson(req, scope, item, li, expand),
        req.query.get('$select'),
        expand.map((e) => e.name),
      ),
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
      ...applySelect(libraryFieldsJson(req, item, li), req.query.get('$select')),
    },
  };
}

export function patchFieldsResponse(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
): TenantResponse {
  const { store } = req.ctx;
  requireAccess(req, scope, item, 'write');
  listItemFor(req, item);
  checkIfMatch(req, item);
  const body = req.json();
  const { FileLeafRef: newName, ...rest } = body;
  let name: string | undefined;
  if (newName !== undefined) {
    if (typeof newName !== 'string')
      throw badRequest("Field 'FileLeafRef' must be a string.", 'invalidRequest');
    if (newName !== item.name) name = checkedRename(req, scope, item, newName, 'fail');
  }
  const fields = validateFields(scope.list, rest);
  return store.transaction(() => {
    const updated = changeMetadata(store, item, req.user.id, req.ctx.now(), { name, fields });
    return fieldsResponse(req, scope, updated, listItemFor(req, updated));
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
