import type { Gateways } from '../graph/workspace';
import type { GraphEndpoint } from '../hosts/connection';

/**
 * The app entries build the gateways once sign-in has given Graph's address and a token. The
 * gateways (the Graph client, the review site's schema and mapping, the core's schemas) load on
 * demand, so a page shows its sign-in before they arrive.
 */
export async function connectGateways(endpoint: GraphEndpoint): Promise<Gateways> {
  const { createGateways } = await import(/* webpackChunkName: "gateways" */ '../graph/workspace/gateways');
  return createGateways({ baseUrl: endpoint.baseUrl, getToken: endpoint.getToken });
}
