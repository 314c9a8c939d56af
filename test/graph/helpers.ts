import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import type { Sleep } from '../../src/graph/retry';
import { gatewaysOver } from '../../src/graph/workspace';
import type { TestTenant } from '../support/tenant';

/**
 * A sleep that records each wait (in ms) and resolves at once: fault tests do not wait in real
 * time, and can check how long the product would have waited.
 */
export function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

export const BUSINESS_SUPPORT = 'amira.khan@northmoor.example';
export const REGISTER_MEMBER = 'priya.raman@northmoor.example';

/**
 * A Graph client signed in as `user` on the test tenant, with a round-trip counter. The SDK's
 * RetryHandler waits through `sleep` (by default one that resolves at once).
 */
export function connect(
  t: TestTenant,
  user?: string,
  sleep: Sleep = recordingSleep().sleep,
): { client: Client; counter: RoundTripCounter } {
  const counter = new RoundTripCounter();
  const client = createGraphClient({
    baseUrl: t.tenant.graphBase,
    getToken: () => t.token(user),
    counter,
    retry: { delaySeconds: 0, maxRetries: 5, sleep },
  });
  return { client, counter };
}

/** The product's gateways over `connect`'s client: what a screen of the tab uses, signed in as `user`. */
export const gatewaysFor = (t: TestTenant, user?: string) => gatewaysOver(connect(t, user).client);

export async function teamIdByName(t: TestTenant, name: string, user?: string): Promise<string> {
  const teams = (await (await t.graph('/me/joinedTeams', { as: user })).json()) as {
    value: { id: string; displayName: string }[];
  };
  const team = teams.value.find((x) => x.displayName === name);
  if (!team) throw new Error(`no team ${name}`);
  return team.id;
}

export const REVIEW_TEAM = 'CR-2026-014 Learning review';
export const PARTNERSHIP_TEAM = 'Safeguarding partnership business';

/** Operations the tenant ran that could change data, from its own statistics. */
export async function tenantStats(t: TestTenant): Promise<{ httpRequests: number; operations: number }> {
  return (await (await fetch(`${t.tenant.url}/_local/stats`)).json()) as {
    httpRequests: number;
    operations: number;
  };
}
