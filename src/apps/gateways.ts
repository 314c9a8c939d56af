import type { Gateways } from '../graph/workspace';
import type { GraphEndpoint } from '../hosts/connection';
import type { HostContext } from '../hosts/host-context';
import type { WordGateways } from '../word/gateway';

const loadGateways = () => import(/* webpackChunkName: "gateways" */ '../graph/workspace/gateways');

/**
 * The app entries build the gateways once sign-in has given Graph's address and a token. The
 * gateways (the Graph client, the review site's schema and mapping, the core's schemas) load on
 * demand, so a page shows its sign-in before they arrive.
 */
export async function connectGateways(endpoint: GraphEndpoint): Promise<Gateways> {
  const { createGateways } = await loadGateways();
  return createGateways({
    baseUrl: endpoint.baseUrl,
    getToken: endpoint.getToken,
    sharePoint: endpoint.sharePoint,
  });
}
/** The gateways' code, fetched while sign-in runs (webpack loads a chunk once). */
connectGateways.preload = loadGateways;

/**
 * The Word gateways (the report, the anonymity check) over office.js, only when Office opened the page (its host is 'office');
 * outside Word there is none and the task pane previews the report instead.
 */
export async function connectWord(host: HostContext): Promise<WordGateways | null> {
  if (host.kind !== 'office') return null;
  const { wordGateways } = await import(/* webpackChunkName: "word" */ '../word/office');
  return wordGateways();
}
