import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeSegment } from '../http/router';
import { GraphError, accessDenied, badRequest, notFound } from '../http/errors';
import type { RouteRequest, TenantContext, TenantResponse } from '../http/types';
import { SHAREPOINT_HOST } from '../ids';
import type { TenantStore } from '../store/database';
import type { DirectoryUser, Group, Site, SpList, SpListItem } from '../store/entities';
import {
  type Drive,
  type DriveItemRecord,
  type SharingRole,
  ancestors,
  childrenOf,
  createDriveForLibrary,
  currentVersion,
  driveUsage,
  ensureDefaultDrive,
  findChild,
  folderSize,
  getDrive,
  getItem,
  getListItem,
  itemPathNames,
} from '../store/drives';
import { findGroup, requireMember } from './directory';
import { canReadSite, findSite } from './sites';

/**
 * What the drive routes share: addressing (by id, by path with Graph's colon syntax, through a
 * site, a list or a group), access, eTags, and the JSON Graph sends for drives and drive items.
 */

export interface DriveScope {
  drive: Drive;
  site: Site;
  list: SpList;
}

export interface Addressed {
  scope: DriveScope;
  /** The URL names the drive itself (".../drive") rather than an item. */
  isDrive: boolean;
  /** The item named, when it exists. */
  item?: DriveItemRecord;
  /** For a path that does not (fully) exist: the deepest existing item and the names below it. */
  parent?: DriveItemRecord;
  missing: string[];
  /** Decoded segments after the item: ["children"], ["versions", "2.0", "content"]... */
  sub: string[];
  byPath: boolean;
}

// --- addressing --------------------------------------------------------------------------------

/** The drive prefixes Graph accepts; `rest` is the raw (still percent-encoded) remainder. */
export const DRIVE_PREFIXES: RegExp[] = [
  /^\/drives\/(?<drive>[^/:]+)(?<rest>.*)$/i,
  /^\/sites\/(?<site>[^/:]+)\/drive(?<rest>(?:[/:].*)?)$/i,
  /^\/sites\/(?<site>[^/:]+)\/drives\/(?<drive>[^/:]+)(?<rest>.*)$/i,
  /^\/sites\/(?<site>[^/:]+)\/lists\/(?<list>[^/:]+)\/drive(?<rest>(?:[/:].*)?)$/i,
  /^\/groups\/(?<group>[^/:]+)\/drive(?<rest>(?:[/:].*)?)$/i,
];

export { decodeSegment };

const driveNotFound = () => notFound('The drive could not be found.', 'itemNotFound');
export const itemNotFound = () => notFound('The resource could not be found.', 'itemNotFound');

function scopeOfDrive(req: RouteRequest, drive: Drive): DriveScope {
  const site = req.ctx.store.get<Site>('site', drive.siteId);
  const list = req.ctx.store.get<SpList>('list', drive.listId);
  if (!site || !list) throw driveNotFound();
  return { drive, site, list };
}

/** A drive by id; a library created by the lists routes gets its drive here on first use. */
function driveById(req: RouteRequest, id: string): Drive {
  const { store } = req.ctx;
  let drive = getDrive(store, id);
  if (!drive) {
    const list = store.list<SpList>('list').find((l) => l.driveId === id);
    const site = list && store.get<Site>('site', list.siteId);
    if (list && site) drive = createDriveForLibrary(store, site, list, req.ctx.now());
  }
  if (!drive) throw driveNotFound();
  return drive;
}

export function defaultScope(req: RouteRequest, site: Site): DriveScope {
  const drive = ensureDefaultDrive(req.ctx.store, site, req.ctx.now());
  return scopeOfDrive(req, drive);
}

