import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState } from 'react';

/**
 * The sign-in expired in the middle of someone's work: what they were saving waits on the page
 * (ui/data/gateways.tsx) and is saved once they sign in again here. Where the host gives no way to
 * sign in again, they are told plainly what to do and what it costs.
 */
export function SignInAgain({ onSignIn }: { onSignIn?: () => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'signing-in' | 'failed'>('idle');
  const signIn = () => {
    if (!onSignIn) return;
    setState('signing-in');
    onSignIn().then(
      () => setState('idle'),
      () => setState('failed'),
    );
  };
  return (
    <MessageBar intent="warning" layout="multiline" politeness="assertive">
      <MessageBarBody>
        <MessageBarTitle>Your sign-in has expired.</MessageBarTitle>
        {onSignIn
          ? state === 'failed'
            ? 'Signing in again did not finish. What you have not saved yet is still kept here: try again.'
            : 'What you have not saved yet is kept on this page, and saved as soon as you sign in again.'
          : 'Nothing more can be saved. Copy what you have not saved yet, then reload the page to sign in again.'}
      </MessageBarBody>
      {onSignIn ? (
        <MessageBarActions>
          <Button appearance="primary" disabled={state === 'signing-in'} onClick={signIn}>
            {state === 'signing-in' ? 'Signing in…' : 'Sign in again'}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
