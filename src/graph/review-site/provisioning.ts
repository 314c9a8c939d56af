/**
 * Creates what a review's SharePoint site lacks, idempotently: the lists, columns and document
 * library of schema.ts, and the identity register list in the site of the Team's private channel.
 *
 * - One read gets every list with its columns (`GET /sites/{id}/lists?$expand=columns`).
 * - A site that is up to date gets no write at all.
 * - An older site gets only what it lacks: lists and columns are added, never removed or changed,
 *   so no item and no value is lost. The schema version marker is itself a column of the Review
 *   list (schema.ts), so raising it is one more column added, in the same batch.
 * - Two clients provisioning at once: each create that finds the name taken (409) or whose answer
 *   was lost (503/504) is followed by a fresh read, and only what is still missing is created.
 *   SharePoint refuses a second list or column of the same name, so each exists once.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { sendBatch, type BatchOptions, type BatchPart } from '../batch';
import { graphErrorMessage, send, type GraphResponse } from '../client';
import { PageReadError, readAllPages, readFollowingPages } from '../paging';
import type { SharePointConnection } from '../sharepoint/rest';
import { ensureDefaultViewFields } from '../sharepoint/view-fields';
import {
  ARTEFACTS_LIBRARY,
  BUILT_IN_COLUMNS,
  IDENTITY_REGISTER_CHANNEL,
  IDENTITY_REGISTER_LIST,
  REGISTER_SITE_LISTS,
  REVIEW_LIST,
  REVIEW_SITE_LISTS,
  SCHEMA_VERSION,
  schemaVersionOf,
  type ColumnSpec,
  type ListSpec,
} from './schema';

/** A list as provisioning and the store know it. */
export interface SiteList {
  id: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  /** Internal names of its columns. */
  columns: string[];
  /** Its choice columns: id and the choices they offer (for upgrades that add choices). */
  choiceColumns: Record<string, { id: string; choices: string[] }>;
}

export interface SiteRef {
  siteId: string;
  webUrl?: string;
}

export interface ProvisionedSite extends SiteRef {
  /** By the schema's list name (e.g. "KeyPracticeEpisodes"). */
  lists: Record<string, SiteList>;
  /** The version marker found on the site before provisioning (0: none). */
  schemaVersionBefore: number;
  /** A newer release of the product provisioned this site; this one added nothing it lacked but left the marker. */
  newerSchema: boolean;
  created: { lists: string[]; columns: string[]; choices: string[] };
  /** What could not be upgraded but does not stop the product (e.g. choices that could not be added). */
  warnings: string[];
  /** Writes this provisioning sent (0 on an up-to-date site). */
  writes: number;
  /**
   * The library's default view (review sites only): 'updated' when its metadata columns were added
   * to it (SharePoint's REST API, after the library or its columns were created), 'failed' when that
   * could not be done (the product works on; the Panel screen offers it again), else 'unchanged'.
   */
  libraryView?: 'unchanged' | 'updated' | 'failed';
}

export class ProvisioningError extends Error {
  override name = 'ProvisioningError';
}

/** Where the review's site is: the Team's group, or a SharePoint address ("https://host/sites/x" or host + path). */
export type SiteAddress = { groupId: string } | { hostname: string; path: string } | { url: string };

export async function resolveSite(client: Client, address: SiteAddress): Promise<SiteRef> {
  let url: string;
  if ('groupId' in address) url = `/groups/${encodeURIComponent(address.groupId)}/sites/root`;
  else {
    const { hostname, path } =
      'url' in address
        ? { hostname: new URL(address.url).hostname, path: new URL(address.url).pathname }
        : address;
    url = `/sites/${hostname}:${path.startsWith('/') ? path : `/${path}`}`;
  }
  return siteRefOf(await send(client, { method: 'GET', url: `${url}${SITE_QUERY}` }));
}

/** What is read of a site: its id for every later request, and its address. */
export const SITE_QUERY = '?$select=id,webUrl,displayName';

