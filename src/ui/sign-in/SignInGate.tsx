import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { lazy, Suspense, type ReactNode } from 'react';
import type { GraphEndpoint } from '../../hosts/connection';
import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import { ProblemMessage } from '../shell/Problem';
import { useSignIn } from './useSignIn';

/**
 * Local mode's person picker (a Persona per demo user) loads only when it is shown: a remembered
 * sign-in, and every production page, never fetch it, and the pages' first script stays small.
 */
const LocalSignIn = lazy(async () => ({
  default: (await import(/* webpackChunkName: "local-sign-in" */ './LocalSignIn')).LocalSignIn,
}));

export interface SignedIn {
  endpoint: GraphEndpoint;
  /** Local mode only: forget the chosen person and pick another. */
  switchUser?: () => void;
  /** The person signed in by hand just now: the page moves focus to its heading. */
  interactive: boolean;
}

/**
 * Shows the sign-in step until Graph access is ready, then renders `children`. `frame` lays the
 * sign-in steps out on the page (its heading and landmark) until then.
 */
export function SignInGate({
  settings,
  host,
  frame,
  children,
}: {
  settings: BuildSettings;
  host: HostContext;
  frame: (content: ReactNode) => ReactNode;
  children: (signedIn: SignedIn) => ReactNode;
}) {
  const { state, chooseUser, signOut } = useSignIn(settings, host);
  switch (state.status) {
    case 'starting':
    case 'signing-in':
      return frame(<Spinner label="Signing in…" />);
    case 'choose-user':
      return frame(
        <Suspense fallback={<Spinner label="Signing in…" />}>
          <LocalSignIn users={state.users} onChoose={chooseUser} />
        </Suspense>,
      );
    case 'needs-interaction':
      return frame(
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Sign in to continue.</MessageBarTitle>
            Case Review Workspace needs you to sign in with your work account.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={state.signIn}>
              Sign in
            </Button>
          </MessageBarActions>
        </MessageBar>,
      );
    case 'failed':
      return frame(<ProblemMessage problem={state.problem} onRetry={state.retry} />);
    case 'ready':
      return children({
        endpoint: state.endpoint,
        switchUser: state.endpoint.signOut ? signOut : undefined,
        interactive: state.interactive ?? false,
      });
  }
}
