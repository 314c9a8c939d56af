import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { stableGuid, timestamp } from '../ids';
import type { TenantStore } from './database';
import type { ColumnDefinition, Site, SpList, SpListItem } from './entities';
import { QuickXorHash } from './quickxorhash';

/**
 * Document libraries and their files, as SharePoint keeps them behind Graph's drive API.
 *
 * - A drive is a document library (an SpList with template documentLibrary and `driveId`); every
 *   site has the default library "Documents" (URL name "Shared Documents"), created with the site.
 * - Every file and folder below the root is also an item of the library's list (SpListItem, kind
 *   "listItem", linked by `driveItemId`), so `/sites/{id}/lists/{library}/items` shows the files and
 *   `driveItem/listItem/fields` holds the library's columns. Both share one GUID (SharePoint's
 *   UniqueId) and one change counter: the driveItem's eTag is "{GUID},N" and the list item's
 *   "guid,N" with the same N.
 * - File content is stored in the blobs table as chunks (an upload session's fragments are kept
 *   as they arrive and become the chunks of the file, so a large file is never assembled in
 *   memory). Each version keeps its chunk list; versions share unchanged chunks.
 */

export interface Drive {
  /** "b!" + base64url of the site collection, web and list GUIDs, as SharePoint's drive ids are. */
  id: string;
  siteId: string;
  listId: string;
  rootId: string;
  createdDateTime: string;
}

export type SharingRole = 'read' | 'write';

/** A permission granted with POST .../invite (SharePoint: a direct grant to a person). */
export interface SharingGrant {
  id: string;
  roles: SharingRole[];
  email: string;
  /** Set when the recipient is a user of the tenant (member or guest). */
  userId?: string;
  displayName: string;
  invitedBy: string;
  signInRequired: boolean;
  invitationSent: boolean;
  createdDateTime: string;
}

export interface FileContent {
  mimeType: string;
  quickXorHash: string;
  /** Blob ids, in order. */
  chunks: string[];
  /** Current major version ("1.0", "2.0"...). */
  major: number;
}

export interface DriveItemRecord {
  /** "01" + 32 base32 characters, the shape of SharePoint's drive item ids. */
  id: string;
  driveId: string;
  /** null for the drive's root. */
  parentId: string | null;
  name: string;
  isFolder: boolean;
  /** SharePoint's UniqueId, upper case; the list item's uniqueId in lower case. */
  uniqueId: string;
  /** Change counter behind eTag (every change, content or metadata). */
  version: number;
  /** Change counter behind cTag (content changes). */
  contentVersion: number;
  createdDateTime: string;
  createdBy: string;
  lastModifiedDateTime: string;
  lastModifiedBy: string;
  /** The SpListItem's store id ("{listId}:{itemId}"); absent for the root. */
  listItemKey?: string;
  /** Files: bytes of the current version. Folders: 0 (their size is computed). */
  size: number;
  file?: FileContent;
  grants: SharingGrant[];
}

export interface DriveItemVersionRecord {
  /** "{itemId}/{major}" in the store; Graph shows "{major}.0". */
  id: string;
  itemId: string;
  major: number;
  size: number;
  chunks: string[];
  quickXorHash: string;
  lastModifiedDateTime: string;
  lastModifiedBy: string;
}

export const DRIVE = 'drive';
export const DRIVE_ITEM = 'driveItem';
export const DRIVE_ITEM_VERSION = 'driveItemVersion';

/** SharePoint's default library: shown as "Documents", URL name "Shared Documents". */
export const DEFAULT_LIBRARY = { name: 'Shared Documents', displayName: 'Documents' };

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export const newDriveItemId = (): string => `01${base32(randomBytes(20))}`;
const stableDriveItemId = (name: string): string => `01${base32(createHash('sha1').update(name).digest())}`;

const guidBytes = (guid: string): Buffer => Buffer.from(guid.replace(/-/g, ''), 'hex');

export function driveIdFor(site: Site, listId: string): string {
  const [, siteGuid = '', webGuid = ''] = site.id.split(',');
  return `b!${Buffer.concat([guidBytes(siteGuid), guidBytes(webGuid), guidBytes(listId)]).toString('base64url')}`;
}

