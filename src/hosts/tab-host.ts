import { browserHostContext } from './browser-host';
import type { HostContext } from './host-context';
import type { BuildSettings } from './settings';
import { connectTeams } from './teams-host';

/**
 * The Teams tab pages' host: Teams when inside it, else a plain browser window. In local mode
 * the Team's ids from a real tenant mean nothing to the local tenant, so only Teams' theme and
 * locale are kept.
 */
export async function tabHostContext(settings: BuildSettings): Promise<HostContext> {
  const teams = await connectTeams({ onlyWhenFramed: settings.mode === 'local' });
  if (!teams) return browserHostContext();
  if (settings.mode === 'microsoft365') return teams;
  return {
    kind: 'teams',
    theme: teams.theme,
    locale: teams.locale,
    subPageId: teams.subPageId,
    shareDeepLink: teams.shareDeepLink,
    onThemeChange: teams.onThemeChange,
  };
}
