import { authenticate } from '../auth';
import { GraphError } from '../http/errors';
import type { TenantContext, TenantRequest, TenantResponse } from '../http/types';
import { SHAREPOINT_HOST } from '../ids';
import type { Channel, DirectoryUser, Group, Site, SpList } from '../store/entities';

/**
 * SharePoint's own REST API for the one thing Graph v1.0 cannot do: a list's default view.
 * Columns created through Graph are not added to the default view, so people opening the library
 * in SharePoint do not see them (PLATFORM.md, "Views"). The product calls
 *   GET  {site}/_api/web/lists(guid'{id}')/DefaultView/ViewFields
 *   POST {site}/_api/web/lists(guid'{id}')/DefaultView/ViewFields/addViewField('{InternalName}')
 * (SP.ViewFieldCollection, "addViewField(strField)": the field's internal or display name), with a
 * bearer token for the SharePoint host, not Graph's. This tenant serves that host's sites under
 * /_sharepoint/{host}{site path}/_api/...; a local build sends SharePoint addresses there.
 *
 * As SharePoint Online answers:
 * - The answer's shape follows Accept: `application/json;odata=nometadata` gives
 *   {"Items": [...], "SchemaXml": "..."}; `odata=verbose` wraps it in {"d": {"__metadata", ...}} with
 *   `Items.results`; `application/json` alone is minimal metadata (odata.metadata and the plain shape).
 *   addViewField returns nothing: {"odata.null": true} (verbose: {"d": {"AddViewField": null}}).
 * - Errors are {"odata.error": {"code": "-2147024891, System.UnauthorizedAccessException",
 *   "message": {"lang": "en-US", "value": "Access denied. ..."}}} ("error" in verbose): 403 for
 *   someone who may not read the site, or may not change its lists; 404 for an unknown list; 400
 *   for a column the list does not have.
 * - 401 without a token for this host (a Graph token is refused: its audience is Graph), with the
 *   `WWW-Authenticate: Bearer ...` challenge and {"error_description": ...}.
 * - A bearer-token request needs no X-RequestDigest (that is for cookie-authenticated pages).
 * A library's default view starts with SharePoint's own columns (DocIcon, LinkFilename, Modified,
 * Editor); a list's with LinkTitle.
 */

export const SHAREPOINT_PREFIX = '/_sharepoint/';
const ACCESS_DENIED = '-2147024891, System.UnauthorizedAccessException';
const ARGUMENT = '-2147024809, System.ArgumentException';

export const defaultViewFields = (list: SpList): string[] =>
  list.defaultViewFields ??
  (list.template === 'documentLibrary' ? ['DocIcon', 'LinkFilename', 'Modified', 'Editor'] : ['LinkTitle']);

type Format = 'nometadata' | 'minimal' | 'verbose';

function formatOf(req: TenantRequest): Format {
  const accept = (req.headers.accept ?? '').toLowerCase();
  if (accept.includes('odata=verbose')) return 'verbose';
  if (accept.includes('odata=nometadata')) return 'nometadata';
  return 'minimal';
}

class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorResponse(format: Format, err: SpError): TenantResponse {
  const error = { code: err.code, message: { lang: 'en-US', value: err.message } };
  return {
    status: err.status,
    headers: {
      'Content-Type': `application/json;odata=${format === 'minimal' ? 'minimalmetadata' : format};charset=utf-8`,
    },
    body: format === 'verbose' ? { error } : { 'odata.error': error },
  };
}

function unauthorized(message: string): TenantResponse {
  return {
    status: 401,
    headers: {
      'WWW-Authenticate': `Bearer realm="northmoor", client_id="00000003-0000-0ff1-ce00-000000000000", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"`,
    },
    body: { error_description: message },
  };
}

const json = (format: Format, body: Record<string, unknown>): TenantResponse => ({
  status: 200,
  headers: {
    'Content-Type': `application/json;odata=${format === 'minimal' ? 'minimalmetadata' : format};streaming=true;charset=utf-8`,
  },
  body,
});

/** `/_sharepoint/{host}{site path}/_api/{rest}` → the site and what follows `_api/`. */
function parse(path: string): { host: string; sitePath: string; api: string } | null {
  const m = /^\/_sharepoint\/([^/]+)(\/.*?)?\/_api\/(.*)$/i.exec(path);
  if (!m) return null;
  try {
    return {
      host: decodeURIComponent(m[1]!),
      sitePath: decodeURIComponent(m[2] ?? '/'),
      api: decodeURIComponent(m[3]!),
    };
  } catch {
    return null;
  }
}

function canRead(ctx: TenantContext, user: DirectoryUser, site: Site): boolean {
  const group = ctx.store.get<Group>('group', site.access.groupId);
  if (!group?.members.includes(user.id)) return false;
  if (!site.access.channelId) return true;
  return !!ctx.store.get<Channel>('channel', site.access.channelId)?.members?.includes(user.id);
}

