import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import { ProblemMessage } from '../shell/Problem';
import { LocalSignIn } from './LocalSignIn';
import { useGraphAccess, type GraphAccess } from './useGraphAccess';

export interface SignedIn {
  access: GraphAccess;
  /** Local mode only: forget the chosen person and pick another. */
  switchUser?: () => void;
}

/** Shows the sign-in step until Graph access is ready, then renders `children`. */
export function SignInGate({
  settings,
  host,
  children,
}: {
  settings: BuildSettings;
  host: HostContext;
  children: (signedIn: SignedIn) => ReactNode;
}) {
  const { state, chooseUser, signOut } = useGraphAccess(settings, host);
  switch (state.status) {
    case 'starting':
    case 'signing-in':
      return <Spinner label="Signing in…" />;
    case 'choose-user':
      return <LocalSignIn users={state.users} onChoose={chooseUser} />;
    case 'needs-interaction':
      return (
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
        </MessageBar>
      );
    case 'failed':
      return <ProblemMessage problem={state.problem} onRetry={state.retry} />;
    case 'ready':
      return children({ access: state.access, switchUser: state.access.signOut ? signOut : undefined });
  }
}
