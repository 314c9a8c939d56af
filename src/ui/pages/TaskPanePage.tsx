import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import type { ConnectGateways } from '../data/ConnectGateways';
import { ReviewPage } from './ReviewPage';
import { PANE_ROUTES } from './routes';

/** The Word task pane (narrow), on the same frame with its own route map. */
export function TaskPanePage(props: {
  settings: BuildSettings;
  host: HostContext;
  connect: ConnectGateways;
}) {
  return <ReviewPage {...props} routes={PANE_ROUTES} narrow />;
}
