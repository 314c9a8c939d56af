import { connectGateways, connectWord } from '../gateways';
import { browserHostContext } from '../../hosts/browser-host';
import { connectOffice } from '../../hosts/office-host';
import { readBuildSettings } from '../../hosts/settings';
import { TaskPanePage } from '../../ui/pages/TaskPanePage';
import { reportExportGateway } from '../../word/gateway';
import { renderPage } from '../../ui/shell/render';

// office.js is loaded only when Office opened this page (see hosts/office-host.ts); teams-js is
// never awaited here: inside Word on the web's frame `app.initialize()` would hang for a minute.
void (async () => {
  const office = await connectOffice().catch(() => null);
  const host = office ?? browserHostContext();
  // Inside Word, the Word gateways over office.js; outside Word none, and the pane previews.
  const word = await connectWord(host).catch(() => null);
  renderPage(
    <TaskPanePage
      settings={readBuildSettings()}
      host={host}
      connect={connectGateways}
      word={word}
      exporter={reportExportGateway}
    />,
  );
})();
