import type { app, pages } from '@microsoft/teams-js';
import type { HostContext } from './host-context';
import { themeFromTeams } from './theme';

/**
 * `app.initialize()` rejects at once in a plain top-level browser window, but inside another
 * host's frame (e.g. Word on the web) it can wait about 60 s before rejecting: never wait that long.
 */
export const TEAMS_INIT_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Teams did not answer in time')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('Teams initialisation failed'));
      },
    );
  });
}

/** Is the page in a frame (Teams on the web and desktop run tabs in an iframe)? */
export function isFramed(win: Window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    return true; // reading `top` across origins throws: framed
  }
}

/** Maps the Teams context to what the pages use. Exported for tests. */
export function hostContextFromTeams(
  context: app.Context,
  teamsApp: Pick<typeof app, 'registerOnThemeChangeHandler'>,
  teamsPages?: Pick<typeof pages, 'shareDeepLink' | 'isSupported'>,
): HostContext {
  return {
    kind: 'teams',
    theme: themeFromTeams(context.app.theme),
    locale: context.app.locale,
    groupId: context.team?.groupId,
    teamId: context.team?.internalId,
    teamName: context.team?.displayName,
    channelId: context.channel?.id,
    channelName: context.channel?.displayName,
    teamSiteUrl: context.sharePointSite?.teamSiteUrl,
    loginHint: context.user?.loginHint ?? context.user?.userPrincipalName,
    subPageId: context.page?.subPageId || undefined,
    shareDeepLink:
      teamsPages && teamsPages.isSupported()
        ? (route, label) => teamsPages.shareDeepLink({ subPageId: route, subPageLabel: label })
        : undefined,
    onThemeChange: (handler) => {
      teamsApp.registerOnThemeChangeHandler((theme) => handler(themeFromTeams(theme)));
      // teams-js keeps one handler: replacing it with a no-op unsubscribes.
      return () => teamsApp.registerOnThemeChangeHandler(() => undefined);
    },
  };
}

/**
 * Connects to Teams when the page runs inside it; resolves `null` otherwise (a plain browser
 * window, or a host that did not answer in time), so the caller falls back to the browser path.
 *
 * teams-js is imported on demand: on load it fetches Teams' list of valid origins from
 * Microsoft's CDN, which local mode must never reach. `onlyWhenFramed` (local builds) skips it
 * in a top-level window, where `app.initialize()` would only reject; Microsoft 365 builds always
 * try, since Teams mobile runs tabs in a top-level web view.
 */
export async function connectTeams(
  options: { onlyWhenFramed: boolean; timeoutMs?: number },
  win: Window = window,
): Promise<HostContext | null> {
  if (options.onlyWhenFramed && !isFramed(win)) return null;
  const timeoutMs = options.timeoutMs ?? TEAMS_INIT_TIMEOUT_MS;
  try {
    const { app: teamsApp, pages: teamsPages } = await import(
      /* webpackChunkName: "teams-js" */ '@microsoft/teams-js'
    );
    await withTimeout(teamsApp.initialize(), timeoutMs);
    const context = await withTimeout(teamsApp.getContext(), timeoutMs);
    teamsApp.notifySuccess();
    return hostContextFromTeams(context, teamsApp, teamsPages);
  } catch {
    return null;
  }
}