function resolveScope(req: RouteRequest, groups: Record<string, string | undefined>): DriveScope {
  const { store } = req.ctx;
  if (groups.group !== undefined) {
    const group: Group = findGroup(req, decodeSegment(groups.group));
    requireMember(req, group);
    const site = store.list<Site>('site', group.id)[0];
    if (!site) throw driveNotFound();
    return defaultScope(req, site);
  }
  if (groups.site !== undefined) {
    const site = findSite(req, decodeSegment(groups.site));
    if (groups.drive !== undefined) {
      const drive = driveById(req, decodeSegment(groups.drive));
      if (drive.siteId !== site.id) throw driveNotFound();
      return scopeOfDrive(req, drive);
    }
    if (groups.list !== undefined) {
      const key = decodeSegment(groups.list).toLowerCase();
      const list = store
        .list<SpList>('list', site.id)
        .find(
          (l) =>
            l.id.toLowerCase() === key || l.name.toLowerCase() === key || l.displayName.toLowerCase() === key,
        );
      if (!list)
        throw notFound(
          `List '${decodeSegment(groups.list)}' does not exist at site with URL '${siteUrl(site)}'.`,
          'itemNotFound',
        );
      if (list.template !== 'documentLibrary') throw driveNotFound();
      return scopeOfDrive(req, createDriveForLibrary(store, site, list, req.ctx.now()));
    }
    return defaultScope(req, site);
  }
  return scopeOfDrive(req, driveById(req, decodeSegment(groups.drive ?? '')));
}

function splitPathNames(raw: string): string[] {
  // ".../root:/" and ".../root:" name the root itself.
  const parts = raw.split('/');
  if (parts[0] !== '')
    throw badRequest(`The path '${decodeSegment(raw)}' must start with '/'.`, 'invalidRequest');
  const names = parts.slice(1);
  if (names.length && names[names.length - 1] === '') names.pop();
  return names.map((segment) => {
    const name = decodeSegment(segment);
    if (name === '')
      throw new GraphError(
        400,
        'invalidRequest',
        'The path is not valid: it has an empty segment.',
        {},
        'invalidPath',
      );
    if (name === '.' || name === '..')
      throw new GraphError(
        400,
        'invalidRequest',
        "The path is not valid: '.' and '..' segments are not allowed.",
        {},
        'invalidPath',
      );
    return name;
  });
}

function splitSub(raw: string): string[] {
  if (raw === '' || raw === '/') return [];
  if (!raw.startsWith('/')) throw badRequest(`Resource not found for the segment '${raw}'.`, 'BadRequest');
  const parts = raw.slice(1).split('/');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map(decodeSegment);
}

/** Walks names below an item; stops at the first name that does not exist. */
export function walk(store: TenantStore, start: DriveItemRecord, names: string[]) {
  let current = start;
  for (let i = 0; i < names.length; i++) {
    const child = current.isFolder ? findChild(store, current.id, names[i]!) : undefined;
    if (!child) return { item: undefined, parent: current, missing: names.slice(i) };
    current = child;
  }
  return { item: current, parent: undefined, missing: [] as string[] };
}

/** Parses and resolves a drive URL. Returns undefined when the path is not a drive URL. */
export function address(req: RouteRequest): Addressed | undefined {
  for (const re of DRIVE_PREFIXES) {
    const m = re.exec(req.path);
    if (!m?.groups) continue;
    const scope = resolveScope(req, m.groups);
    const rest = m.groups.rest ?? '';
    const { store } = req.ctx;
    if (rest === '' || rest === '/') return { scope, isDrive: true, missing: [], sub: [], byPath: false };
    let base: DriveItemRecord | undefined;
    let after: string;
    const rootMatch = /^\/root(?=$|[/:])/i.exec(rest);
    const itemMatch = /^\/items\/([^/:]+)/i.exec(rest);
    if (rootMatch) {
      base = getItem(store, scope.drive.rootId);
      after = rest.slice(rootMatch[0].length);
    } else if (itemMatch) {
      const id = decodeSegment(itemMatch[1]!);
      base = id.toLowerCase() === 'root' ? getItem(store, scope.drive.rootId) : getItem(store, id);
      if (!base || base.driveId !== scope.drive.id) {
        // An outsider learns nothing about what exists in a site they can't read.
        if (!canReadSite(req, scope.site)) throw accessDenied();
        throw itemNotFound();
      }
      after = rest.slice(itemMatch[0].length);
    } else {
      // Drive-level segments the product does not use (items, special, recent, search...).
      const segment = rest.split('/')[1] ?? '';
      throw badRequest(`Resource not found for the segment '${decodeSegment(segment)}'.`, 'BadRequest');
    }
    if (!base) throw itemNotFound();
    if (after.startsWith(':')) {
      const cm = /^:(?<p>[^:]*)(?::(?<tail>.*))?$/.exec(after);
      if (!cm?.groups)
        throw badRequest('The path is not valid: it has more than one path part.', 'invalidRequest');
      const names = splitPathNames(cm.groups.p ?? '');
      const sub = splitSub(cm.groups.tail ?? '');
      const found = walk(store, base, names);
      return { scope, isDrive: false, ...found, sub, byPath: true };
    }
    return { scope, isDrive: false, item: base, missing: [], sub: splitSub(after), byPath: false };
  }
  return undefined;
}

