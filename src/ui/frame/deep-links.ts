/**
 * A link to one screen of the Teams tab from another page (the Word task pane). The tab's routes
 * live in its address's hash and are also its Teams subPageId (ReviewPage's openDeepLink), so the
 * tab's page beside this one, with the route as its hash, opens exactly that screen: in a browser
 * window outside Teams (the tab's website address is the same page), signed in as usual.
 */
export const TAB_PAGE = 'teams-tab.html';

/** `route` is a tab route such as "/findings/abc". */
export const tabDeepLink = (route: string): string => `${TAB_PAGE}#${route}`;
