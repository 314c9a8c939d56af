/** The three themes Teams offers; the UI maps them to Fluent's Teams themes. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** Teams reports `default`, `dark` or `contrast` (older clients may send other names: treat as light). */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

/**
 * Outside Teams: `?theme=dark|contrast|light` wins (demos, screenshots), then the system's
 * forced-colours (high contrast) and dark preferences, then light.
 */
export function themeFromPage(search: string, matches: (query: string) => boolean): ThemeName {
  const asked = new URLSearchParams(search).get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'light') return asked;
  if (matches('(forced-colors: active)')) return 'contrast';
  if (matches('(prefers-color-scheme: dark)')) return 'dark';
  return 'light';
}

/** Follows the system preference while the page is open outside Teams; returns an unsubscribe. */
export function watchPageTheme(win: Window, onChange: (theme: ThemeName) => void): () => void {
  if (typeof win.matchMedia !== 'function') return () => undefined;
  const queries = ['(forced-colors: active)', '(prefers-color-scheme: dark)'].map((q) => win.matchMedia(q));
  const update = () => onChange(themeFromPage(win.location.search, (q) => win.matchMedia(q).matches));
  for (const q of queries) q.addEventListener('change', update);
  return () => {
    for (const q of queries) q.removeEventListener('change', update);
  };
}
