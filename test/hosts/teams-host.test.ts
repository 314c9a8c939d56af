import type { app } from '@microsoft/teams-js';
import { hostContextFromTeams } from '../../src/hosts/teams-host';

describe('the Teams context', () => {
  test("gives the page the Team's group, channel, site, theme, locale and sign-in hint", () => {
    const handlers: ((theme: string) => void)[] = [];
    const teamsApp = { registerOnThemeChangeHandler: (h: (theme: string) => void) => void handlers.push(h) };
    const context = {
      app: {
        theme: 'dark',
        locale: 'en-GB',
        sessionId: 's',
        host: { name: 'Teams', clientType: 'web', sessionId: 'h' },
      },
      page: { id: 'tab', frameContext: 'content' },
      team: {
        internalId: '19:team@thread.tacv2',
        groupId: 'group-1',
        displayName: 'CR-2026-014 Learning review',
      },
      channel: { id: '19:channel@thread.tacv2', displayName: 'General' },
      sharePointSite: { teamSiteUrl: 'https://contoso.sharepoint.com/sites/CR-2026-014' },
      user: { id: 'u', loginHint: 'priya.raman@contoso.example' },
    } as unknown as app.Context;
    const host = hostContextFromTeams(context, teamsApp);
    expect(host).toMatchObject({
      kind: 'teams',
      theme: 'dark',
      locale: 'en-GB',
      groupId: 'group-1',
      teamName: 'CR-2026-014 Learning review',
      channelName: 'General',
      teamSiteUrl: 'https://contoso.sharepoint.com/sites/CR-2026-014',
      loginHint: 'priya.raman@contoso.example',
    });
    const seen: string[] = [];
    host.onThemeChange?.((theme) => seen.push(theme));
    handlers[0]!('contrast');
    expect(seen).toEqual(['contrast']);
  });
});
