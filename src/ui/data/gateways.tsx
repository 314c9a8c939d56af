import { QueryClient, QueryClientProvider, onlineManager } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { GatewayError } from '../../core/failures';
import type { Gateways } from '../../graph/workspace';
import { SignInAgain } from '../sign-in/SignInAgain';

const GatewaysContext = createContext<Gateways | null>(null);

/** Failures worth a quiet second try; a refusal or a conflict is shown at once. */
const retryable = (error: unknown) =>
  error instanceof GatewayError && (error.kind === 'throttled' || error.kind === 'offline');

/** The sign-in expired or was refused (a 401, or the sign-in wants the person to act). */
export const isSignedOut = (error: unknown) => error instanceof GatewayError && error.kind === 'signed-out';

/** Times a save or a read waits for the person to sign in again before its failure is shown. */
const SIGN_IN_ATTEMPTS = 3;

/**
 * The data layer's client. A save or a read refused because the sign-in expired is not failed: it
 * waits, paused, with what it was sending (TanStack Query's paused state, in this page's memory
 * only: never in storage), while `onSignedOut` asks the person to sign in again; `resumeAfterSignIn`
 * then sends it. The form meanwhile shows it as saving, so it cannot be sent twice. This is the one
 * place that does it, for every form and every screen.
 *
 * The pause is TanStack's own for a device that is offline (its `onlineManager`, which the retry
 * consults after each failure): "signed out" is, for the data layer, a connection that cannot be
 * used until the person acts.
 */
export function createQueryClient(onSignedOut: () => void = () => undefined): QueryClient {
  const waitForSignIn = (failures: number, error: unknown) => {
    if (!isSignedOut(error) || failures >= SIGN_IN_ATTEMPTS) return false;
    onlineManager.setOnline(false);
    onSignedOut();
    return true;
  };
  const noDelayWhenSignedOut = (failures: number, error: unknown) =>
    isSignedOut(error) ? 0 : Math.min(1000 * 2 ** failures, 30_000);
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => waitForSignIn(failures, error) || (failures < 2 && retryable(error)),
        retryDelay: noDelayWhenSignedOut,
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: waitForSignIn, retryDelay: noDelayWhenSignedOut },
    },
  });
}

/** After the person signed in again: what waited (saves, reads) is sent now, in the order it came. */
export function resumeAfterSignIn(): void {
  // The client subscribes to this: it resumes its paused saves, then its paused reads.
  onlineManager.setOnline(true);
}

/**
 * The one data layer: TanStack Query's cache of server state, over the gateways the app entry
 * built. Screens read both through hooks (review-queries.ts), never a client. When the sign-in
 * expires mid-work, a bar above the screen offers to sign in again (`signInAgain`, from sign-in),
 * and what was being saved is saved after.
 */
export function DataProvider({
  gateways,
  signInAgain,
  children,
}: {
  gateways: Gateways;
  signInAgain?: () => Promise<void>;
  children: ReactNode;
}) {
  const [signedOut, setSignedOut] = useState(false);
  const [queryClient] = useState(() => createQueryClient(() => setSignedOut(true)));
  const signIn = useCallback(async () => {
    if (!signInAgain) return;
    await signInAgain();
    setSignedOut(false);
    resumeAfterSignIn();
  }, [signInAgain]);
  return (
    <QueryClientProvider client={queryClient}>
      <GatewaysContext.Provider value={gateways}>
        {signedOut ? <SignInAgain onSignIn={signInAgain ? signIn : undefined} /> : null}
        {children}
      </GatewaysContext.Provider>
    </QueryClientProvider>
  );
}

export function useGateways(): Gateways {
  const gateways = useContext(GatewaysContext);
  if (!gateways) throw new Error('useGateways is used outside DataProvider');
  return gateways;
}
