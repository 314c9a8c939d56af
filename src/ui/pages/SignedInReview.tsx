import { HashRouter } from 'react-router';
import type { GraphEndpoint } from '../../hosts/connection';
import type { HostContext } from '../../hosts/host-context';
import { GatewaysFor, type ConnectGateways } from '../data/ConnectGateways';
import { ReviewFrame } from '../frame/ReviewFrame';
import type { FrameRoute } from '../frame/routes';

/**
 * Everything after sign-in: the gateways with the data layer, the router, and the frame. Loaded
 * once sign-in is done (its own chunk), so a page's first script is only sign-in.
 */
export default function SignedInReview({
  endpoint,
  connect,
  host,
  routes,
  narrow,
  onSwitchUser,
  focusOnOpen,
}: {
  endpoint: GraphEndpoint;
  connect: ConnectGateways;
  host: HostContext;
  routes: readonly FrameRoute[];
  narrow: boolean;
  onSwitchUser?: () => void;
  focusOnOpen?: boolean;
}) {
  return (
    <GatewaysFor endpoint={endpoint} connect={connect}>
      <HashRouter>
        <ReviewFrame
          routes={routes}
          host={host}
          onSwitchUser={onSwitchUser}
          alwaysNarrow={narrow}
          focusOnOpen={focusOnOpen}
        />
      </HashRouter>
    </GatewaysFor>
  );
}
