import { useCallback, useEffect, useState } from 'react';
import { connectLocal, startMicrosoft365, type GraphEndpoint } from '../../hosts/connection';
import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import {
  listLocalUsers,
  rememberedLocalUser,
  SignInRequiredError,
  tabStorage,
  type LocalUser,
} from '../../hosts/sign-in';
import type { Microsoft365Session } from '../../hosts/sign-in/microsoft365';
import { describeProblem, type Problem } from '../shell/problems';

export type SignInState =
  | { status: 'starting' }
  | { status: 'choose-user'; users: LocalUser[] }
  | { status: 'signing-in' }
  | { status: 'needs-interaction'; signIn: () => void }
  | {
      status: 'ready';
      endpoint: GraphEndpoint;
      /** The person just signed in by hand (not remembered). */ interactive?: boolean;
    }
  | { status: 'failed'; problem: Problem; retry: () => void };

/**
 * Sign-in as a small state machine, ending in Graph's address and a token provider (the app
 * entry builds the gateways from them). Local mode: list the seeded users, or reuse the one chosen
 * earlier in this tab. Microsoft 365 mode: silent sign-in through the host (NAA); when the user
 * has to act, a button starts the popup (browsers block popups not started by a click).
 */
export function useSignIn(settings: BuildSettings, host: HostContext) {
  const [state, setState] = useState<SignInState>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const chooseUser = useCallback(
    (upn: string) => {
      setState({ status: 'signing-in' });
      connectLocal(settings, upn).then(
        (endpoint) => setState({ status: 'ready', endpoint, interactive: true }),
        (error: unknown) => setState({ status: 'failed', problem: describeProblem(error), retry }),
      );
    },
    [settings, retry],
  );

  useEffect(() => {
    let cancelled = false;
    const set = (next: SignInState) => {
      if (!cancelled) setState(next);
    };
    const fail = (error: unknown) => set({ status: 'failed', problem: describeProblem(error), retry });

    async function startLocal() {
      const remembered = rememberedLocalUser(tabStorage());
      if (remembered) {
        try {
          set({ status: 'ready', endpoint: await connectLocal(settings, remembered) });
          return;
        } catch {
          // The tenant may have been reseeded: ask again.
        }
      }
      set({ status: 'choose-user', users: await listLocalUsers(settings.localTenantUrl) });
    }

    async function startCloud() {
      const { session, endpoint } = await startMicrosoft365(settings, host);
      const interactive = (s: Microsoft365Session) => () => {
        set({ status: 'signing-in' });
        s.signInInteractively().then(() => set({ status: 'ready', endpoint, interactive: true }), fail);
      };
      try {
        await session.getToken();
        set({ status: 'ready', endpoint });
      } catch (error) {
        if (error instanceof SignInRequiredError)
          set({ status: 'needs-interaction', signIn: interactive(session) });
        else throw error;
      }
    }

    setState({ status: 'starting' });
    (settings.mode === 'local' ? startLocal() : startCloud()).catch(fail);
    return () => {
      cancelled = true;
    };
  }, [settings, host, attempt, retry]);

  const signOut = useCallback(() => {
    if (state.status === 'ready') state.endpoint.signOut?.();
    retry();
  }, [state, retry]);

  return { state, chooseUser, signOut };
}
