import { newGuid, timestamp } from '../ids';
import { GraphError, badRequest, notFound } from '../http/errors';
import {
  contextUrl,
  entityResponse,
  evaluateFilter,
  filterProperties,
  orderBy,
  pagedResponse,
  parseExpand,
  parseFilter,
  parseOrderBy,
  applySelect,
  type ExpandOption,
} from '../http/odata';
import type { Router } from '../http/router';
import type { RouteRequest, TenantResponse } from '../http/types';
import type { TenantStore } from '../store/database';
import type { ColumnDefinition, DirectoryUser, Site, SpList, SpListItem } from '../store/entities';
import {
  SYSTEM_FIELDS,
  checkUnique,
  columnFromRequest,
  updatedColumn,
  columnOf,
  fieldsJson,
  itemETag,
  lookupIds,
  systemColumns,
  titleColumn,
  unknownProperty,
  validateFields,
} from './list-fields';
import { findSite, siteWebUrl } from './sites';
import { createDriveForLibrary, deleteItem, getItem } from '../store/drives';
import { libraryFileOf, listItemJson, updateLibraryFields } from './drives-listitem';

/**
 * SharePoint lists, columns and list items (https://learn.microsoft.com/graph/api/resources/list,
 * listitem-list, listitem-create, listitem-update, listitem-delete, list-create, list-post-columns).
 *
 * Behaviours taken from Microsoft's documentation and issue threads:
 * - A list is addressed by id or by its title: /sites/{site}/lists/People.
 * - POST .../lists answers 201 with the list; "name" cannot be given ("Cannot define a 'name' for a
 *   list as it is assigned by the server. Instead, provide 'displayName'", docs issue #3799); a
 *   second list with the same title is 409 nameAlreadyExists with SharePoint's message.
 * - POST .../items answers 201 with the item and its fields; each item carries
 *   eTag "\"{guid},{version}\"", also as @odata.etag.
 * - PATCH .../items/{id}/fields answers 200 with the fieldValueSet. If-Match is optional: without
 *   it the last writer wins; with a stale eTag Graph answers 412 Precondition Failed and changes
 *   nothing (listitem-update); "*" matches any version.
 * - A document library's items are its files and folders: they are rendered, expanded
 *   ($expand=driveItem gives the file as the drive routes do, OneDrive/onedrive-api-docs#829) and
 *   updated (a new version of the file, graph-docs issue 6996) by the same functions as
 *   /drives/{id}/items/{id}/listItem (drives-listitem.ts), so both paths answer alike.
 * - $filter on fields of columns that are not indexed is refused with 400 unless the request sends
 *   "Prefer: HonorNonIndexedQueriesWarningMayFailRandomly" (the message Graph sends is quoted
 *   below). Operators: eq, ne, lt, gt, le, ge, startswith (listitem-list).
 * - Paging: 200 items a page by default. The largest $top is not documented (docs issue #28
 *   reports very large values accepted); this tenant caps a page at 5000, SharePoint's list view
 *   threshold, and pages further with @odata.nextLink.
 * Every write runs in one store transaction, so a failure leaves nothing half-written.
 */

