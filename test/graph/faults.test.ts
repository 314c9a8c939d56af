import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import { provisionReviewSite, type ProvisionedSite } from '../../src/graph/review-site/provisioning';
import { ReviewStore } from '../../src/graph/review-site/store';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { REVIEW_TEAM, connect, recordingSleep, teamIdByName } from './helpers';

// Real HTTP against a local tenant, with retries: more than jest's default 5 s. The waits between
// retries are recorded, not slept.
jest.setTimeout(60_000);

/**
 * Throttling and lost answers. List item creates are not idempotent in Graph: each item carries a
 * client key (CrwId) chosen before the request, so a create whose answer was lost is looked up
 * before it is sent again and the review never gets a duplicate.
 */
let t: TestTenant;
let site: ProvisionedSite;
beforeAll(async () => {
  t = await startTestTenant();
  const { client } = connect(t);
  site = await provisionReviewSite(client, { groupId: await teamIdByName(t, REVIEW_TEAM) });
});
afterAll(() => t.close());
afterEach(() => t.tenant.faults.configure({ rules: [] }));

const conversation = (i: number) => ({
  participant: `case-group-${(i % 12) + 1}`,
  reviewers: ['lead-reviewer-1'],
  status: 'proposed' as const,
});

async function countByKey(ids: string[]) {
  const { client } = connect(t);
  const loaded = await new ReviewStore(client, site).load();
  const keys = loaded.conversations.map((c) => c.value.id);
  return ids.map((id) => keys.filter((k) => k === id).length);
}

describe('with 429 on 20% of requests', () => {
  it('loads the whole review and creates a series of items, each exactly once', async () => {
    t.tenant.faults.configure({ seed: 2026, rules: [{ path: '.*', throttle: 0.2, retryAfterSeconds: 1 }] });
    const { sleep, waits } = recordingSleep();
    const { client, counter } = connect(t, undefined, sleep);
    const s = new ReviewStore(client, site, { sleep });
    const loaded = await s.load();
    expect(loaded.problems).toEqual([]);
    expect(loaded.caseGroup).toHaveLength(12);

    const many = await s.createMany(
      'conversation',
      Array.from({ length: 30 }, (_, i) => conversation(i)),
    );
    const singles = [];
    for (let i = 0; i < 8; i++) singles.push(await s.create('conversation', conversation(i)));
    t.tenant.faults.configure({ rules: [] });

    const stats = (await (await fetch(`${t.tenant.url}/_local/stats`)).json()) as { faultsInjected: number };
    expect(stats.faultsInjected).toBeGreaterThan(5);
    expect(counter.total).toBeGreaterThan(0);
    const ids = [...many, ...singles].map((c) => c.value.id);
    expect(new Set(ids).size).toBe(38);
    expect(await countByKey(ids)).toEqual(ids.map(() => 1));
    // Every wait, single request (the SDK's RetryHandler) or batch part, was the tenant's Retry-After.
    expect(waits.length).toBeGreaterThan(0);
    expect(new Set(waits)).toEqual(new Set([1000]));
  });
});

describe('when the answer to a create is lost after the item was made', () => {
  /** A fetch that lets the request through, then loses the answer: every `lose`-th POST of an item. */
  function losingFetch(lose: (n: number) => boolean): typeof fetch {
    let n = 0;
    return async (input, init) => {
      const res = await fetch(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method === 'POST' && /\/items$/.test(url) && lose(++n)) throw new TypeError('fetch failed');
      if (init?.method === 'POST' && /\/\$batch$/.test(url)) {
        // The batch ran; report its creates as gateway timeouts, as if the parts' answers were lost.
        const body = (await res.json()) as { responses: { id: string; status: number; body?: unknown }[] };
        for (const part of body.responses)
          if (part.status === 201 && lose(++n)) {
            part.status = 504;
            part.body = { error: { code: 'UnknownError', message: 'The gateway timed out.' } };
          }
        return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
      }
      return res;
    };
  }

  it('finds the item by its key instead of creating it again (single and batched creates)', async () => {
    const counter = new RoundTripCounter();
    const { sleep } = recordingSleep();
    const client = createGraphClient({
      baseUrl: t.tenant.graphBase,
      getToken: () => t.token(),
      counter,
      fetchImpl: losingFetch((n) => n % 2 === 1),
      retry: { sleep },
    });
    const s = new ReviewStore(client, site, { sleep });
    const one = await s.create('conversation', conversation(1));
    const batch = await s.createMany(
      'conversation',
      Array.from({ length: 12 }, (_, i) => conversation(i)),
    );
    const ids = [one, ...batch].map((c) => c.value.id);
    expect(await countByKey(ids)).toEqual(ids.map(() => 1));
    for (const c of [one, ...batch]) expect(c.itemId).toMatch(/^\d+$/);
  });
});
