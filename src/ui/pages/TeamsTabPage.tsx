import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import { AppFrame } from '../shell/AppFrame';
import { PageLayout } from '../shell/PageLayout';
import { SignInGate } from '../sign-in/SignInGate';
import { ReviewWorkspace } from '../workspace/ReviewWorkspace';

/** The Teams tab: the review's reference and everyone in it, by role. */
export function TeamsTabPage({ settings, host }: { settings: BuildSettings; host: HostContext }) {
  return (
    <AppFrame host={host}>
      <PageLayout title="Case Review Workspace">
        <SignInGate settings={settings} host={host}>
          {({ access, switchUser }) => (
            <ReviewWorkspace client={access.client} host={host} layout="tab" onSwitchUser={switchUser} />
          )}
        </SignInGate>
      </PageLayout>
    </AppFrame>
  );
}