/** The columns a new document library has besides the file name (FileLeafRef). */
export const LIBRARY_COLUMNS: ColumnDefinition[] = [
  {
    id: stableGuid('column:Title'),
    name: 'Title',
    displayName: 'Title',
    description: '',
    columnGroup: 'Custom Columns',
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: false,
    required: false,
    text: {
      allowMultipleLines: false,
      appendChangesToExistingText: false,
      linesForEditing: 0,
      maxLength: 255,
    },
  },
];

/**
 * Gives a document library its drive (its root folder). The library's SpList must already be in
 * the store; its `driveId` is set here. Idempotent. Route modules that create libraries
 * (POST /sites/{id}/lists with template documentLibrary) call this.
 */
export function createDriveForLibrary(store: TenantStore, site: Site, list: SpList, now: Date): Drive {
  const id = list.driveId ?? driveIdFor(site, list.id);
  const existing = store.get<Drive>(DRIVE, id);
  if (existing) return existing;
  const at = timestamp(now);
  const drive: Drive = {
    id,
    siteId: site.id,
    listId: list.id,
    rootId: stableDriveItemId(`root:${id}`),
    createdDateTime: list.createdDateTime || at,
  };
  const root: DriveItemRecord = {
    id: drive.rootId,
    driveId: id,
    parentId: null,
    name: 'root',
    isFolder: true,
    uniqueId: stableGuid(`root-folder:${id}`).toUpperCase(),
    version: 1,
    contentVersion: 1,
    createdDateTime: drive.createdDateTime,
    createdBy: list.createdBy,
    lastModifiedDateTime: drive.createdDateTime,
    lastModifiedBy: list.createdBy,
    size: 0,
    grants: [],
  };
  store.transaction(() => {
    store.put(DRIVE, drive, site.id);
    store.put(DRIVE_ITEM, root, `drive:${id}`);
    if (list.driveId !== id) store.put<SpList>('list', { ...list, driveId: id }, list.siteId);
  });
  return drive;
}

/** The site's default library "Documents", created on first use if the site has none yet. */
export function ensureDefaultDrive(store: TenantStore, site: Site, now: Date, createdBy?: string): Drive {
  const lists = store.list<SpList>('list', site.id);
  const library = lists.find(
    (l) => l.template === 'documentLibrary' && l.name.toLowerCase() === DEFAULT_LIBRARY.name.toLowerCase(),
  );
  if (library) return createDriveForLibrary(store, site, library, now);
  const at = timestamp(now);
  const list: SpList = {
    id: stableGuid(`list:${site.id}:${DEFAULT_LIBRARY.name}`),
    siteId: site.id,
    name: DEFAULT_LIBRARY.name,
    displayName: DEFAULT_LIBRARY.displayName,
    description: null,
    template: 'documentLibrary',
    createdDateTime: site.createdDateTime || at,
    lastModifiedDateTime: site.createdDateTime || at,
    createdBy: createdBy ?? '',
    columns: LIBRARY_COLUMNS,
    nextItemId: 1,
  };
  return store.transaction(() => {
    store.put('list', list, site.id);
    return createDriveForLibrary(store, site, list, now);
  });
}

export const getDrive = (store: TenantStore, id: string): Drive | undefined => store.get<Drive>(DRIVE, id);
export const getItem = (store: TenantStore, id: string): DriveItemRecord | undefined =>
  store.get<DriveItemRecord>(DRIVE_ITEM, id);
export const childrenOf = (store: TenantStore, parentId: string): DriveItemRecord[] =>
  store.list<DriveItemRecord>(DRIVE_ITEM, parentId);
export const findChild = (
  store: TenantStore,
  parentId: string,
  name: string,
): DriveItemRecord | undefined => {
  const lower = name.toLowerCase();
  return childrenOf(store, parentId).find((c) => c.name.toLowerCase() === lower);
};

export function saveItem(store: TenantStore, item: DriveItemRecord): DriveItemRecord {
  return store.put(DRIVE_ITEM, item, item.parentId ?? `drive:${item.driveId}`);
}

/** Ancestors from the root down to the item's parent (the root first). */
export function ancestors(store: TenantStore, item: DriveItemRecord): DriveItemRecord[] {
  const chain: DriveItemRecord[] = [];
  let parentId = item.parentId;
  for (let guard = 0; parentId && guard < 1000; guard++) {
    const parent = getItem(store, parentId);
    if (!parent) break;
    chain.unshift(parent);
    parentId = parent.parentId;
  }
  return chain;
}

