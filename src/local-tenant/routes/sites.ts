import { SHAREPOINT_HOST } from '../ids';
import { GraphError, accessDenied, badRequest, notFound } from '../http/errors';
import { entityResponse } from '../http/odata';
import type { Router } from '../http/router';
import type { RouteRequest } from '../http/types';
import type { Channel, Group, Site } from '../store/entities';
import { findGroup, requireMember } from './directory';

/**
 * SharePoint sites: a group's team site (`/groups/{id}/sites/root`), a site by id
 * ("{hostname},{siteCollectionId},{webId}") and a site by URL (`/sites/{hostname}:/{path}`),
 * https://learn.microsoft.com/graph/api/site-get and .../site-getbypath.
 *
 * The colon form also addresses everything below a site, as Graph allows:
 * `/sites/northmoor.sharepoint.com:/sites/CR-2026-014:/lists/People/items` is run as
 * `/sites/{site-id}/lists/People/items`, for every area's routes (lists, drives). So does the
 * group's path: `/groups/{group-id}/sites/root/lists/People/items` (Graph v1.0 navigates from a
 * group to its sites and below them: the Graph PowerShell SDK's Get-MgGroupSiteList and
 * Get-MgGroupSiteListItem are generated from those paths), which lets a client read a Team's
 * lists without first asking for the site's id.
 *
 * Access follows membership: the members of the site's group read it; a private channel's site
 * only the members of that channel. Anyone else gets 403 accessDenied.
 */

/** Graph's 404 for a site that does not exist (or an id that names none). */
const siteNotFound = () => notFound('Requested site could not be found', 'itemNotFound');

export const siteWebUrl = (site: Site) => `https://${SHAREPOINT_HOST}${site.serverRelativePath}`;

export function siteJson(site: Site): Record<string, unknown> {
  return {
    createdDateTime: site.createdDateTime,
    description: site.description ?? '',
    id: site.id,
    lastModifiedDateTime: site.lastModifiedDateTime,
    name: site.name,
    webUrl: siteWebUrl(site),
    displayName: site.displayName,
    siteCollection: { hostname: SHAREPOINT_HOST },
  };
}

/** Whether the signed-in user may read the site (group member; for a private channel's site, channel member). */
export function canReadSite(req: RouteRequest, site: Site): boolean {
  const group = req.ctx.store.get<Group>('group', site.access.groupId);
  if (!group?.members.includes(req.user.id)) return false;
  if (site.access.channelId) {
    const channel = req.ctx.store.get<Channel>('channel', site.access.channelId);
    return !!channel?.members?.includes(req.user.id);
  }
  return true;
}

export function requireSiteAccess(req: RouteRequest, site: Site): Site {
  if (!canReadSite(req, site)) throw accessDenied();
  return site;
}

/** A site by its id (compared without regard to case), readable by the signed-in user. */
export function findSite(req: RouteRequest, siteId: string): Site {
  const site =
    req.ctx.store.get<Site>('site', siteId) ??
    req.ctx.store.list<Site>('site').find((s) => s.id.toLowerCase() === siteId.toLowerCase());
  if (!site) throw siteNotFound();
  return requireSiteAccess(req, site);
}

/** The site of a path below `/sites/{hostname}:`, e.g. "/sites/CR-2026-014" (percent-decoded). */
export function findSiteByPath(req: RouteRequest, hostname: string, serverRelativePath: string): Site {
  if (hostname.toLowerCase() !== SHAREPOINT_HOST) throw siteNotFound();
  const wanted = serverRelativePath.replace(/\/+$/, '').toLowerCase() || '/';
  const site = req.ctx.store.list<Site>('site').find((s) => s.serverRelativePath.toLowerCase() === wanted);
  if (!site) throw siteNotFound();
  return requireSiteAccess(req, site);
}

/** `/groups/{group-id}/sites/{site-id or root}/{rest}` */
const GROUP_SITE_BELOW = /^\/groups\/(?<groupId>[^/]+)\/sites\/(?<siteId>[^/]+)(?<below>\/.+)$/i;

/** The team site of a group the signed-in user is a member of; `wanted` is "root" or the site's id. */
function groupSite(req: RouteRequest, groupId: string, wanted: string): Site {
  const group = findGroup(req, groupId);
  requireMember(req, group);
  const site = req.ctx.store.list<Site>('site', group.id)[0];
  if (!site) throw siteNotFound();
  if (wanted.toLowerCase() !== 'root' && wanted.toLowerCase() !== site.id.toLowerCase()) throw siteNotFound();
  return requireSiteAccess(req, site);
}

/** `/sites/{hostname}:{server-relative-path}[:{rest}]` */
const COLON_ADDRESS = /^\/sites\/(?<hostname>[^/:]+):(?<rest>\/.*)$/i;

export function registerSiteRoutes(router: Router): void {
  router
    .add('GET', '/groups/{groupId}/sites/{siteId}', (req) =>
      entityResponse(
        req,
        'sites/$entity',
        siteJson(groupSite(req, req.params.groupId!, req.params.siteId!)),
        200,
        'site',
      ),
    )
    .add('GET', '/sites/{siteId}', (req) =>
      entityResponse(req, 'sites/$entity', siteJson(findSite(req, req.params.siteId!)), 200, 'site'),
    );

  // The group's path, for every method: resolve the group's site, then run the same request by site id.
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    router.add(method, GROUP_SITE_BELOW, (req) => {
      const m = GROUP_SITE_BELOW.exec(req.path);
      if (!m?.groups) throw siteNotFound();
      const site = groupSite(req, req.params.groupId!, req.params.siteId!);
      const path = `/sites/${encodeURIComponent(site.id)}${m.groups.below!.replace(/\/$/, '')}`;
      const target = router.match(req.method, path);
      if (target.template === GROUP_SITE_BELOW.source || target.template === COLON_ADDRESS.source)
        throw new GraphError(400, 'invalidRequest', `Invalid site address '${req.path}'.`);
      return target.handler({ ...req, path, params: target.params });
    });
  }

  // The colon form, for every method: resolve the site, then run the same request by site id.
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    router.add(method, COLON_ADDRESS, (req) => {
      const m = COLON_ADDRESS.exec(req.path);
      if (!m?.groups) throw siteNotFound();
      const rest = m.groups.rest!;
      // The server-relative path ends at the next ':' ("…/CR-2026-014:/lists"), or at the end.
      const colon = rest.indexOf(':');
      const rawSitePath = colon < 0 ? rest : rest.slice(0, colon);
      const below = colon < 0 ? '' : rest.slice(colon + 1);
      if (below !== '' && !below.startsWith('/'))
        throw badRequest(`Invalid site address '${req.path}'.`, 'invalidRequest');
      let sitePath: string;
      let hostname: string;
      try {
        sitePath = decodeURIComponent(rawSitePath);
        hostname = decodeURIComponent(m.groups.hostname!);
      } catch {
        throw badRequest('The URL is not valid: a percent-encoding is malformed.', 'invalidRequest');
      }
      const site = findSiteByPath(req, hostname, sitePath);
      const path = `/sites/${encodeURIComponent(site.id)}${below.replace(/\/$/, '')}`;
      const target = router.match(req.method, path);
      if (target.template === COLON_ADDRESS.source)
        throw new GraphError(400, 'invalidRequest', `Invalid site address '${req.path}'.`);
      return target.handler({ ...req, path, params: target.params });
    });
  }
}
