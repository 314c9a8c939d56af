import type { ThemeName } from './theme';

/** Where the page runs. `browser` is a plain browser window (local mode, or a deployment opened directly). */
export type HostKind = 'teams' | 'office' | 'browser';

/** What a page learns from its host; every field but `kind` and `theme` may be missing. */
export interface HostContext {
  kind: HostKind;
  theme: ThemeName;
  /** BCP 47 tag, e.g. en-GB. */
  locale?: string;
  /** The Microsoft 365 group behind the Team the tab is pinned in (= the Team's id in Graph). */
  groupId?: string;
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  teamSiteUrl?: string;
  /** The signed-in user's sign-in name, a hint for Entra sign-in. */
  loginHint?: string;
  /**
   * Teams: the tab's sub-page, from a deep link (context.page.subPageId). The tab uses its route's
   * path ("/people/abc"), so a deep link reopens exactly that screen.
   */
  subPageId?: string;
  /**
   * Teams: offers Teams' own "share a link to this" for a route (pages.shareDeepLink). Teams has no
   * call that changes the tab's subPageId silently while the user moves around; a link is shared.
   */
  shareDeepLink?: (route: string, label: string) => void;
  /** Subscribes to host theme changes; returns an unsubscribe. */
  onThemeChange?: (handler: (theme: ThemeName) => void) => () => void;
}
