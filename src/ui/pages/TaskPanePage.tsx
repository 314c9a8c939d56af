import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import type { ReportExportGateway, WordGateways } from '../../word/gateway';
import type { ConnectGateways } from '../data/ConnectGateways';
import { WordReportProvider } from '../data/word-report';
import { ReviewPage } from './ReviewPage';
import { PANE_ROUTES } from './routes';

/**
 * The Word task pane (narrow), on the same frame with its own route map. `word` is the Word
 * gateways inside Word; outside Word (local mode in a browser) it is null and the screens preview.
 */
export function TaskPanePage({
  word = null,
  exporter,
  ...props
}: {
  settings: BuildSettings;
  host: HostContext;
  connect: ConnectGateways;
  word?: WordGateways | null;
  exporter: ReportExportGateway;
}) {
  return (
    <WordReportProvider word={word} exporter={exporter}>
      <ReviewPage {...props} routes={PANE_ROUTES} narrow />
    </WordReportProvider>
  );
}
