import type { HostContext } from './host-context';
import { themeFromPage, watchPageTheme } from './theme';

/** A plain browser window: theme from `?theme=` or the system preference, followed live. */
export function browserHostContext(win: Window = window): HostContext {
  const matches = (query: string) => typeof win.matchMedia === 'function' && win.matchMedia(query).matches;
  return {
    kind: 'browser',
    theme: themeFromPage(win.location.search, matches),
    locale: win.navigator.language,
    onThemeChange: (handler) => watchPageTheme(win, handler),
  };
}
