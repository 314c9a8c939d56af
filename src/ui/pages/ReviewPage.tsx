import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useEffect } from 'react';
import type { HostContext } from '../../hosts/host-context';
import type { BuildSettings } from '../../hosts/settings';
import type { ConnectGateways } from '../data/ConnectGateways';
import { hashPath, routeOf, type FrameRoute } from '../frame/routes';
import { AppFrame } from '../shell/AppFrame';
import { PageLayout } from '../shell/PageLayout';
import { SignInGate } from '../sign-in/SignInGate';

/**
 * Inside Teams a deep link gives the screen as the tab's subPageId; routes live in the address's
 * hash (the pages are static files, and any path after the page's own would need the web server's
 * help), so the browser's back button and a reload keep the screen.
 */
export function openDeepLink(host: HostContext, win: Window = window): void {
  const route = host.subPageId;
  if (route && route.startsWith('/') && (win.location.hash === '' || win.location.hash === '#/'))
    win.history.replaceState(win.history.state, '', `#${route}`);
}

const loadSignedInReview = () => import(/* webpackChunkName: "frame" */ './SignedInReview');
const SignedInReview = lazy(loadSignedInReview);

/**
 * While sign-in runs (a remembered sign-in is a token request), the code that comes after it is
 * fetched alongside: the frame, the gateways and the screen the address names. The first Graph
 * request then leaves as soon as the token is there, not after three more downloads one by one.
 *
 * The token itself costs a request on each page load in local mode and in a plain browser: tokens
 * are kept in memory only (never in localStorage or sessionStorage), so a new page has none. In
 * Teams and Word, MSAL's nested app authentication asks the host for it over the host's bridge
 * (msal-browser's NestedAppAuthController: its memory cache, then `bridgeProxy.getTokenSilent`),
 * not over the page's network; outside them, MSAL with a memory cache signs in silently again
 * (`ssoSilent`, a hidden frame to Entra ID): a network round trip there too.
 */
function usePreloadAfterSignIn(connect: ConnectGateways, routes: readonly FrameRoute[]) {
  useEffect(() => {
    const quietly = (load?: () => Promise<unknown>) => void load?.().catch(() => undefined);
    quietly(loadSignedInReview);
    quietly(connect.preload);
    quietly(routeOf(routes, hashPath(window.location.hash))?.screen.preload);
  }, [connect, routes]);
}

/** A page of the review: sign-in, then the gateways, then the frame with the page's route map. */
export function ReviewPage({
  settings,
  host,
  connect,
  routes,
  narrow = false,
}: {
  settings: BuildSettings;
  host: HostContext;
  connect: ConnectGateways;
  routes: readonly FrameRoute[];
  narrow?: boolean;
}) {
  usePreloadAfterSignIn(connect, routes);
  return (
    <AppFrame host={host}>
      <SignInGate
        settings={settings}
        host={host}
        frame={(content) => (
          <PageLayout title="Case Review Workspace" narrow={narrow}>
            {content}
          </PageLayout>
        )}
      >
        {({ endpoint, switchUser, interactive }) => (
          <Suspense fallback={<Spinner label="Loading the review…" />}>
            <SignedInReview
              endpoint={endpoint}
              connect={connect}
              host={host}
              routes={routes}
              narrow={narrow}
              onSwitchUser={switchUser}
              focusOnOpen={interactive}
            />
          </Suspense>
        )}
      </SignInGate>
    </AppFrame>
  );
}
