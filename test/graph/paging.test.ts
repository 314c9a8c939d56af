import { createGraphClient, RoundTripCounter, send } from '../../src/graph/client';
import { PageReadError, readAllPages, readAllPagesInBatch } from '../../src/graph/paging';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { connect, recordingSleep } from './helpers';

/** The one paging helper: the SDK's PageIterator for one collection, batch rounds for several. */
let t: TestTenant;
let allUsers: string[];
/** Users a page in the tests: several pages. */
const TOP = 5;
const pages = () => Math.ceil(allUsers.length / TOP);
beforeAll(async () => {
  t = await startTestTenant();
  const { client } = connect(t);
  const res = await send(client, { method: 'GET', url: '/users?$select=id&$top=999' });
  allUsers = (res.body as { value: { id: string }[] }).value.map((v) => v.id);
});
afterAll(() => t.close());

/** A client whose requests are recorded (URL and Prefer header), and can be made to fail. */
function recordingClient(fail?: (n: number) => number | undefined) {
  const seen: { url: string; prefer: string | null }[] = [];
  const counter = new RoundTripCounter();
  const client = createGraphClient({
    baseUrl: t.tenant.graphBase,
    getToken: () => t.token(),
    counter,
    retry: { sleep: recordingSleep().sleep },
    fetchImpl: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      seen.push({ url, prefer: new Headers(init?.headers).get('Prefer') });
      const status = fail?.(seen.length);
      if (status)
        return Response.json({ error: { code: 'accessDenied', message: 'Access denied.' } }, { status });
      return fetch(input, init);
    },
  });
  return { client, counter, seen };
}

describe('one collection, through the SDK’s PageIterator', () => {
  it('reads every page, one request each, with the same headers on every page', async () => {
    expect(pages()).toBeGreaterThan(2);
    const { client, counter, seen } = recordingClient();
    const items = await readAllPages<{ id: string }>(client, `/users?$select=id&$top=${TOP}`, {
      Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
    });
    expect(items.map((i) => i.id)).toEqual(allUsers);
    expect(counter.total).toBe(pages());
    expect(seen).toHaveLength(pages());
    for (const s of seen) expect(s.prefer).toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
    expect(new URL(seen[1]!.url).pathname).toBe('/v1.0/users');
  });

  it('hands back Graph’s answer when the first or a later page fails', async () => {
    const first = recordingClient((n) => (n === 1 ? 403 : undefined));
    const e1 = await readAllPages(first.client, `/users?$select=id&$top=${TOP}`).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(PageReadError);
    expect((e1 as PageReadError).res.status).toBe(403);

    const later = recordingClient((n) => (n === 2 ? 403 : undefined));
    const e2 = await readAllPages(later.client, `/users?$select=id&$top=${TOP}`).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(PageReadError);
    expect((e2 as PageReadError).res).toMatchObject({
      status: 403,
      body: { error: { code: 'accessDenied' } },
    });
  });
});

describe('several collections inside $batch (PageIterator cannot page there)', () => {
  it('follows the nextLinks that come back in batch parts, every round in one batch', async () => {
    const { client, counter } = recordingClient();
    const { items, failed, roundTrips } = await readAllPagesInBatch<{ id: string }>(client, [
      { id: 'paged', url: `/users?$select=id&$top=${TOP}` },
      { id: 'all at once', url: '/users?$select=id&$top=999' },
      { id: 'missing', url: '/sites/no-such-site/lists' },
    ]);
    expect(items.get('paged')!.map((i) => i.id)).toEqual(allUsers);
    expect(items.get('all at once')!.map((i) => i.id)).toEqual(allUsers);
    // One round a page of the longest collection; the others ride along in the first.
    expect(roundTrips).toBe(pages());
    expect(counter.total).toBe(pages());
    expect(items.has('missing')).toBe(false);
    expect(failed.get('missing')?.status).toBe(404);
    expect([...failed.keys()]).toEqual(['missing']);
  });
});