/** The site from Graph's answer to a SITE_QUERY read; a ProvisioningError in plain words otherwise. */
export function siteRefOf(res: GraphResponse): SiteRef {
  if (res.status !== 200)
    throw new ProvisioningError(
      res.status === 403
        ? 'You do not have access to the review’s SharePoint site.'
        : res.status === 404
          ? 'The review’s SharePoint site could not be found.'
          : `The review’s SharePoint site could not be read (${graphErrorMessage(res)}).`,
    );
  const body = res.body as { id: string; webUrl?: string };
  return { siteId: body.id, webUrl: body.webUrl };
}

export interface GraphList {
  id: string;
  name?: string;
  displayName?: string;
  description?: string | null;
  list?: { template?: string };
  columns?: { id?: string; name: string; choice?: { choices?: string[] } }[];
}

/** What provisioning reads of a site's lists (below `/sites/{id}` or `/groups/{id}/sites/root`). */
export const SITE_LISTS_QUERY =
  '/lists?$select=id,name,displayName,description,list&$expand=columns($select=id,name,choice)';

/** Graph's lists as provisioning and the store know them. */
export function siteListsOf(graphLists: readonly GraphList[]): SiteList[] {
  return graphLists.map((l): SiteList => ({
    id: l.id,
    name: l.name ?? l.displayName ?? '',
    displayName: l.displayName ?? l.name ?? '',
    description: l.description ?? '',
    template: l.list?.template ?? 'genericList',
    columns: (l.columns ?? []).map((c) => c.name),
    choiceColumns: Object.fromEntries(
      (l.columns ?? [])
        .filter((c) => c.choice)
        .map((c) => [c.name, { id: c.id ?? c.name, choices: c.choice?.choices ?? [] }]),
    ),
  }));
}