// --- access ------------------------------------------------------------------------------------

export type Access = 'none' | SharingRole;

const userEmails = (u: DirectoryUser) =>
  [u.mail, u.userPrincipalName].filter((x): x is string => !!x).map((x) => x.toLowerCase());

/**
 * The caller's access to an item: site members (the group's members; for a private channel's
 * site, the channel's) edit everything in the site's libraries, as a Team's members do; anyone
 * else only what was shared with them by invite, on the item or a folder above it.
 */
export function accessTo(req: RouteRequest, scope: DriveScope, item: DriveItemRecord | undefined): Access {
  if (canReadSite(req, scope.site)) return 'write';
  if (!item) return 'none';
  const emails = userEmails(req.user);
  let best: Access = 'none';
  for (const holder of [...ancestors(req.ctx.store, item), item])
    for (const g of holder.grants)
      if (g.userId === req.user.id || emails.includes(g.email.toLowerCase()))
        if (g.roles.includes('write')) best = 'write';
        else if (best === 'none') best = 'read';
  return best;
}

export function requireAccess(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord | undefined,
  needed: SharingRole,
): void {
  const access = accessTo(req, scope, item);
  if (access === 'none' || (needed === 'write' && access !== 'write')) throw accessDenied('Access denied');
}

export function requireSiteMember(req: RouteRequest, scope: DriveScope): void {
  if (!canReadSite(req, scope.site)) throw accessDenied('Access denied');
}

// --- eTags -------------------------------------------------------------------------------------

/** '"{GUID},N"', as SharePoint writes a drive item's eTag. */
export const eTagOf = (store: TenantStore, item: DriveItemRecord) =>
  `"{${item.uniqueId}},${currentVersion(store, item)}"`;
/** '"c:{GUID},N"': changes only with the content. */
export const cTagOf = (item: DriveItemRecord) => `"c:{${item.uniqueId}},${item.contentVersion}"`;
/** A list item's eTag: '"guid,N"' (lower case, no braces). */
export const listItemETagOf = (li: SpListItem) => `"${li.uniqueId},${li.version}"`;

/** The entity tags of an If-Match/If-None-Match header: quoted tags hold commas ("{GUID},3"). */
export const headerTags = (header: string): string[] => header.match(/(?:W\/)?"[^"]*"|[^\s,]+/g) ?? [];

