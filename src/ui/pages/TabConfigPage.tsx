import { Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { ReviewSetupGateway } from '../../graph/review-setup';
import type { GraphEndpoint } from '../../hosts/connection';
import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import type { ConnectGateways } from '../data/ConnectGateways';
import { AppFrame } from '../shell/AppFrame';
import { PageLayout } from '../shell/PageLayout';
import { SignInGate } from '../sign-in/SignInGate';

/** Builds the set-up gateway once sign-in has given Graph's address and a token (the app entry gives it). */
export type SetupGatewayFor = (endpoint: GraphEndpoint) => Promise<ReviewSetupGateway>;

/** What the page shows after sign-in, with the set-up form: loaded then, in its own chunk. */
const ConfigBody = lazy(() => import(/* webpackChunkName: "config-body" */ './ConfigBody'));

/**
 * The configurable tab's set-up page. In Teams, Save is enabled once the channel's review loads
 * (the tab would show it); outside Teams it explains what the page is for.
 */
export function TabConfigPage({
  settings,
  host,
  connect,
  setSaveEnabled,
  setupGateway,
}: {
  settings: BuildSettings;
  host: HostContext;
  connect: ConnectGateways;
  /** Present in Teams: enables or disables Teams' Save button. */
  setSaveEnabled?: (valid: boolean) => void;
  setupGateway: SetupGatewayFor;
}) {
  return (
    <AppFrame host={host}>
      <PageLayout title="Set up Case Review Workspace">
        <Text as="p">
          {setSaveEnabled
            ? "Select Save to add the Case Review Workspace tab to this channel. The tab shows this review's reference and the people taking part."
            : "This page appears in Microsoft Teams when someone adds the Case Review Workspace tab to a review Team's channel. Here, in local mode, it sets up a review Team's review and shows what the tab will display."}
        </Text>
        <SignInGate settings={settings} host={host} frame={(content) => content}>
          {({ endpoint }) => (
            <Suspense fallback={<Spinner size="small" label="Loading…" />}>
              <ConfigBody
                endpoint={endpoint}
                connect={connect}
                host={host}
                gatewayFor={setupGateway}
                setSaveEnabled={setSaveEnabled}
              />
            </Suspense>
          )}
        </SignInGate>
      </PageLayout>
    </AppFrame>
  );
}