const VIEW_FIELDS =
  /^web\/lists\(guid'([0-9a-f-]{36})'\)\/defaultview\/viewfields(?:\/addviewfield\('((?:[^']|'')*)'\))?\/?$/i;

/** One request to the SharePoint REST emulation; never throws (SharePoint's error shapes). */
export function handleSharePointRest(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const format = formatOf(req);
  try {
    const target = parse(req.path);
    if (!target || target.host.toLowerCase() !== SHAREPOINT_HOST)
      return { status: 404, body: { error: 'No SharePoint site at this address.' } };
    let user: DirectoryUser;
    try {
      user = authenticate(ctx.store, req.headers.authorization, ctx.now(), `https://${SHAREPOINT_HOST}`);
    } catch (err) {
      return unauthorized(
        err instanceof GraphError && /audience/i.test(err.message)
          ? `Invalid audience Uri. The token is not for https://${SHAREPOINT_HOST}.`
          : 'Invalid JWT token. The token is missing, malformed or expired.',
      );
    }
    const wanted = target.sitePath.replace(/\/+$/, '').toLowerCase() || '/';
    const site = ctx.store.list<Site>('site').find((s) => s.serverRelativePath.toLowerCase() === wanted);
    if (!site) return { status: 404, body: { error: 'No SharePoint site at this address.' } };
    if (!canRead(ctx, user, site))
      throw new SpError(
        403,
        ACCESS_DENIED,
        'Access denied. You do not have permission to perform this action or access this resource.',
      );

    const m = VIEW_FIELDS.exec(target.api);
    if (!m)
      throw new SpError(
        400,
        '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        'The expression is not valid for this emulation.',
      );
    const list =
      ctx.store.get<SpList>('list', m[1]!.toLowerCase()) ??
      ctx.store.list<SpList>('list', site.id).find((l) => l.id.toLowerCase() === m[1]!.toLowerCase());
    if (!list || list.siteId !== site.id)
      throw new SpError(
        404,
        '-1, System.ArgumentException',
        `List '${m[1]}' does not exist at site with URL 'https://${SHAREPOINT_HOST}${site.serverRelativePath}'.`,
      );
    const siteUrl = `https://${SHAREPOINT_HOST}${site.serverRelativePath}`;

    if (m[2] === undefined) {
      if (req.method !== 'GET')
        throw new SpError(
          400,
          '-1, Microsoft.SharePoint.Client.ClientServiceException',
          `The HTTP method '${req.method}' cannot be used to access the resource 'ViewFields'.`,
        );
      const items = defaultViewFields(list);
      const schemaXml = items.map((f) => `<FieldRef Name="${f}" />`).join('');
      if (format === 'verbose')
        return json(format, {
          d: {
            __metadata: {
              id: `${siteUrl}/_api/web/lists(guid'${list.id}')/DefaultView/ViewFields`,
              uri: `${siteUrl}/_api/web/lists(guid'${list.id}')/DefaultView/ViewFields`,
              type: 'SP.ViewFieldCollection',
            },
            Items: { __metadata: { type: 'Collection(Edm.String)' }, results: items },
            SchemaXml: schemaXml,
          },
        });
      return json(format, {
        ...(format === 'minimal'
          ? { 'odata.metadata': `${siteUrl}/_api/$metadata#SP.ApiData.ViewFieldCollections/@Element` }
          : {}),
        Items: items,
        SchemaXml: schemaXml,
      });
    }

    // addViewField: a write to the list's view, which needs the right to manage the list. The
    // Team's members and owners have it (the site's Members group has Edit); nobody else here.
    if (req.method !== 'POST')
      throw new SpError(
        400,
        '-1, Microsoft.SharePoint.Client.ClientServiceException',
        `The HTTP method '${req.method}' cannot be used to access the resource 'AddViewField'.`,
      );
    const group = ctx.store.get<Group>('group', site.access.groupId);
    if (!group?.members.includes(user.id))
      throw new SpError(
        403,
        ACCESS_DENIED,
        'Access denied. You do not have permission to perform this action or access this resource.',
      );
    const name = m[2].replace(/''/g, "'");
    const column = list.columns.find(
      (c) =>
        c.name.toLowerCase() === name.toLowerCase() || c.displayName.toLowerCase() === name.toLowerCase(),
    );
    if (!column)
      throw new SpError(
        400,
        ARGUMENT,
        `Column '${name}' does not exist. It may have been deleted by another user.`,
      );
    const fields = defaultViewFields(list);
    if (!fields.includes(column.name))
      ctx.store.transaction(() => {
        list.defaultViewFields = [...fields, column.name];
        ctx.store.put('list', list, site.id);
      });
    return json(
      format,
      format === 'verbose'
        ? { d: { AddViewField: null } }
        : {
            ...(format === 'minimal' ? { 'odata.metadata': `${siteUrl}/_api/$metadata#Edm.Null` } : {}),
            'odata.null': true,
          },
    );
  } catch (err) {
    if (err instanceof SpError) return errorResponse(format, err);
    throw err;
  }
}