const DEFAULT_ITEMS_PAGE = 200;
const MAX_ITEMS_PAGE = 5000;
const PREFER_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';
const LIST_PROPERTIES = new Set(['displayName', 'description', 'columns', 'list', 'name', 'contentTypes']);
const LIST_FACET_PROPERTIES = new Set(['template', 'contentTypesEnabled', 'hidden']);
const ITEM_PROPERTIES = new Set(['fields', 'contentType']);
/** Characters SharePoint removes from a list's URL name. */
const URL_UNSAFE = /[~"#%&*:<>?/\\{|}\p{Cc}]/gu;

/** SharePoint's message, which Graph passes on with 404 itemNotFound. */
const listNotFound = (ref: string, site: Site) =>
  notFound(`List '${ref}' does not exist at site with URL '${siteWebUrl(site)}'.`, 'itemNotFound');
const itemNotFound = () => notFound('Item not found', 'itemNotFound');

const listETag = (list: SpList) => `"${list.id},${list.columns.length}"`;

/** A list of the site by id, URL name or title (compared without regard to case). */
export function findList(req: RouteRequest, site: Site, ref: string): SpList {
  const lower = ref.toLowerCase();
  const lists = req.ctx.store.list<SpList>('list', site.id);
  const list =
    lists.find((l) => l.id.toLowerCase() === lower) ??
    lists.find((l) => l.displayName.toLowerCase() === lower) ??
    lists.find((l) => l.name.toLowerCase() === lower);
  if (!list) throw listNotFound(ref, site);
  return list;
}

function resolveList(req: RouteRequest): { site: Site; list: SpList } {
  const site = findSite(req, req.params.siteId!);
  return { site, list: findList(req, site, req.params.listId!) };
}

function findItem(req: RouteRequest, list: SpList): SpListItem {
  const id = req.params.itemId!;
  if (!/^\d{1,9}$/.test(id)) throw itemNotFound();
  const item = req.ctx.store.get<SpListItem>('listItem', `${list.id}:${Number(id)}`);
  if (!item) throw itemNotFound();
  return item;
}

export function listWebUrl(site: Site, list: SpList): string {
  const base = siteWebUrl(site);
  return encodeURI(
    list.template === 'documentLibrary' ? `${base}/${list.name}` : `${base}/Lists/${list.name}`,
  );
}

/** identitySet of a user, as Graph writes createdBy/lastModifiedBy. */
function identity(store: TenantStore, userId: string) {
  const u = store.get<DirectoryUser>('user', userId);
  return { user: { email: u?.mail ?? null, id: userId, displayName: u?.displayName ?? 'Unknown user' } };
}

/** $expand=columns, optionally columns($select=name,...): the option, or undefined. */
function columnsExpand(req: RouteRequest): ExpandOption | undefined {
  return parseExpand(
    req.query.get('$expand'),
    ['columns', 'items', 'contentTypes', 'drive', 'subscriptions'],
    'microsoft.graph.list',
  ).find((e) => e.name.toLowerCase() === 'columns');
}

export function listJson(
  req: RouteRequest,
  site: Site,
  list: SpList,
  columns?: ExpandOption,
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    '@odata.etag': listETag(list),
    createdDateTime: list.createdDateTime,
    description: list.description ?? '',
    eTag: listETag(list),
    id: list.id,
    lastModifiedDateTime: list.lastModifiedDateTime,
    name: list.name,
    webUrl: listWebUrl(site, list),
    displayName: list.displayName,
    createdBy: identity(req.ctx.store, list.createdBy),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
  if (columns)
    json.columns = columnsJson(list).map((c) => applySelect(c, columns.select, { type: 'columnDefinition' }));
  return json;
}

function columnsJson(list: SpList): Record<string, unknown>[] {
  return [...list.columns, ...systemColumns(list)].map((c) => ({ ...c }));
}

/** The OData path of a list item addressed through its list. */
const itemPath = (site: Site, list: SpList, item: SpListItem) =>
  `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items('${item.itemId}')`;

function itemJson(
  req: RouteRequest,
  site: Site,
  list: SpList,
  item: SpListItem,
  ids: Map<string, string>,
  expand: ExpandOption[],
): Record<string, unknown> {
  // A library's item is its file's: the JSON the drive routes give for .../listItem.
  const file = libraryFileOf(req.ctx.store, site, list, item);
  if (file)
    return listItemJson(req, file.scope, file.item, item, expand, {
      context: itemPath(site, list, item),
      ids,
    });
  const json: Record<string, unknown> = {
    '@odata.etag': itemETag(item),
    createdDateTime: item.createdDateTime,
    eTag: itemETag(item),
    id: item.itemId,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${listWebUrl(site, list)}/${item.itemId}_.000`,
    createdBy: identity(req.ctx.store, item.createdBy),
    lastModifiedBy: identity(req.ctx.store, item.lastModifiedBy),
    parentReference: { id: list.id, siteId: site.id },
    contentType: {
      id: list.template === 'documentLibrary' ? '0x0101' : '0x0100',
      name: list.template === 'documentLibrary' ? 'Document' : 'Item',
    },
  };
  // An item of a generic list has no file: $expand=driveItem leaves nothing to expand.
  const fields = expand.find((e) => e.name.toLowerCase() === 'fields');
  if (fields) {
    json['fields@odata.context'] = contextUrl(req, `${itemPath(site, list, item)}/fields/$entity`);
    json.fields = applySelect(fieldsJson(list, item, ids), fields.select);
  }
  return json;
}

/**
 * $expand on list items: "fields" and "driveItem", each with an optional $select (also
 * "expand=fields(select=...)" without $, as the docs write it).
 */
function itemExpand(req: RouteRequest): ExpandOption[] {
  const options = parseExpand(
    req.query.get('$expand') ?? req.query.get('expand'),
    ['fields', 'driveItem', 'versions', 'analytics', 'documentSetVersions'],
    'microsoft.graph.listItem',
  );
  const other = options.find((o) => !['fields', 'driveitem'].includes(o.name.toLowerCase()));
  if (other)
    throw new GraphError(
      400,
      'notSupported',
      `The local tenant does not expand '${other.name}' on list items; use the drive item routes.`,
    );
  return options;
}

/** The navigation properties a response keeps whatever $select says. */
const expandedNames = (expand: ExpandOption[]) => expand.map((e) => e.name);

/**
 * If-Match: absent means last writer wins; "*" matches any version; otherwise one of the listed
 * eTags must be the current one. List item eTags hold a comma ("{guid},{version}"), so a list of
 * them is split on the quotes; an unquoted value is taken whole.
 */
function checkIfMatch(req: RouteRequest, item: SpListItem): void {
  const header = req.headers['if-match'];
  if (header === undefined) return;
  const value = header.trim();
  if (value === '*') return;
  const unquote = (s: string) => s.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  const tags = value.includes('"') ? (value.match(/(?:W\/)?"[^"]*"/g) ?? []) : [value];
  if (!tags.some((tag) => unquote(tag.trim()) === unquote(itemETag(item))))
    // Graph's documented code for an eTag mismatch is resourceModified (graph/errors); the message
    // is the one Graph sends for the same mismatch on drive items, which SharePoint backs too.
    throw new GraphError(412, 'resourceModified', "ETag does not match current item's value");
}

/** Reads a filter/orderby path of an item: id, createdDateTime... or fields/Name. */
function itemValue(item: SpListItem, fields: Record<string, unknown>, path: string[]): unknown {
  const [head, field] = path;
  if (head?.toLowerCase() === 'fields' && field !== undefined) {
    const key = Object.keys(fields).find((k) => k.toLowerCase() === field.toLowerCase());
    const v = key ? fields[key] : undefined;
    return field.toLowerCase() === 'id' ? Number(v) : v;
  }
  switch (head?.toLowerCase()) {
    case 'id':
      return item.itemId;
    case 'createddatetime':
      return item.createdDateTime;
    case 'lastmodifieddatetime':
      return item.lastModifiedDateTime;
    default:
      return undefined;
  }
}

const ITEM_FILTERABLE = new Set(['id', 'createddatetime', 'lastmodifieddatetime']);
const ALWAYS_INDEXED = new Set(['id', 'created', 'modified', 'contenttype']);

/** Checks the fields a $filter/$orderby names: known, and indexed unless the caller accepts the risk. */
function checkQueryFields(req: RouteRequest, list: SpList, paths: string[][]): void {
  const prefer = (req.headers.prefer ?? '').toLowerCase();
  const honoursNonIndexed = prefer.split(/[,;]/).some((p) => p.trim() === PREFER_NON_INDEXED);
  for (const path of paths) {
    const [head, field, ...more] = path;
    if (head?.toLowerCase() === 'fields' && field !== undefined && more.length === 0) {
      const system = SYSTEM_FIELDS.find((f) => f.toLowerCase() === field.toLowerCase());
      const column = columnOf(list, field);
      if (!system && !column) throw badRequest(`Field '${field}' is not recognized`, 'invalidRequest');
      const indexed = ALWAYS_INDEXED.has(field.toLowerCase()) || column?.indexed === true;
      if (!indexed && !honoursNonIndexed)
        // The message Graph sends (quoted in many integrations' bug reports).
        throw badRequest(
          `Field '${column?.name ?? field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
          'invalidRequest',
        );
    } else if (path.length !== 1 || !ITEM_FILTERABLE.has(head!.toLowerCase())) {
      throw badRequest(
        `Invalid filter clause: '${path.join('/')}' cannot be used to filter list items.`,
        'invalidRequest',
      );
    }
  }
}

