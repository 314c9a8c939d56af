import {
  createNestablePublicClientApplication,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { SignInRequiredError, type SignInSession } from './session';

/**
 * Delegated Graph permissions the app asks for. SharePoint access is the tenant's choice:
 * `Sites.Selected` (only the review sites an administrator grants, with the "manage" role so that
 * the review's lists can be created) or `Sites.Manage.All` + `Files.ReadWrite.All` (every site the
 * user can open; Graph's "create list" needs Sites.Manage.All). Reading the review Team's private
 * "Identity register" channel and who is in it needs Channel.ReadBasic.All and
 * ChannelMember.Read.All; creating that channel at set-up (a Team owner) needs Channel.Create.
 * Booking in a lead reviewer's shared calendar needs Calendars.ReadWrite.Shared. See README
 * "Deploying to a real tenant".
 */
export type SitesPermission = 'Sites.Selected' | 'Sites.Manage.All';

export function graphScopes(sites: SitesPermission): string[] {
  const base = [
    'User.Read',
    'User.ReadBasic.All',
    'Calendars.ReadWrite',
    'Calendars.ReadWrite.Shared',
    'Channel.ReadBasic.All',
    'ChannelMember.Read.All',
    'Channel.Create',
    // People: a Team owner adds the review team to the Team (members only) and to the register channel.
    // Listing a Team's members (team-list-members) needs TeamMember.Read.All: the NonOwnerRole scope
    // only adds and removes members.
    'TeamMember.Read.All',
    'TeamMember.ReadWriteNonOwnerRole.All',
    'ChannelMember.ReadWrite.All',
  ];
  return sites === 'Sites.Selected'
    ? [...base, 'Sites.Selected']
    : [...base, 'Sites.Manage.All', 'Files.ReadWrite.All'];
}

export interface Microsoft365SignInOptions {
  clientId: string;
  scopes: string[];
  /** From the host: `context.user.loginHint` in Teams, `Office.auth.getAuthContext()` in Word. */
  loginHint?: string;
  /** The popup's landing page (auth-redirect.html), used only outside NAA-capable hosts. */
  redirectUri: string;
}

export interface Microsoft365Session extends SignInSession {
  /** Interactive sign-in (a popup, or the host's own prompt under NAA). Call it from a click. */
  signInInteractively(): Promise<void>;
  /** A token for another resource, e.g. ["https://contoso.sharepoint.com/AllSites.Manage"] for SharePoint's REST API. */
  getTokenFor(scopes: string[]): Promise<string>;
}

/**
 * Sign-in with nested app authentication (NAA): inside Teams (after `app.initialize`) and Office
 * (after `Office.onReady`) MSAL talks to the host's auth broker; elsewhere
 * `createNestablePublicClientApplication` falls back to a normal browser client. Tokens stay in
 * MSAL's memory cache. Redirect and logout calls throw under NAA, so only silent and popup calls
 * are used.
 */
export async function startMicrosoft365Session(
  options: Microsoft365SignInOptions,
): Promise<Microsoft365Session> {
  const pca: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority: 'https://login.microsoftonline.com/organizations',
      redirectUri: options.redirectUri,
    },
    cache: { cacheLocation: 'memoryStorage' },
  });
  const { scopes, loginHint } = options;

  const remember = (account: AccountInfo | null) => {
    if (account) pca.setActiveAccount(account);
  };

  const getToken = (): Promise<string> => getTokenFor(scopes);
  async function getTokenFor(wanted: string[]): Promise<string> {
    try {
      const account = pca.getActiveAccount();
      const result = account
        ? await pca.acquireTokenSilent({ scopes: wanted, account })
        : await pca.ssoSilent({ scopes: wanted, loginHint });
      remember(result.account);
      return result.accessToken;
    } catch {
      // Consent, MFA or a first sign-in: the user has to act. The error itself may carry
      // account details, so it is not passed on.
      throw new SignInRequiredError();
    }
  }

  const signInInteractively = async () => {
    const result = await pca.acquireTokenPopup({ scopes, loginHint });
    remember(result.account);
  };
  // A token refused mid-work (MSAL's InteractionRequiredAuthError, or a 401 from Graph): the same
  // interactive sign-in, which under NAA the host itself shows.
  return { getToken, getTokenFor, signInInteractively, signInAgain: signInInteractively };
}
