import { themeFromPage, themeFromTeams } from '../../src/hosts/theme';

describe('themes', () => {
  test("Teams' theme names map to the three Fluent Teams themes", () => {
    expect(themeFromTeams('default')).toBe('light');
    expect(themeFromTeams('dark')).toBe('dark');
    expect(themeFromTeams('contrast')).toBe('contrast');
    expect(themeFromTeams(undefined)).toBe('light');
  });

  test('outside Teams, ?theme= wins over the system preference, then forced colours, then dark', () => {
    const none = () => false;
    const dark = (q: string) => q.includes('prefers-color-scheme: dark');
    const forced = (q: string) => q.includes('forced-colors');
    expect(themeFromPage('', none)).toBe('light');
    expect(themeFromPage('', dark)).toBe('dark');
    expect(themeFromPage('', forced)).toBe('contrast');
    expect(themeFromPage('?theme=contrast', dark)).toBe('contrast');
    expect(themeFromPage('?theme=light', dark)).toBe('light');
    expect(themeFromPage('?theme=purple', none)).toBe('light');
  });
});
