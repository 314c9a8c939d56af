/**
 * Local mode's access to SharePoint's REST API (a library's default view): the local tenant serves
 * each SharePoint host under /_sharepoint/{host}/..., and issues a token for that host as Entra ID
 * would (`/_local/token` with the host as `resource`): a Graph token is refused there, as SharePoint
 * refuses one. Tokens stay in memory, one per host, renewed before they expire.
 */
import type { Fetch } from './local';

const RENEW_MARGIN_MS = 60_000;

export function localSharePoint(
  tenantUrl: string,
  userPrincipalName: string,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
  now: () => number = Date.now,
) {
  const tokens = new Map<string, { token: string; renewAt: number }>();
  return {
    /** https://northmoor.sharepoint.com/sites/x/_api/... → {tenant}/_sharepoint/northmoor.sharepoint.com/sites/x/_api/... */
    address: (url: string) => url.replace(/^https:\/\//i, `${tenantUrl}/_sharepoint/`),
    async getToken(origin: string): Promise<string> {
      const cached = tokens.get(origin);
      if (cached && now() < cached.renewAt) return cached.token;
      const res = await fetchImpl(`${tenantUrl}/_local/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: userPrincipalName, resource: origin }),
      });
      if (!res.ok) throw new Error(`The local tenant gave no token for SharePoint (HTTP ${res.status}).`);
      const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
      if (typeof body.access_token !== 'string')
        throw new Error('The local tenant gave no token for SharePoint.');
      tokens.set(origin, {
        token: body.access_token,
        renewAt: now() + Number(body.expires_in ?? 0) * 1000 - RENEW_MARGIN_MS,
      });
      return body.access_token;
    },
  };
}