/** Names from the root's first child down to the item ([] for the root). */
export function itemPathNames(store: TenantStore, item: DriveItemRecord): string[] {
  if (!item.parentId) return [];
  return [
    ...ancestors(store, item)
      .filter((a) => a.parentId)
      .map((a) => a.name),
    item.name,
  ];
}

export function isDescendantOf(store: TenantStore, item: DriveItemRecord, ancestorId: string): boolean {
  return item.id === ancestorId || ancestors(store, item).some((a) => a.id === ancestorId);
}

/** Every item below a folder (not the folder itself), depth first. */
export function descendants(store: TenantStore, folderId: string): DriveItemRecord[] {
  const out: DriveItemRecord[] = [];
  for (const child of childrenOf(store, folderId)) {
    out.push(child);
    if (child.isFolder) out.push(...descendants(store, child.id));
  }
  return out;
}

export function folderSize(store: TenantStore, folderId: string): number {
  return descendants(store, folderId).reduce((n, d) => n + (d.isFolder ? 0 : d.size), 0);
}

// --- content ----------------------------------------------------------------------------------

/** Stores bytes as one chunk; returns its blob id. */
export function putChunk(store: TenantStore, data: Buffer): string {
  const id = `chunk:${randomUUID()}`;
  store.putBlob(id, data);
  return id;
}

/** Sizes of stored chunks, from the blobs table without reading them. */
export function chunkSizes(store: TenantStore, chunks: string[]): number[] {
  const stmt = store.db.prepare('SELECT length(content) AS n FROM blobs WHERE id = ?');
  return chunks.map((id) => (stmt.get(id) as { n: number } | undefined)?.n ?? 0);
}

/**
 * Reads bytes [start, end] (inclusive) of a chunked content, one chunk at a time.
 * The caller streams the pieces; at most one chunk is in memory.
 */
export function* readChunks(
  store: TenantStore,
  chunks: string[],
  start = 0,
  end = Number.MAX_SAFE_INTEGER,
): Generator<Buffer> {
  const sizes = chunkSizes(store, chunks);
  let offset = 0;
  for (let i = 0; i < chunks.length; i++) {
    const size = sizes[i]!;
    const chunkStart = offset;
    const chunkEnd = offset + size - 1;
    offset += size;
    if (size === 0 || chunkEnd < start || chunkStart > end) continue;
    const blob = store.getBlob(chunks[i]!);
    if (!blob) continue;
    yield blob.subarray(Math.max(0, start - chunkStart), Math.min(size, end - chunkStart + 1));
  }
}

export function readAll(store: TenantStore, chunks: string[]): Buffer {
  return Buffer.concat([...readChunks(store, chunks)]);
}

/** The MIME type SharePoint reports for a file name (by extension, as the service does). */
export function mimeTypeFor(name: string): string {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

const MIME_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  docm: 'application/vnd.ms-word.document.macroEnabled.12',
  dotx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  xml: 'text/xml',
  json: 'application/json',
  rtf: 'application/rtf',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  zip: 'application/x-zip-compressed',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
};

// --- the library's list items ------------------------------------------------------------------

const UI_VERSION = (major: number) => `${major}.0`;

/** The system fields SharePoint keeps on a library item (plus the library's own columns). */
function systemFields(store: TenantStore, item: DriveItemRecord): Record<string, unknown> {
  const ext = item.isFolder ? '' : (/\.([^.]+)$/.exec(item.name)?.[1]?.toLowerCase() ?? '');
  const children = item.isFolder ? childrenOf(store, item.id) : [];
  return {
    FileLeafRef: item.name,
    ContentType: item.isFolder ? 'Folder' : 'Document',
    LinkFilename: item.name,
    LinkFilenameNoMenu: item.name,
    DocIcon: ext,
    FileSizeDisplay: item.isFolder ? undefined : String(item.size),
    ItemChildCount: String(children.filter((c) => !c.isFolder).length),
    FolderChildCount: String(children.filter((c) => c.isFolder).length),
    _UIVersionString: UI_VERSION(item.file?.major ?? 1),
  };
}

function driveList(store: TenantStore, item: DriveItemRecord): SpList | undefined {
  const drive = getDrive(store, item.driveId);
  return drive ? store.get<SpList>('list', drive.listId) : undefined;
}

