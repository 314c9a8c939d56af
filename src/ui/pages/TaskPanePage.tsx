import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import { AppFrame } from '../shell/AppFrame';
import { PageLayout } from '../shell/PageLayout';
import { SignInGate } from '../sign-in/SignInGate';
import { ReviewWorkspace } from '../workspace/ReviewWorkspace';

/** The Word task pane (narrow): who is signed in, the review, and a summary of its people. */
export function TaskPanePage({ settings, host }: { settings: BuildSettings; host: HostContext }) {
  return (
    <AppFrame host={host}>
      <PageLayout title="Case Review Workspace" narrow>
        <SignInGate settings={settings} host={host}>
          {({ access, switchUser }) => (
            <ReviewWorkspace client={access.client} host={host} layout="taskpane" onSwitchUser={switchUser} />
          )}
        </SignInGate>
      </PageLayout>
    </AppFrame>
  );
}
