/**
 * A thin client for SharePoint's own REST API, for what Graph v1.0 cannot do (a list's default
 * view: view-fields.ts). Graph's SDK does not call it and PnPjs would bring a second request stack
 * for two calls, so this is one fetch with a bearer token for the SharePoint host (delegated
 * `AllSites.Manage`, asked of MSAL as `https://{host}.sharepoint.com/AllSites.Manage`; with a bearer
 * token SharePoint needs no X-RequestDigest). Answers are asked as `application/json;odata=nometadata`.
 * 429 and 503 are waited out as Retry-After says (SharePoint Online throttles with them).
 */
import { OfflineError, kindOfStatus, type GatewayErrorKind } from '../errors';
import { Backoff, type RetryOptions } from '../retry';

/** How the product reaches SharePoint hosts; the hosts give it with Graph's address and token. */
export interface SharePointConnection {
  /**
   * The address to call for an address on a SharePoint host: the address itself with Microsoft 365;
   * the local tenant's emulation of that host in local mode.
   */
  address(url: string): string;
  /** A bearer token for the SharePoint host at `origin` ("https://contoso.sharepoint.com"). */
  getToken(origin: string): Promise<string>;
  fetchImpl?: typeof fetch;
  retry?: RetryOptions;
}

/** SharePoint refused or failed a request: its kind for the screens, the status for the caller. */
export class SharePointRestError extends Error {
  override name = 'SharePointRestError';
  readonly kind: GatewayErrorKind;
  constructor(readonly status: number) {
    super(`SharePoint answered ${status}.`);
    this.kind = kindOfStatus(status);
  }
}

/** `{webUrl}/_api/{path}`, sent through the connection; the parsed JSON answer (null when empty). */
export async function sharePointRest(
  sp: SharePointConnection,
  webUrl: string,
  path: string,
  method: 'GET' | 'POST' = 'GET',
): Promise<unknown> {
  const origin = new URL(webUrl).origin;
  const url = sp.address(`${webUrl.replace(/\/+$/, '')}/_api/${path}`);
  const backoff = new Backoff({ maxAttempts: 3, maxDelayMs: 10_000, ...sp.retry });
  const fetchImpl = sp.fetchImpl ?? globalThis.fetch.bind(globalThis);
  for (;;) {
    const token = await sp.getToken(origin);
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=nometadata' },
      });
    } catch (cause) {
      throw new OfflineError({ cause });
    }
    if (res.ok) {
      const text = await res.text();
      return text ? (JSON.parse(text) as unknown) : null;
    }
    if (
      (res.status === 429 || res.status === 503) &&
      (await backoff.retry({ retryAfter: res.headers.get('retry-after') }))
    )
      continue;
    throw new SharePointRestError(res.status);
  }
}