function parseJsonObject(req: RouteRequest): Record<string, unknown> {
  return req.json();
}

/** The URL name SharePoint derives from a list title. */
function urlName(displayName: string): string {
  return displayName
    .replace(URL_UNSAFE, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 128);
}

function createListFromRequest(req: RouteRequest, site: Site): SpList {
  const body = parseJsonObject(req);
  for (const key of Object.keys(body))
    if (!key.startsWith('@') && !LIST_PROPERTIES.has(key)) throw unknownProperty(key, 'microsoft.graph.list');
  if (body.name !== undefined)
    throw badRequest(
      "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
      'invalidRequest',
    );
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || !displayName.trim())
    throw badRequest("A list needs a 'displayName'.", 'invalidRequest');
  if (displayName.length > 255)
    throw badRequest('The list title is longer than 255 characters.', 'invalidRequest');
  if (/\p{Cc}/u.test(displayName))
    throw badRequest('The list title contains control characters.', 'invalidRequest');
  const name = urlName(displayName.trim());
  if (!name) throw badRequest(`The list title '${displayName}' leaves no valid URL name.`, 'invalidRequest');
  if (body.description !== undefined && body.description !== null && typeof body.description !== 'string')
    throw badRequest("'description' must be a string.", 'invalidRequest');

  const facet = body.list ?? {};
  if (typeof facet !== 'object' || facet === null || Array.isArray(facet))
    throw badRequest("'list' must be a JSON object.", 'invalidRequest');
  for (const key of Object.keys(facet))
    if (!LIST_FACET_PROPERTIES.has(key)) throw unknownProperty(key, 'microsoft.graph.listInfo');
  const template = (facet as { template?: unknown }).template ?? 'genericList';
  if (template !== 'genericList' && template !== 'documentLibrary')
    throw badRequest(
      `The list template '${String(template).slice(0, 60)}' is not supported by the local tenant (genericList, documentLibrary).`,
      'invalidRequest',
    );

  const lists = req.ctx.store.list<SpList>('list', site.id);
  const taken = displayName.trim().toLowerCase();
  if (lists.some((l) => l.displayName.toLowerCase() === taken || l.name.toLowerCase() === name.toLowerCase()))
    throw new GraphError(
      409,
      'nameAlreadyExists',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );

  const columns: ColumnDefinition[] = [titleColumn()];
  if (body.columns !== undefined) {
    if (!Array.isArray(body.columns))
      throw badRequest("'columns' must be a list of column definitions.", 'invalidRequest');
    if (body.columns.length > 200)
      throw badRequest('A list can be created with at most 200 columns.', 'invalidRequest');
    for (const c of body.columns) {
      try {
        columns.push(columnFromRequest(c, columns));
      } catch (err) {
        // A duplicate inside the request is a bad request, not a conflict with stored state.
        if (err instanceof GraphError && err.status === 409) throw badRequest(err.message, 'invalidRequest');
        throw err;
      }
    }
  }
  const now = timestamp(req.ctx.now());
  const list: SpList = {
    id: newGuid(),
    siteId: site.id,
    name,
    displayName: displayName.trim(),
    description: typeof body.description === 'string' ? body.description : null,
    template,
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdBy: req.user.id,
    columns,
    nextItemId: 1,
  };
  req.ctx.store.put('list', list, site.id);
  // A document library is a drive too: the drive routes' store gives it its root folder.
  if (template === 'documentLibrary') {
    const drive = createDriveForLibrary(req.ctx.store, site, list, req.ctx.now());
    return { ...list, driveId: drive.id };
  }
  return list;
}

