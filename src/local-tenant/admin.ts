import { z } from 'zod';
import { GRAPH_RESOURCE, expireTokens, findUserBySignInName, issueToken } from './auth';
import { SHAREPOINT_HOST } from './ids';
import type { FaultInjector } from './faults';
import { parseJsonBody } from './http/json';
import type { TenantResponse } from './http/types';
import type { RequestStats } from './stats';
import type { TenantStore } from './store/database';
import type { DirectoryUser, Site } from './store/entities';

const SharingSettingSchema = z
  .object({ site: z.string().min(1), externalSharing: z.enum(['disabled', 'allowed']) })
  .strict();

/**
 * The local tenant's own routes under /_local, outside Graph: the local sign-in (the account
 * picker and tokens), fault injection and statistics. They need no token, as Microsoft's sign-in
 * page needs none; the HTTP adapter lets them answer only callers without an Origin or from the
 * pages' own origins.
 *   GET /_local/users                the people who can sign in
 *   POST /_local/token               {"user": UPN or mail, "resource"?} -> {"access_token", ...}; no user:
 *                                    the default; resource: Graph (default) or the SharePoint host's origin
 *   POST /_local/expire-tokens       {"user": UPN or mail} ends that user's tokens now (no user: everyone's)
 *   GET|PUT|DELETE /_local/faults    the fault rules (see faults.ts)
 *   GET|DELETE /_local/stats         request and fault counts (see stats.ts)
 *   PUT /_local/sharing              {"site": id or server-relative path, "externalSharing":
 *                                    "disabled" | "allowed"}: a site's external sharing, as an
 *                                    administrator sets it in the SharePoint admin centre
 */
export function adminRoutes(deps: {
  store: TenantStore;
  faults: FaultInjector;
  stats: RequestStats;
  now: () => Date;
}): (method: string, pathname: string, body: Buffer) => TenantResponse {
  const { store, faults, stats, now } = deps;
  return (method, pathname, body) => {
    try {
      switch (`${method} ${pathname}`) {
        case 'GET /_local/users':
          return {
            status: 200,
            body: store.list<DirectoryUser>('user').map((u) => ({
              userPrincipalName: u.userPrincipalName,
              displayName: u.displayName,
              jobTitle: u.jobTitle,
              mail: u.mail,
            })),
          };
        case 'POST /_local/token': {
          const input = body.length ? parseJsonBody(body) : {};
          const name = typeof input.user === 'string' ? input.user : store.getMeta('defaultUser');
          const user = name ? findUserBySignInName(store, name) : undefined;
          if (!user)
            return {
              status: 400,
              body: { error: 'invalid_grant', error_description: 'No such user in the local tenant.' },
            };
          const resource =
            typeof input.resource === 'string' ? input.resource.replace(/\/+$/, '') : GRAPH_RESOURCE;
          if (resource !== GRAPH_RESOURCE && resource !== `https://${SHAREPOINT_HOST}`)
            return {
              status: 400,
              body: {
                error: 'invalid_resource',
                error_description: 'AADSTS500011: The resource principal was not found in the tenant.',
              },
            };
          return { status: 200, body: issueToken(store, user, now(), resource) };
        }
        case 'POST /_local/expire-tokens': {
          const input = body.length ? parseJsonBody(body) : {};
          let userId: string | undefined;
          if (typeof input.user === 'string') {
            const user = findUserBySignInName(store, input.user);
            if (!user) return { status: 400, body: { error: 'No such user in the local tenant.' } };
            userId = user.id;
          }
          return { status: 200, body: { expired: expireTokens(store, now(), userId) } };
        }
        case 'GET /_local/faults':
          return { status: 200, body: faults.current() };
        case 'PUT /_local/faults':
          return { status: 200, body: faults.configure(parseJsonBody(body)) };
        case 'DELETE /_local/faults':
          faults.configure({ rules: [] });
          return { status: 204 };
        case 'GET /_local/stats':
          return { status: 200, body: stats };
        case 'DELETE /_local/stats':
          stats.reset();
          return { status: 204 };
        case 'PUT /_local/sharing': {
          const input = SharingSettingSchema.parse(parseJsonBody(body));
          const site = store
            .list<Site>('site')
            .find(
              (s) => s.id === input.site || s.serverRelativePath.toLowerCase() === input.site.toLowerCase(),
            );
          if (!site) return { status: 404, body: { error: 'No such site in the local tenant.' } };
          store.put(
            'site',
            { ...site, externalSharing: input.externalSharing },
            site.access.channelId ?? site.access.groupId,
          );
          return { status: 204 };
        }
        default:
          return { status: 404, body: { error: 'Unknown local route.' } };
      }
    } catch (err) {
      const message =
        err instanceof z.ZodError
          ? z.prettifyError(err)
          : err instanceof Error
            ? err.message
            : 'Bad request.';
      return { status: 400, body: { error: message } };
    }
  };
}