/** Creates the library list item of a new file or folder; sets `listItemKey`. */
export function createListItem(store: TenantStore, item: DriveItemRecord, now: Date): SpListItem | undefined {
  const list = driveList(store, item);
  if (!list) return undefined;
  const itemId = String(list.nextItemId);
  store.put<SpList>('list', { ...list, nextItemId: list.nextItemId + 1 }, list.siteId);
  const at = timestamp(now);
  const listItem: SpListItem = {
    id: `${list.id}:${itemId}`,
    itemId,
    listId: list.id,
    fields: stripUndefined(systemFields(store, item)),
    uniqueId: item.uniqueId.toLowerCase(),
    version: item.version,
    createdDateTime: at,
    lastModifiedDateTime: at,
    createdBy: item.createdBy,
    lastModifiedBy: item.lastModifiedBy,
    driveItemId: item.id,
  };
  store.put('listItem', listItem, list.id);
  item.listItemKey = listItem.id;
  return listItem;
}

export function getListItem(store: TenantStore, item: DriveItemRecord): SpListItem | undefined {
  return item.listItemKey ? store.get<SpListItem>('listItem', item.listItemKey) : undefined;
}

/**
 * Copies the drive item's state (name, size, version, modification) into its list item, keeping
 * the library's own column values. The change counter is shared: the list item's version wins
 * when another route changed it.
 */
export function syncListItem(
  store: TenantStore,
  item: DriveItemRecord,
  extraFields: Record<string, unknown> = {},
) {
  const listItem = getListItem(store, item);
  if (!listItem) return;
  const fields = stripUndefined({ ...listItem.fields, ...extraFields, ...systemFields(store, item) });
  store.put<SpListItem>(
    'listItem',
    {
      ...listItem,
      fields,
      version: item.version,
      lastModifiedDateTime: item.lastModifiedDateTime,
      lastModifiedBy: item.lastModifiedBy,
    },
    listItem.listId,
  );
}

/** Drops absent values; a null written to a column clears it, as the lists routes do. */
function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

/** The change counter, agreeing with the list item when another route (lists) changed it. */
export function currentVersion(store: TenantStore, item: DriveItemRecord): number {
  const li = getListItem(store, item);
  return Math.max(item.version, li?.version ?? 0);
}

// --- changes -----------------------------------------------------------------------------------

function newRecord(
  drive: Drive,
  parentId: string,
  name: string,
  isFolder: boolean,
  userId: string,
  now: Date,
): DriveItemRecord {
  const at = timestamp(now);
  return {
    id: newDriveItemId(),
    driveId: drive.id,
    parentId,
    name,
    isFolder,
    uniqueId: randomUUID().toUpperCase(),
    version: 1,
    contentVersion: 1,
    createdDateTime: at,
    createdBy: userId,
    lastModifiedDateTime: at,
    lastModifiedBy: userId,
    size: 0,
    grants: [],
  };
}

export function createFolder(
  store: TenantStore,
  drive: Drive,
  parentId: string,
  name: string,
  userId: string,
  now: Date,
): DriveItemRecord {
  return store.transaction(() => {
    const folder = newRecord(drive, parentId, name, true, userId, now);
    createListItem(store, folder, now);
    saveItem(store, folder);
    refreshParentListItem(store, parentId);
    return folder;
  });
}

export interface NewContent {
  chunks: string[];
  size: number;
  quickXorHash: string;
}

/** Content from bytes in memory (simple upload): one chunk, or none for an empty file. */
export function contentFromBuffer(store: TenantStore, data: Buffer): NewContent {
  return {
    chunks: data.length ? [putChunk(store, data)] : [],
    size: data.length,
    quickXorHash: new QuickXorHash().update(data).digest(),
  };
}

function addVersion(store: TenantStore, item: DriveItemRecord, userId: string, at: string) {
  const file = item.file!;
  const v: DriveItemVersionRecord = {
    id: `${item.id}/${file.major}`,
    itemId: item.id,
    major: file.major,
    size: item.size,
    chunks: file.chunks,
    quickXorHash: file.quickXorHash,
    lastModifiedDateTime: at,
    lastModifiedBy: userId,
  };
  store.put(DRIVE_ITEM_VERSION, v, item.id);
}