function itemsResponse(req: RouteRequest, site: Site, list: SpList): TenantResponse {
  const expand = itemExpand(req);
  const filterText = req.query.get('$filter') ?? req.query.get('filter');
  const filter = filterText !== null ? parseFilter(filterText, 'invalidRequest') : undefined;
  const order = parseOrderBy(req.query.get('$orderby'));
  checkQueryFields(req, list, [...(filter ? filterProperties(filter) : []), ...order.map((o) => o.path)]);
  const ids = lookupIds(req.ctx.store);
  let rows = req.ctx.store
    .list<SpListItem>('listItem', list.id)
    .map((item) => ({ item, fields: fieldsJson(list, item, ids) }));
  if (filter) rows = rows.filter((r) => evaluateFilter(filter, (p) => itemValue(r.item, r.fields, p)));
  rows = orderBy(rows, order, (r, p) => itemValue(r.item, r.fields, p));
  return pagedResponse(
    req,
    `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items`,
    rows.map((r) => itemJson(req, site, list, r.item, ids, expand)),
    {
      defaultTop: DEFAULT_ITEMS_PAGE,
      maxTop: MAX_ITEMS_PAGE,
      select: { keep: expandedNames(expand), type: 'listItem' },
    },
  );
}

function updateFields(req: RouteRequest, list: SpList, item: SpListItem, input: unknown): SpListItem {
  checkIfMatch(req, item);
  const changes = validateFields(list, input);
  const fields = { ...item.fields };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete fields[k];
    else fields[k] = v;
  }
  checkUnique(req.ctx.store, list, changes, item.id);
  const updated: SpListItem = {
    ...item,
    fields,
    version: item.version + 1,
    lastModifiedDateTime: timestamp(req.ctx.now()),
    lastModifiedBy: req.user.id,
  };
  return req.ctx.store.put('listItem', updated, list.id);
}