const normalizeTag = (t: string) =>
  t.trim().replace(/^W\//, '').replace(/^"|"$/g, '').replace(/[{}]/g, '').toLowerCase();

/**
 * If-Match: '*' or one of the item's tags (eTag or cTag, as the docs allow; the list item's eTag
 * names the same state). A mismatch is 412 resourceModified (detailed code entityTagDoesNotMatch).
 */
export function checkIfMatch(req: RouteRequest, item: DriveItemRecord): void {
  const header = req.headers['if-match'];
  if (!header || header.trim() === '*') return;
  const current = [eTagOf(req.ctx.store, item), cTagOf(item)].map(normalizeTag);
  if (
    !headerTags(header)
      .map(normalizeTag)
      .some((t) => current.includes(t))
  )
    throw new GraphError(
      412,
      'resourceModified',
      "ETag does not match current item's value",
      {},
      'entityTagDoesNotMatch',
    );
}

// --- URLs --------------------------------------------------------------------------------------

const encodePath = (names: string[]) =>
  names.map((n) => encodeURIComponent(n).replace(/%2F/gi, '/')).join('/');
export const siteUrl = (site: Site) => `https://${SHAREPOINT_HOST}${site.serverRelativePath}`;
export const libraryUrl = (scope: DriveScope) =>
  `${siteUrl(scope.site)}/${encodeURIComponent(scope.list.name)}`;

const OFFICE_EXTENSIONS = new Set([
  'doc',
  'docx',
  'docm',
  'dotx',
  'xls',
  'xlsx',
  'xlsm',
  'ppt',
  'pptx',
  'pptm',
]);

/**
 * webUrl as Graph gives it: Office documents open in the browser through Doc.aspx
 * (".../_layouts/15/Doc.aspx?sourcedoc=%7B{GUID}%7D&file=Book.xlsx&action=default&mobileredirect=true",
 * as seen in graph-docs issue 7807); other files and folders are their library path.
 */
export function itemWebUrl(store: TenantStore, scope: DriveScope, item: DriveItemRecord): string {
  const ext = /\.([^.]+)$/.exec(item.name)?.[1]?.toLowerCase() ?? '';
  if (!item.isFolder && OFFICE_EXTENSIONS.has(ext))
    return `${siteUrl(scope.site)}/_layouts/15/Doc.aspx?sourcedoc=%7B${item.uniqueId}%7D&file=${encodeURIComponent(item.name)}&action=default&mobileredirect=true`;
  const names = itemPathNames(store, item);
  return names.length ? `${libraryUrl(scope)}/${encodePath(names)}` : libraryUrl(scope);
}

/** The decoded path SharePoint's 400-character limit counts: "sites/x/Shared Documents/a/b.docx". */
export function decodedPathOf(scope: DriveScope, names: string[]): string {
  return [scope.site.serverRelativePath.replace(/^\//, ''), scope.list.name, ...names].join('/');
}

/** '/drives/{id}/root:' + the item's folder path, as parentReference.path. */
export function pathOf(store: TenantStore, scope: DriveScope, item: DriveItemRecord): string {
  const names = itemPathNames(store, item);
  return `/drives/${scope.drive.id}/root:${names.length ? `/${names.join('/')}` : ''}`;
}

// --- pre-authenticated download URLs ---------------------------------------------------------

const DOWNLOAD_URL_LIFETIME_MS = 60 * 60 * 1000;

function downloadSecret(store: TenantStore): Buffer {
  let secret = store.getMeta('downloadSecret');
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    store.setMeta('downloadSecret', secret);
  }
  return Buffer.from(secret, 'base64url');
}

const signature = (store: TenantStore, payload: string) =>
  createHmac('sha256', downloadSecret(store)).update(payload).digest('base64url');

/**
 * A pre-authenticated download URL (the `@microsoft.graph.downloadUrl` and the target of GET
 * .../content's 302): no Authorization header needed, valid for an hour, signed with the
 * tenant's secret so that it survives a restart and costs no storage.
 */
export function downloadUrl(ctx: TenantContext, item: DriveItemRecord, version?: number): string {
  const expires = ctx.now().getTime() + DOWNLOAD_URL_LIFETIME_MS;
  const v = version === undefined ? '' : String(version);
  const sig = signature(ctx.store, `${item.id}|${v}|${expires}`);
  const q = new URLSearchParams({ ...(v ? { version: v } : {}), expires: String(expires), tempauth: sig });
  return `${ctx.origin}/_download/${encodeURIComponent(item.driveId)}/${item.id}?${q.toString()}`;
}

export function verifyDownload(
  store: TenantStore,
  itemId: string,
  query: URLSearchParams,
  now: Date,
): { version?: number } | 'expired' | 'invalid' {
  const expires = Number(query.get('expires'));
  const v = query.get('version') ?? '';
  const given = Buffer.from(query.get('tempauth') ?? '');
  const wanted = Buffer.from(signature(store, `${itemId}|${v}|${expires}`));
  if (!Number.isFinite(expires) || given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return 'invalid';
  if (expires < now.getTime()) return 'expired';
  return v ? { version: Number(v) } : {};
}

// --- JSON --------------------------------------------------------------------------------------

export function identity(store: TenantStore, userId: string): Record<string, unknown> {
  const u = userId ? store.get<DirectoryUser>('user', userId) : undefined;
  if (!u) return { user: { displayName: 'System Account' } };
  return { user: { email: u.mail ?? u.userPrincipalName, id: u.id, displayName: u.displayName } };
}

export function odataId(id: string): string {
  return encodeURIComponent(id).replace(/!/g, '%21');
}

export function driveJson(req: RouteRequest, scope: DriveScope): Record<string, unknown> {
  const { store } = req.ctx;
  const group = store.get<Group>('group', scope.site.access.groupId);
  const total = 27487790694400; // 25 TB, a SharePoint Online site's default storage
  const used = driveUsage(store, scope.drive);
  return {
    createdDateTime: scope.drive.createdDateTime,
    description: scope.list.description ?? '',
    id: scope.drive.id,
    lastModifiedDateTime: scope.list.lastModifiedDateTime,
    name: scope.list.displayName,
    webUrl: libraryUrl(scope),
    driveType: 'documentLibrary',
    createdBy: { user: { displayName: 'System Account' } },
    lastModifiedBy: { user: { displayName: 'System Account' } },
    owner: group ? { group: { email: group.mail, id: group.id, displayName: group.displayName } } : undefined,
    quota: { deleted: 0, remaining: total - used, state: 'normal', total, used },
  };
}

export function parentReference(
  store: TenantStore,
  scope: DriveScope,
  item: DriveItemRecord,
): Record<string, unknown> {
  const base = { driveType: 'documentLibrary', driveId: scope.drive.id };
  if (!item.parentId) return base;
  const parent = getItem(store, item.parentId);
  if (!parent) return base;
  return {
    ...base,
    id: parent.id,
    ...(parent.parentId ? { name: parent.name } : {}),
    path: pathOf(store, scope, parent),
    siteId: scope.site.id,
  };
}

/** A drive item as Graph sends it (property order as SharePoint's responses). */
export function itemJson(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
): Record<string, unknown> {
  const { store } = req.ctx;
  const out: Record<string, unknown> = {};
  if (!item.isFolder) out['@microsoft.graph.downloadUrl'] = downloadUrl(req.ctx, item);
  out.createdDateTime = item.createdDateTime;
  out.eTag = eTagOf(store, item);
  out.id = item.id;
  out.lastModifiedDateTime = item.lastModifiedDateTime;
  out.name = item.name;
  out.webUrl = itemWebUrl(store, scope, item);
  // SharePoint does not return cTag for folders (driveItem resource docs).
  if (!item.isFolder) out.cTag = cTagOf(item);
  out.size = item.isFolder ? folderSize(store, item.id) : item.size;
  out.createdBy = identity(store, item.createdBy);
  out.lastModifiedBy = identity(store, item.lastModifiedBy);
  out.parentReference = parentReference(store, scope, item);
  if (item.file)
    out.file = { mimeType: item.file.mimeType, hashes: { quickXorHash: item.file.quickXorHash } };
  out.fileSystemInfo = {
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
  };
  if (item.isFolder) out.folder = { childCount: childrenOf(store, item.id).length };
  if (!item.parentId) out.root = {};
  if (item.grants.length) out.shared = { scope: 'users' };
  return out;
}

export const contextOfItem = (scope: DriveScope) => `drives('${odataId(scope.drive.id)}')/items/$entity`;
export const contextOfItemPart = (scope: DriveScope, item: DriveItemRecord, part: string) =>
  `drives('${odataId(scope.drive.id)}')/items('${odataId(item.id)}')/${part}`;

export function listItemOf(store: TenantStore, item: DriveItemRecord): SpListItem | undefined {
  return getListItem(store, item);
}

/** A drive item as the answer to a request: Graph's entity context and the item's JSON. */
export function itemResponse(
  req: RouteRequest,
  scope: DriveScope,
  item: DriveItemRecord,
  status: number,
): TenantResponse {
  return {
    status,
    body: {
      '@odata.context': `${req.ctx.graphBase}/$metadata#${contextOfItem(scope)}`,
      ...itemJson(req, scope, item),
    },
  };
}
