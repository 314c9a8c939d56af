import { Field, Select, Spinner, Text, makeStyles } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Review } from '../../core/model/review';
import type { ReviewSetupGateway, ReviewTeamRef } from '../../graph/review-setup';
import type { GraphEndpoint } from '../../hosts/connection';
import type { HostContext } from '../../hosts/host-context';
import type { ConnectGateways } from '../data/ConnectGateways';
import { ReviewSetup } from '../setup';
import { ProblemMessage } from '../shell/Problem';
import type { SetupGatewayFor } from './TabConfigPage';

const useStyles = makeStyles({ teamChoice: { maxWidth: '32rem' } });

const ConfigPreview = lazy(() => import(/* webpackChunkName: "config-preview" */ './ConfigPreview'));

/**
 * After sign-in: the review Team (the tab's own in Teams; outside Teams, one the user chooses), its
 * set-up form while its review does not exist, and once it does, what the tab will show.
 */
export default function ConfigBody({
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
  const [teams, setTeams] = useState<ReviewTeamRef[] | null>(null);
  const [failed, setFailed] = useState(false);
  // The set-up gateway (and the Graph client under it) loads after sign-in, in its own chunk.
  const [gateway, setGateway] = useState<ReviewSetupGateway | null>(null);
  useEffect(() => {
    let cancelled = false;
    gatewayFor(endpoint).then(
      (built) => !cancelled && setGateway(built),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [gatewayFor, endpoint]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  useEffect(() => {
    if (host.groupId || !gateway) return;
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
  if (!teamId || !gateway) return <Spinner size="small" label="Loading your review Teams…" />;
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
