import { createGraphClient } from '../../graph/client';
import { createReviewSetupGateway } from '../../graph/review-setup';
import { connectGateways } from '../gateways';
import { readBuildSettings } from '../../hosts/settings';
import { tabHostContext } from '../../hosts/tab-host';
import { registerTabConfiguration } from '../../hosts/teams-tab-config';
import { TabConfigPage } from '../../ui/pages/TabConfigPage';
import { renderPage } from '../../ui/shell/render';

void (async () => {
  const settings = readBuildSettings();
  const host = await tabHostContext(settings);
  const setSaveEnabled =
    host.kind === 'teams' ? await registerTabConfiguration(window.location.href, 'Case review') : undefined;
  renderPage(
    <TabConfigPage
      settings={settings}
      host={host}
      connect={connectGateways}
      setSaveEnabled={setSaveEnabled}
      setupGateway={(endpoint) =>
        createReviewSetupGateway(
          createGraphClient({ baseUrl: endpoint.baseUrl, getToken: endpoint.getToken }),
        )
      }
    />,
  );
})();
