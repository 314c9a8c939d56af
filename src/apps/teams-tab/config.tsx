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
      setupGateway={async (endpoint) => {
        // Loaded after sign-in, so the page's first script stays small.
        const [{ createGraphClient }, { createReviewSetupGateway }] = await Promise.all([
          import(/* webpackChunkName: "gateways" */ '../../graph/client'),
          import(/* webpackChunkName: "review-setup" */ '../../graph/review-setup'),
        ]);
        return createReviewSetupGateway(
          createGraphClient({ baseUrl: endpoint.baseUrl, getToken: endpoint.getToken }),
          endpoint.sharePoint,
        );
      }}
    />,
  );
})();