export function createFile(
  store: TenantStore,
  drive: Drive,
  parentId: string,
  name: string,
  content: NewContent,
  userId: string,
  now: Date,
): DriveItemRecord {
  return store.transaction(() => {
    const file = newRecord(drive, parentId, name, false, userId, now);
    file.size = content.size;
    file.file = {
      mimeType: mimeTypeFor(name),
      quickXorHash: content.quickXorHash,
      chunks: content.chunks,
      major: 1,
    };
    createListItem(store, file, now);
    addVersion(store, file, userId, file.lastModifiedDateTime);
    saveItem(store, file);
    refreshParentListItem(store, parentId);
    return file;
  });
}

/** New content for an existing file: a new major version; older versions keep their chunks. */
export function replaceContent(
  store: TenantStore,
  item: DriveItemRecord,
  content: NewContent,
  userId: string,
  now: Date,
): DriveItemRecord {
  return store.transaction(() => {
    const at = timestamp(now);
    const file = item.file!;
    item.version = currentVersion(store, item) + 1;
    item.contentVersion++;
    item.size = content.size;
    item.file = {
      ...file,
      quickXorHash: content.quickXorHash,
      chunks: content.chunks,
      major: file.major + 1,
    };
    item.lastModifiedDateTime = at;
    item.lastModifiedBy = userId;
    addVersion(store, item, userId, at);
    saveItem(store, item);
    syncListItem(store, item);
    return item;
  });
}

/**
 * A metadata change (rename, move, column values). SharePoint libraries keep versions of
 * properties too: editing a document's fields or its name adds a version ("2.0") with the same
 * content (graph-docs issue 6996: "the item version number is incremented").
 */
export function changeMetadata(
  store: TenantStore,
  item: DriveItemRecord,
  userId: string,
  now: Date,
  change: { name?: string; parentId?: string; fields?: Record<string, unknown> },
): DriveItemRecord {
  return store.transaction(() => {
    const at = timestamp(now);
    const oldParent = item.parentId;
    if (change.name !== undefined) item.name = change.name;
    if (change.parentId !== undefined) item.parentId = change.parentId;
    item.version = currentVersion(store, item) + 1;
    item.lastModifiedDateTime = at;
    item.lastModifiedBy = userId;
    if (item.file && (change.name !== undefined || change.fields)) {
      item.file = { ...item.file, major: item.file.major + 1, mimeType: mimeTypeFor(item.name) };
      addVersion(store, item, userId, at);
    }
    saveItem(store, item);
    syncListItem(store, item, change.fields);
    if (change.parentId !== undefined && oldParent) {
      refreshParentListItem(store, oldParent);
      refreshParentListItem(store, change.parentId);
    }
    return item;
  });
}

/** Keeps a folder's child counts in its list item current. */
export function refreshParentListItem(store: TenantStore, parentId: string) {
  const parent = getItem(store, parentId);
  if (parent?.listItemKey) syncListItem(store, parent);
}

export const versionsOf = (store: TenantStore, itemId: string): DriveItemVersionRecord[] =>
  store.list<DriveItemVersionRecord>(DRIVE_ITEM_VERSION, itemId).sort((a, b) => b.major - a.major);

/** Deletes an item and everything below it: list items, versions and content no longer referenced. */
export function deleteItem(store: TenantStore, item: DriveItemRecord): void {
  store.transaction(() => {
    const all = [item, ...(item.isFolder ? descendants(store, item.id) : [])];
    const chunks = new Set<string>();
    for (const d of all) {
      for (const v of versionsOf(store, d.id)) {
        v.chunks.forEach((c) => chunks.add(c));
        store.delete(DRIVE_ITEM_VERSION, v.id);
      }
      d.file?.chunks.forEach((c) => chunks.add(c));
      if (d.listItemKey) store.delete('listItem', d.listItemKey);
      store.delete(DRIVE_ITEM, d.id);
    }
    for (const c of chunks) store.deleteBlob(c);
    if (item.parentId) refreshParentListItem(store, item.parentId);
  });
}

export function drivesOfSite(store: TenantStore, siteId: string): Drive[] {
  return store.list<Drive>(DRIVE, siteId);
}

/** Bytes used by a drive: every version of every file, as SharePoint counts storage. */
export function driveUsage(store: TenantStore, drive: Drive): number {
  let used = 0;
  for (const d of descendants(store, drive.rootId))
    if (!d.isFolder) used += versionsOf(store, d.id).reduce((n, v) => n + v.size, 0);
  return used;
}

export { UI_VERSION as uiVersionString };
