import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import type { ConnectGateways } from '../data/ConnectGateways';
import { ReviewPage } from './ReviewPage';
import { TAB_ROUTES } from './routes';

/** The Teams tab: the review's dashboard, people, artefacts and identity register. */
export function TeamsTabPage(props: {
  settings: BuildSettings;
  host: HostContext;
  connect: ConnectGateways;
}) {
  return <ReviewPage {...props} routes={TAB_ROUTES} />;
}
