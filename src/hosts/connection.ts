import type { HostContext } from './host-context';
import { GRAPH_URL, type BuildSettings } from './settings';
import { startLocalSession, tabStorage } from './sign-in/local';
import { localSharePoint } from './sign-in/sharepoint';
import type { Microsoft365Session } from './sign-in/microsoft365';

/**
 * Where Graph is and how to get a token for it: the only differences between Microsoft 365 and
 * local mode. The UI makes the one Graph client from it (src/graph/client.ts).
 */
export interface GraphEndpoint {
  /** Graph's base with its version, e.g. https://graph.microsoft.com/v1.0 or http://localhost:4000/v1.0. */
  baseUrl: string;
  getToken: () => Promise<string>;
  /** A fresh sign-in of the same person after a token was refused; call it from a click. */
  signInAgain?: () => Promise<void>;
  /** Local mode: forget the chosen person and show the picker again. */
  signOut?: () => void;
  /** SharePoint's REST API (a library's default view): where to send a SharePoint address, and its token. */
  sharePoint?: SharePointEndpoint;
}

export interface SharePointEndpoint {
  address(url: string): string;
  /** A token for the SharePoint host at `origin` (delegated AllSites.Manage). */
  getToken(origin: string): Promise<string>;
}

/** Local mode: sign in as a person seeded in the local tenant. */
export async function connectLocal(
  settings: BuildSettings,
  userPrincipalName: string,
): Promise<GraphEndpoint> {
  const session = await startLocalSession(settings.localTenantUrl, userPrincipalName, {
    storage: tabStorage(),
  });
  return {
    baseUrl: `${settings.localTenantUrl}/v1.0`,
    getToken: session.getToken,
    signInAgain: session.signInAgain,
    signOut: session.signOut,
    sharePoint: localSharePoint(settings.localTenantUrl, userPrincipalName),
  };
}

/**
 * Microsoft 365 mode: MSAL with nested app authentication. MSAL is loaded on demand, so local
 * mode's pages never download it.
 */
export async function startMicrosoft365(
  settings: BuildSettings,
  host: HostContext,
): Promise<{ session: Microsoft365Session; endpoint: GraphEndpoint }> {
  const { startMicrosoft365Session, graphScopes } = await import(
    /* webpackChunkName: "microsoft365-sign-in" */ './sign-in/microsoft365'
  );
  const session = await startMicrosoft365Session({
    clientId: settings.clientId,
    scopes: graphScopes(settings.sitesPermission),
    loginHint: host.loginHint,
    redirectUri: `${settings.baseUrl}/auth-redirect.html`,
  });
  return {
    session,
    endpoint: {
      baseUrl: `${GRAPH_URL}/v1.0`,
      getToken: session.getToken,
      signInAgain: session.signInAgain,
      // SharePoint's own REST API is called on the host itself, with a token for that host.
      sharePoint: {
        address: (url) => url,
        getToken: (origin) => session.getTokenFor([`${origin}/AllSites.Manage`]),
      },
    },
  };
}
