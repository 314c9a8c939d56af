import { Spinner } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Gateways } from '../../graph/workspace';
import type { GraphEndpoint } from '../../hosts/connection';
import { ProblemMessage } from '../shell/Problem';
import { describeProblem } from '../shell/problems';
import { DataProvider } from './gateways';
import { UploadQueueProvider } from './uploads';

/**
 * Builds the gateways for a signed-in endpoint: given by the app entry, loaded on demand.
 * `preload` fetches their code without building them (while sign-in runs).
 */
export type ConnectGateways = ((endpoint: GraphEndpoint) => Promise<Gateways>) & {
  preload?: () => Promise<unknown>;
};

/**
 * Once sign-in has given an endpoint, builds the gateways and provides them with the data layer and
 * the page's upload queue (uploads outlive the screen that started them).
 */
export function GatewaysFor({
  endpoint,
  connect,
  children,
}: {
  endpoint: GraphEndpoint;
  connect: ConnectGateways;
  children: ReactNode;
}) {
  const [state, setState] = useState<{ gateways?: Gateways; error?: unknown }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState({});
    connect(endpoint).then(
      (gateways) => !cancelled && setState({ gateways }),
      (error: unknown) => !cancelled && setState({ error }),
    );
    return () => {
      cancelled = true;
    };
  }, [endpoint, connect, attempt]);
  if (state.gateways)
    return (
      <DataProvider gateways={state.gateways} signInAgain={endpoint.signInAgain}>
        <UploadQueueProvider artefacts={state.gateways.artefacts}>{children}</UploadQueueProvider>
      </DataProvider>
    );
  if (state.error)
    return <ProblemMessage problem={describeProblem(state.error)} onRetry={() => setAttempt((n) => n + 1)} />;
  return <Spinner label="Loading the review…" />;
}
