import { Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import type { ReviewTeam } from '../workspace/review-data';
import { AppFrame } from '../shell/AppFrame';
import { PageLayout } from '../shell/PageLayout';
import { SignInGate } from '../sign-in/SignInGate';
import { ReviewWorkspace } from '../workspace/ReviewWorkspace';

/**
 * The configurable tab's set-up page. In Teams, Save is enabled once the channel's review Team
 * and its people load (the tab would show them); outside Teams it explains what the page is for.
 */
export function TabConfigPage({
  settings,
  host,
  setSaveEnabled,
}: {
  settings: BuildSettings;
  host: HostContext;
  /** Present in Teams: enables or disables Teams' Save button. */
  setSaveEnabled?: (valid: boolean) => void;
}) {
  const onReviewReady = useCallback(
    (review: ReviewTeam | null) => setSaveEnabled?.(review !== null),
    [setSaveEnabled],
  );
  return (
    <AppFrame host={host}>
      <PageLayout title="Set up Case Review Workspace">
        <Text as="p">
          {setSaveEnabled
            ? "Select Save to add the Case Review Workspace tab to this channel. The tab shows this review's reference and the people taking part."
            : "This page appears in Microsoft Teams when someone adds the Case Review Workspace tab to a review Team's channel. Here, in local mode, it shows what the tab will display."}
        </Text>
        <SignInGate settings={settings} host={host}>
          {({ access, switchUser }) => (
            <ReviewWorkspace
              client={access.client}
              host={host}
              layout="config"
              onSwitchUser={switchUser}
              onReviewReady={onReviewReady}
            />
          )}
        </SignInGate>
      </PageLayout>
    </AppFrame>
  );
}
