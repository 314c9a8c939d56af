import { connectGateways } from '../gateways';
import { readBuildSettings } from '../../hosts/settings';
import { tabHostContext } from '../../hosts/tab-host';
import { openDeepLink } from '../../ui/pages/ReviewPage';
import { TeamsTabPage } from '../../ui/pages/TeamsTabPage';
import { renderPage } from '../../ui/shell/render';

// Inside Teams the context gives the review's Team and the theme; in a plain browser window the
// page runs as a browser page (local mode in local builds). See hosts/teams-host.ts.
void (async () => {
  const settings = readBuildSettings();
  const host = await tabHostContext(settings);
  openDeepLink(host);
  renderPage(<TeamsTabPage settings={settings} host={host} connect={connectGateways} />);
})();