/** Every list of the site with its columns: one request (more only if the site has a page of lists or more). */
export async function readSiteLists(client: Client, siteId: string): Promise<SiteList[]> {
  try {
    return siteListsOf(
      await readAllPages<GraphList>(client, `/sites/${encodeURIComponent(siteId)}${SITE_LISTS_QUERY}`),
    );
  } catch (err) {
    if (!(err instanceof PageReadError)) throw err;
    throw new ProvisioningError(`The site’s lists could not be read (${graphErrorMessage(err.res)}).`);
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A spec's list on the site: by title (Graph gives a new list the URL name SharePoint derives from
 * its title, and refuses a `name` in the request), else by the schema's name.
 */
export const findList = (lists: SiteList[], spec: ListSpec) =>
  lists.find((l) => same(l.displayName, spec.displayName)) ??
  lists.find((l) => same(l.name, spec.name) || same(l.name, spec.displayName));

const missingColumns = (list: SiteList, spec: ListSpec): ColumnSpec[] =>
  spec.columns.filter((c) => !BUILT_IN_COLUMNS.has(c.name) && !list.columns.some((n) => same(n, c.name)));

/**
 * The body of `POST /sites/{id}/lists`. No `name`: Graph refuses it ("Cannot define a 'name' for a
 * list as it is assigned by the server"). Built-in columns (Title) are SharePoint's own and not sent.
 */
export function listCreateBody(spec: ListSpec): Record<string, unknown> {
  return {
    displayName: spec.displayName,
    description: spec.description,
    columns: spec.columns.filter((c) => !BUILT_IN_COLUMNS.has(c.name)),
    list: { template: spec.template },
  };
}

/** A create that someone else won, or whose answer was lost: read again and carry on. */
const isRaceOrLost = (res: GraphResponse) =>
  res.status === 0 || // no answer: the connection of the batch failed (../batch.ts)
  res.status === 409 ||
  res.status === 429 ||
  res.status >= 500 ||
  (res.status === 400 && /already exists|duplicate/i.test(graphErrorMessage(res)));

/** The batches' retries (../retry.ts: `sleep`, `maxAttempts`...) and how many passes to make. */
export interface ProvisionOptions extends BatchOptions {
  /** Passes of read-then-create before giving up on a site that keeps changing (default 4). */
  maxPasses?: number;
  /** SharePoint's REST API, for the library's default view; without it the view is left as it is. */
  sharePoint?: SharePointConnection;
  /** The site's lists as just read with SITE_LISTS_QUERY (e.g. in a batch): the first read is skipped. */
  lists?: SiteList[];
}

/**
 * Makes `siteId` hold `specs`. `versionList`, when given, is the list whose marker columns record
 * the schema version (the review site's Review list).
 */
export async function provisionLists(
  client: Client,
  site: SiteRef,
  specs: readonly ListSpec[],
  versionList?: ListSpec,
  options: ProvisionOptions = {},
): Promise<ProvisionedSite> {
  const siteUrl = `/sites/${encodeURIComponent(site.siteId)}`;
  const created = { lists: [] as string[], columns: [] as string[], choices: [] as string[] };
  const warnings: string[] = [];
  let writes = 0;
  let lists = options.lists ?? (await readSiteLists(client, site.siteId));
  const versionBefore = versionList
    ? schemaVersionOf(findList(lists, versionList)?.columns ?? [])
    : SCHEMA_VERSION;
  const newerSchema = versionBefore > SCHEMA_VERSION;

  for (let pass = 0; ; pass++) {
    const parts: BatchPart[] = [];
    for (const spec of specs) {
      const list = findList(lists, spec);
      if (!list) {
        parts.push({
          id: `list:${spec.name}`,
          method: 'POST',
          url: `${siteUrl}/lists`,
          body: listCreateBody(spec),
        });
        continue;
      }
      for (const column of missingColumns(list, spec)) {
        // A site at a newer version may lack older markers: it needs none of ours.
        if (newerSchema && schemaVersionOf([column.name]) > 0) continue;
        parts.push({
          id: `column:${spec.name}:${column.name}`,
          method: 'POST',
          url: `${siteUrl}/lists/${encodeURIComponent(list.id)}/columns`,
          body: column,
        });
      }
    }
    if (parts.length === 0) break;
    if (pass >= (options.maxPasses ?? 4))
      throw new ProvisioningError('The review’s site kept changing while it was being set up. Try again.');

    const { responses } = await sendBatch(client, parts, options);
    writes += parts.length;
    for (const part of parts) {
      const res = responses.get(part.id)!;
      if (res.status === 201 || res.status === 200) {
        (part.id.startsWith('list:') ? created.lists : created.columns).push(
          part.id.replace(/^(list|column):/, ''),
        );
      } else if (res.status === 401 || res.status === 403) {
        // Creating lists and columns needs Sites.Manage.All (or a site permission with "manage").
        throw new ProvisioningError(
          'The review’s site is missing lists this product needs, and you may not add them. A lead reviewer (an owner of the review’s Team) can set them up by opening the review once.',
        );
      } else if (!isRaceOrLost(res)) {
        throw new ProvisioningError(
          `${part.id.startsWith('list:') ? 'A list' : 'A column'} of the review’s site could not be created (${graphErrorMessage(res)}).`,
        );
      }
    }
    // Read again: picks up the new lists' ids and whatever another client created meanwhile.
    lists = await readSiteLists(client, site.siteId);
  }

  // Choice columns of an older site may lack choices this version writes: add them (never remove).
  const widen: BatchPart[] = newerSchema ? [] : widenChoices(siteUrl, lists, specs);
  if (widen.length > 0) {
    const { responses } = await sendBatch(client, widen, options);
    writes += widen.length;
    for (const part of widen) {
      const res = responses.get(part.id)!;
      const name = part.id.replace(/^choices:/, '');
      if (res.status === 200 || res.status === 204) created.choices.push(name);
      else
        warnings.push(
          `The choices of ${name.replace(':', ' › ')} could not be extended (${graphErrorMessage(res)}); values new in this version cannot be saved there yet.`,
        );
    }
    if (created.choices.length > 0) lists = await readSiteLists(client, site.siteId);
  }

  const bySpec: Record<string, SiteList> = {};
  for (const spec of specs) bySpec[spec.name] = findList(lists, spec)!;
  return {
    ...site,
    lists: bySpec,
    schemaVersionBefore: versionBefore,
    newerSchema,
    created,
    warnings,
    writes,
  };
}

/**
 * `PATCH .../columns/{id}` for each choice column that lacks choices of the schema: the column
 * keeps every choice it has (people may have added their own) and gains the missing ones.
 */
function widenChoices(siteUrl: string, lists: SiteList[], specs: readonly ListSpec[]): BatchPart[] {
  const parts: BatchPart[] = [];
  for (const spec of specs) {
    const list = findList(lists, spec);
    if (!list) continue;
    for (const column of spec.columns) {
      if (!column.choice) continue;
      const existing = Object.entries(list.choiceColumns).find(([n]) => same(n, column.name))?.[1];
      if (!existing) continue;
      const missing = column.choice.choices.filter((c) => !existing.choices.includes(c));
      if (missing.length === 0) continue;
      parts.push({
        id: `choices:${spec.name}:${column.name}`,
        method: 'PATCH',
        url: `${siteUrl}/lists/${encodeURIComponent(list.id)}/columns/${encodeURIComponent(existing.id)}`,
        body: { choice: { ...column.choice, choices: [...existing.choices, ...missing] } },
      });
    }
  }
  return parts;
}

/** Resolves the review's site and makes it hold every list of the schema. */
export async function provisionReviewSite(
  client: Client,
  address: SiteAddress,
  options?: ProvisionOptions,
): Promise<ProvisionedSite> {
  const site = await resolveSite(client, address);
  const provisioned = await provisionLists(client, site, REVIEW_SITE_LISTS, REVIEW_LIST, options);
  return { ...provisioned, libraryView: await showLibraryColumns(provisioned, options?.sharePoint) };
}

/**
 * Columns created through Graph are not added to the library's default view (PLATFORM.md, "Views"):
 * when this provisioning created the library or any of its columns, they are added to it through
 * SharePoint's REST API (idempotent: only what the view lacks). A site already up to date costs no
 * request here, so opening a review stays at its round trips.
 */
async function showLibraryColumns(
  site: ProvisionedSite,
  sharePoint: SharePointConnection | undefined,
): Promise<'unchanged' | 'updated' | 'failed'> {
  const library = site.lists[ARTEFACTS_LIBRARY.name];
  const changed =
    site.created.lists.includes(ARTEFACTS_LIBRARY.name) ||
    site.created.columns.some((c) => c.startsWith(`${ARTEFACTS_LIBRARY.name}:`));
  if (!changed || !library) return 'unchanged';
  if (!sharePoint || !site.webUrl) return 'failed';
  try {
    await ensureDefaultViewFields(sharePoint, site.webUrl, library.id);
    return 'updated';
  } catch {
    // No SharePoint token (consent not given), or the user may not manage the list's views.
    return 'failed';
  }
}

// ---------------------------------------------------------------- the identity register

export interface ChannelRef {
  id: string;
  displayName: string;
}

export interface ChannelMember {
  displayName: string;
  email?: string;
  roles: string[];
}

export type IdentityRegisterAccess =
  | {
      state: 'available';
      channel: ChannelRef;
      site: ProvisionedSite;
      /** Who can see the register: the private channel's members. */
      members: ChannelMember[];
    }
  | {
      /**
       * The user cannot reach the register. Graph lists a private channel only to its members
       * (channel-list), so "no such channel" and "not one of its members" look the same from here.
       */
      state: 'not-a-member';
      channel?: ChannelRef;
      /** Known when Graph lets this user list the channel's members; otherwise empty. */
      members: ChannelMember[];
      message: string;
    };

export interface IdentityRegisterOptions extends ProvisionOptions {
  /** The channel the user picked; otherwise the private channel named "Identity register". */
  channelId?: string;
  channelName?: string;
  /** Only look: do not create the list (a user who may read but should not set up). */
  readOnly?: boolean;
}

/** Who can see the register, as the sentence the UI shows. */
export function visibleOnlyTo(channelName: string, members: ChannelMember[]): string {
  const names = members.map((m) => m.displayName);
  const who =
    names.length === 0
      ? `the members of the private channel “${channelName}” (the lead reviewers and the review team members they name)`
      : names.length === 1
        ? names[0]!
        : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return `The identity register is visible only to ${who}. If you need it, ask a lead reviewer to add you to the private channel “${channelName}”.`;
}

interface GraphChannel {
  id: string;
  displayName: string;
  membershipType?: string;
}

interface GraphChannelMember {
  displayName?: string;
  email?: string | null;
  roles?: string[];
}

/**
 * Finds the Team's private channel for the register (the one the user picked, or the private
 * channel named "Identity register"), provisions the IdentityRegister list in that channel's own
 * site (found through the channel's files folder), and says who can see it. A user outside the
 * channel gets the "not-a-member" state with the sentence to show, never an error.
 */
export async function provisionIdentityRegister(
  client: Client,
  teamId: string,
  options: IdentityRegisterOptions = {},
): Promise<IdentityRegisterAccess> {
  const team = `/teams/${encodeURIComponent(teamId)}`;
  // Every page of channels (../paging.ts): a Team with many channels lists them over several.
  let all: GraphChannel[];
  try {
    all = await readAllPages<GraphChannel>(client, `${team}/channels?$select=id,displayName,membershipType`);
  } catch (err) {
    if (!(err instanceof PageReadError)) throw err;
    throw new ProvisioningError(
      `The review Team’s channels could not be read (${graphErrorMessage(err.res)}).`,
    );
  }
  const wantedName = options.channelName ?? IDENTITY_REGISTER_CHANNEL;
  const found = options.channelId
    ? all.find((c) => c.id === options.channelId)
    : all.find((c) => c.membershipType === 'private' && same(c.displayName, wantedName));
  if (!found) return { state: 'not-a-member', members: [], message: visibleOnlyTo(wantedName, []) };
  const channel: ChannelRef = { id: found.id, displayName: found.displayName };
  const channelUrl = `${team}/channels/${encodeURIComponent(channel.id)}`;

  // The members' first page and the channel's files folder (its drive, in the channel's own site)
  // together; the members' next pages, if any (100 a page in Graph), after it (../paging.ts).
  const { responses } = await sendBatch(
    client,
    [
      { id: 'members', method: 'GET', url: `${channelUrl}/members` },
      { id: 'folder', method: 'GET', url: `${channelUrl}/filesFolder` },
    ],
    options,
  );
  const membersRes = responses.get('members')!;
  let members: ChannelMember[] = [];
  if (membersRes.status === 200) {
    try {
      members = (await readFollowingPages<GraphChannelMember>(client, membersRes)).map((m) => ({
        displayName: m.displayName ?? '',
        email: m.email ?? undefined,
        roles: m.roles ?? [],
      }));
    } catch (err) {
      // Half a list of who can see the register would say it is visible to fewer people than it is.
      if (!(err instanceof PageReadError)) throw err;
      throw new ProvisioningError(
        `Who can see the identity register could not be read (${graphErrorMessage(err.res)}).`,
      );
    }
  }
  const folder = responses.get('folder')!;
  const denied = (res: GraphResponse) => res.status === 403 || res.status === 404 || res.status === 401;
  if (denied(folder) || (folder.status !== 200 && denied(membersRes)))
    return { state: 'not-a-member', channel, members, message: visibleOnlyTo(channel.displayName, members) };
  if (folder.status !== 200)
    throw new ProvisioningError(
      `The identity register’s channel could not be read (${graphErrorMessage(folder)}).`,
    );

  const siteRef = await channelSite(client, folder.body as FilesFolder);
  if (!siteRef)
    return { state: 'not-a-member', channel, members, message: visibleOnlyTo(channel.displayName, members) };
  const site = options.readOnly
    ? await readOnlySite(client, siteRef)
    : await provisionLists(client, siteRef, REGISTER_SITE_LISTS, IDENTITY_REGISTER_LIST, options);
  return { state: 'available', channel, site, members };
}

interface FilesFolder {
  webUrl?: string;
  parentReference?: { driveId?: string; siteId?: string };
}

/**
 * The register channel's site could not be read for a reason that is not access (503, 504, a
 * dropped connection): say so, rather than telling a member of the channel to ask to be added.
 */
const registerSiteUnavailable = (res: GraphResponse) =>
  new ProvisioningError(
    `The identity register’s site did not answer (${graphErrorMessage(res)}). Nothing was changed.`,
  );

/**
 * The channel's own site, from its files folder: the drive's site id, or else the folder's address.
 * Undefined only when the user may not read it (401, 403, 404); any other failure throws.
 */
async function channelSite(client: Client, folder: FilesFolder): Promise<SiteRef | undefined> {
  const denied = (status: number) => status === 401 || status === 403 || status === 404;
  if (folder.parentReference?.siteId) {
    const res = await send(client, {
      method: 'GET',
      url: `/sites/${encodeURIComponent(folder.parentReference.siteId)}?$select=id,webUrl`,
    });
    if (res.status === 200)
      return {
        siteId: (res.body as SiteRef & { id: string }).id,
        webUrl: (res.body as { webUrl?: string }).webUrl,
      };
    if (denied(res.status)) return undefined;
    throw registerSiteUnavailable(res);
  }
  if (folder.parentReference?.driveId) {
    // A drive's list knows its site: GET /drives/{id}/list returns parentReference.siteId.
    const res = await send(client, {
      method: 'GET',
      url: `/drives/${encodeURIComponent(folder.parentReference.driveId)}/list?$select=id,parentReference`,
    });
    const siteId = (res.body as { parentReference?: { siteId?: string } } | undefined)?.parentReference
      ?.siteId;
    if (res.status === 200 && siteId) return { siteId };
    if (res.status === 403) return undefined;
    if (res.status !== 200 && !denied(res.status)) throw registerSiteUnavailable(res);
  }
  if (folder.webUrl) {
    // https://host/sites/Name/Shared Documents/Channel -> the site at /sites/Name
    const u = new URL(folder.webUrl);
    const m = /^\/(sites|teams)\/[^/]+/i.exec(decodeURIComponent(u.pathname));
    if (m) {
      const res = await send(client, {
        method: 'GET',
        url: `/sites/${u.hostname}:${m[0]}?$select=id,webUrl`,
      });
      if (res.status === 200) {
        const body = res.body as { id: string; webUrl?: string };
        return { siteId: body.id, webUrl: body.webUrl };
      }
      if (denied(res.status)) return undefined;
      throw registerSiteUnavailable(res);
    }
  }
  return undefined;
}

async function readOnlySite(client: Client, site: SiteRef): Promise<ProvisionedSite> {
  const lists = await readSiteLists(client, site.siteId);
  const bySpec: Record<string, SiteList> = {};
  for (const spec of REGISTER_SITE_LISTS) {
    const l = findList(lists, spec);
    if (l) bySpec[spec.name] = l;
  }
  return {
    ...site,
    lists: bySpec,
    schemaVersionBefore: SCHEMA_VERSION,
    newerSchema: false,
    created: { lists: [], columns: [], choices: [] },
    warnings: [],
    writes: 0,
  };
}