/**
 * PATCH of an item's fields, in one transaction. A library's item goes through the drive's
 * update (updateLibraryFields), the one PATCH .../listItem/fields uses.
 */
function updateItem(req: RouteRequest, site: Site, list: SpList, input: unknown): SpListItem {
  return req.ctx.store.transaction(() => {
    const item = findItem(req, list);
    const file = libraryFileOf(req.ctx.store, site, list, item);
    if (file) return updateLibraryFields(req, file.scope, file.item, () => input).listItem;
    return updateFields(req, list, item, input);
  });
}

export function registerListRoutes(router: Router): void {
  router
    .add('GET', '/sites/{siteId}/lists', (req) => {
      const site = findSite(req, req.params.siteId!);
      const columns = columnsExpand(req);
      const filterText = req.query.get('$filter');
      const filter = filterText !== null ? parseFilter(filterText) : undefined;
      let lists = req.ctx.store.list<SpList>('list', site.id).map((l) => listJson(req, site, l, columns));
      if (filter)
        lists = lists.filter((l) =>
          evaluateFilter(filter, (path) =>
            path.reduce<unknown>((o, k) => {
              if (!o || typeof o !== 'object') return undefined;
              const key = Object.keys(o).find((x) => x.toLowerCase() === k.toLowerCase());
              return key ? (o as Record<string, unknown>)[key] : undefined;
            }, l),
          ),
        );
      return pagedResponse(req, `sites('${encodeURIComponent(site.id)}')/lists`, lists, {
        defaultTop: 200,
        maxTop: 5000,
        select: { keep: columns ? ['columns'] : [], type: 'list' },
      });
    })
    .add('POST', '/sites/{siteId}/lists', (req) => {
      const site = findSite(req, req.params.siteId!);
      const list = req.ctx.store.transaction(() => createListFromRequest(req, site));
      const res = entityResponse(
        req,
        `sites('${encodeURIComponent(site.id)}')/lists/$entity`,
        listJson(req, site, list),
        201,
      );
      return {
        ...res,
        headers: { Location: `${req.ctx.graphBase}/sites/${encodeURIComponent(site.id)}/lists/${list.id}` },
      };
    })
    .add('GET', '/sites/{siteId}/lists/{listId}', (req) => {
      const { site, list } = resolveList(req);
      const columns = columnsExpand(req);
      const json = listJson(req, site, list, columns);
      return {
        status: 200,
        body: {
          '@odata.context': contextUrl(req, `sites('${encodeURIComponent(site.id)}')/lists/$entity`),
          ...applySelect(json, req.query.get('$select'), { keep: columns ? ['columns'] : [], type: 'list' }),
        },
      };
    })
    .add('GET', '/sites/{siteId}/lists/{listId}/columns', (req) => {
      const { site, list } = resolveList(req);
      return pagedResponse(
        req,
        `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/columns`,
        columnsJson(list),
        { defaultTop: 200, maxTop: 5000, select: { type: 'columnDefinition' } },
      );
    })
    .add('GET', '/sites/{siteId}/lists/{listId}/columns/{columnId}', (req) => {
      const { site, list } = resolveList(req);
      const ref = req.params.columnId!.toLowerCase();
      const column = columnsJson(list).find(
        (c) => String(c.id).toLowerCase() === ref || String(c.name).toLowerCase() === ref,
      );
      if (!column) throw notFound('Column not found', 'itemNotFound');
      return entityResponse(
        req,
        `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/columns/$entity`,
        column,
        200,
        'columnDefinition',
      );
    })
    .add('PATCH', '/sites/{siteId}/lists/{listId}/columns/{columnId}', (req) => {
      const { site, list } = resolveList(req);
      const ref = req.params.columnId!.toLowerCase();
      const column = req.ctx.store.transaction(() => {
        const current = req.ctx.store.get<SpList>('list', list.id) ?? list;
        const index = current.columns.findIndex(
          (c) => c.id.toLowerCase() === ref || c.name.toLowerCase() === ref,
        );
        if (index < 0) {
          // SharePoint's own columns (Created, Modified...) cannot be changed through Graph.
          if (
            columnsJson(current).some(
              (c) => String(c.id).toLowerCase() === ref || String(c.name).toLowerCase() === ref,
            )
          )
            throw new GraphError(403, 'accessDenied', 'Access denied');
          throw notFound('Column not found', 'itemNotFound');
        }
        const updated = updatedColumn(
          current.columns[index]!,
          req.json(),
          current.columns.filter((_, i) => i !== index),
        );
        req.ctx.store.put<SpList>(
          'list',
          {
            ...current,
            columns: current.columns.map((c, i) => (i === index ? updated : c)),
            lastModifiedDateTime: timestamp(req.ctx.now()),
          },
          site.id,
        );
        return updated;
      });
      return entityResponse(
        req,
        `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/columns/$entity`,
        { ...column },
        200,
        'columnDefinition',
      );
    })
    .add('POST', '/sites/{siteId}/lists/{listId}/columns', (req) => {
      const { site, list } = resolveList(req);
      const column = req.ctx.store.transaction(() => {
        const current = req.ctx.store.get<SpList>('list', list.id) ?? list;
        const created = columnFromRequest(req.json(), current.columns);
        req.ctx.store.put<SpList>(
          'list',
          {
            ...current,
            columns: [...current.columns, created],
            lastModifiedDateTime: timestamp(req.ctx.now()),
          },
          site.id,
        );
        return created;
      });
      return entityResponse(
        req,
        `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/columns/$entity`,
        { ...column },
        201,
      );
    })
    .add('GET', '/sites/{siteId}/lists/{listId}/items', (req) => {
      const { site, list } = resolveList(req);
      return itemsResponse(req, site, list);
    })
    .add('POST', '/sites/{siteId}/lists/{listId}/items', (req) => {
      const { site, list } = resolveList(req);
      const body = req.json();
      for (const key of Object.keys(body))
        if (!key.startsWith('@') && !ITEM_PROPERTIES.has(key))
          throw unknownProperty(key, 'microsoft.graph.listItem');
      if (list.template === 'documentLibrary')
        // Graph's answer: files come in through the drive API (PUT content, upload sessions).
        throw badRequest(
          'Files and folders should only be added to a DocumentLibrary via the OneDrive API',
          'invalidRequest',
        );
      const item = req.ctx.store.transaction(() => {
        const current = req.ctx.store.get<SpList>('list', list.id) ?? list;
        const fields = body.fields === undefined ? {} : validateFields(current, body.fields);
        for (const k of Object.keys(fields)) if (fields[k] === null) delete fields[k];
        checkUnique(req.ctx.store, current, fields);
        const itemId = String(current.nextItemId);
        req.ctx.store.put<SpList>('list', { ...current, nextItemId: current.nextItemId + 1 }, site.id);
        const now = timestamp(req.ctx.now());
        return req.ctx.store.put<SpListItem>(
          'listItem',
          {
            id: `${list.id}:${itemId}`,
            itemId,
            listId: list.id,
            fields,
            uniqueId: newGuid(),
            version: 1,
            createdDateTime: now,
            lastModifiedDateTime: now,
            createdBy: req.user.id,
            lastModifiedBy: req.user.id,
          },
          list.id,
        );
      });
      const json = itemJson(req, site, list, item, lookupIds(req.ctx.store), [{ name: 'fields' }]);
      return itemEntityResponse(req, site, list, item, 201, json);
    })
    .add('GET', '/sites/{siteId}/lists/{listId}/items/{itemId}', (req) => {
      const { site, list } = resolveList(req);
      const item = findItem(req, list);
      const expand = itemExpand(req);
      const json = itemJson(req, site, list, item, lookupIds(req.ctx.store), expand);
      return itemEntityResponse(
        req,
        site,
        list,
        item,
        200,
        applySelect(json, req.query.get('$select'), { keep: expandedNames(expand), type: 'listItem' }),
      );
    })
    .add('GET', '/sites/{siteId}/lists/{listId}/items/{itemId}/fields', (req) => {
      const { site, list } = resolveList(req);
      const item = findItem(req, list);
      return {
        status: 200,
        headers: { ETag: itemETag(item) },
        body: {
          '@odata.context': contextUrl(
            req,
            `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items('${item.itemId}')/fields/$entity`,
          ),
          ...applySelect(fieldsJson(list, item, lookupIds(req.ctx.store)), req.query.get('$select')),
        },
      };
    })
    .add('PATCH', '/sites/{siteId}/lists/{listId}/items/{itemId}/fields', (req) => {
      const { site, list } = resolveList(req);
      const body = req.json();
      const updated = updateItem(req, site, list, body);
      return {
        status: 200,
        headers: { ETag: itemETag(updated) },
        body: {
          '@odata.context': contextUrl(
            req,
            `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items('${updated.itemId}')/fields/$entity`,
          ),
          ...fieldsJson(list, updated, lookupIds(req.ctx.store)),
        },
      };
    })
    .add('PATCH', '/sites/{siteId}/lists/{listId}/items/{itemId}', (req) => {
      // Update listItem: { "fields": {...} } (the other properties of a list item are read-only).
      const { site, list } = resolveList(req);
      const body = req.json();
      for (const key of Object.keys(body))
        if (!key.startsWith('@') && !ITEM_PROPERTIES.has(key))
          throw unknownProperty(key, 'microsoft.graph.listItem');
      const updated = updateItem(req, site, list, body.fields ?? {});
      return itemEntityResponse(
        req,
        site,
        list,
        updated,
        200,
        itemJson(req, site, list, updated, lookupIds(req.ctx.store), [{ name: 'fields' }]),
      );
    })
    .add('DELETE', '/sites/{siteId}/lists/{listId}/items/{itemId}', (req) => {
      const { list } = resolveList(req);
      req.ctx.store.transaction(() => {
        const item = findItem(req, list);
        checkIfMatch(req, item);
        // In a library the list item is the file's: deleting it deletes the file (and its versions).
        const file = item.driveItemId ? getItem(req.ctx.store, item.driveItemId) : undefined;
        if (file) deleteItem(req.ctx.store, file);
        else req.ctx.store.delete('listItem', item.id);
      });
      return { status: 204 };
    });
}

/** A list item as the answer to a request: its ETag header, Graph's entity context and its JSON. */
function itemEntityResponse(
  req: RouteRequest,
  site: Site,
  list: SpList,
  item: SpListItem,
  status: number,
  json: Record<string, unknown>,
): TenantResponse {
  return {
    status,
    headers: { ETag: itemETag(item) },
    body: {
      '@odata.context': contextUrl(
        req,
        `sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items/$entity`,
      ),
      ...json,
    },
  };
}
