import { Field, Select, Spinner, Text, makeStyles } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Review } from '../../core/model/review';
import type { ReviewSetupGateway, ReviewTeamRef } from '../../graph/review-setup';
import type { GraphEndpoint } from '../../hosts/connection';
import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import type { ConnectGateways } from '../data/ConnectGateways';
import { AppFrame } from '../shell/AppFrame';
import { PageLayout } from '../shell/PageLayout';
import { ReviewSetup } from '../setup';
import { ProblemMessage } from '../shell/Problem';
import { SignInGate } from '../sign-in/SignInGate';

/** Builds the set-up gateway once sign-in has given Graph's address and a token (the app entry gives it). */
export type SetupGatewayFor = (endpoint: GraphEndpoint) => ReviewSetupGateway;

const useStyles = makeStyles({ teamChoice: { maxWidth: '32rem' } });

const ConfigPreview = lazy(() => import(/* webpackChunkName: "config-preview" */ './ConfigPreview'));

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
            <ConfigBody
              endpoint={endpoint}
              connect={connect}
              host={host}
              gatewayFor={setupGateway}
              setSaveEnabled={setSaveEnabled}
            />
          )}
        </SignInGate>
      </PageLayout>
    </AppFrame>
  );
}

/**
 * After sign-in: the review Team (the tab's own in Teams; outside Teams, one the user chooses), its
 * set-up form while its review does not exist, and once it does, what the tab will show.
 */
function ConfigBody({
  endpoint,
  connect,
  host,
  gatewayFor,
  setSaveEnabled,
}: {
  endpoint: GraphEndpoint;
  connect: ConnectGateways;
  host: HostContext;
  gatewayFor: SetupGatewayFor;
  setSaveEnabled?: (valid: boolean) => void;
}) {
  const styles = useStyles();
  const gateway = useMemo(() => gatewayFor(endpoint), [gatewayFor, endpoint]);
  const [teams, setTeams] = useState<ReviewTeamRef[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  useEffect(() => {
    if (host.groupId) return;
    let cancelled = false;
    gateway.reviewTeams().then(
      (found) => !cancelled && setTeams(found),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [gateway, host.groupId]);
  useEffect(() => {
    if (!review) setSaveEnabled?.(false);
  }, [review, setSaveEnabled]);

  const teamId = host.groupId ?? chosen ?? teams?.[0]?.id ?? null;
  const team = teams?.find((t) => t.id === teamId);
  const previewHost = useMemo<HostContext>(
    () => (teamId ? { ...host, groupId: teamId, teamName: team?.displayName ?? host.teamName } : host),
    [host, teamId, team?.displayName],
  );
  if (failed)
    return (
      <ProblemMessage
        problem={{ title: 'Your review Teams could not be read.', detail: 'Reload the page to try again.' }}
      />
    );
  if (!host.groupId && teams && teams.length === 0)
    return <Text as="p">You are not in a review Team yet.</Text>;
  if (!teamId) return <Spinner size="small" label="Loading your review Teams…" />;
  return (
    <>
      {!host.groupId && teams && teams.length > 1 ? (
        <Field label="Review Team" className={styles.teamChoice}>
          <Select
            value={teamId}
            onChange={(_, d) => {
              setReview(null);
              setChosen(d.value);
            }}
          >
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <ReviewSetup key={teamId} teamId={teamId} gateway={gateway} onReviewChange={setReview} />
      {review ? (
        <Suspense fallback={<Spinner size="small" label="Loading the review…" />}>
          <ConfigPreview
            key={`preview-${teamId}`}
            endpoint={endpoint}
            connect={connect}
            host={previewHost}
            onReady={setSaveEnabled}
          />
        </Suspense>
      ) : null}
    </>
  );
}
