import { createGraphClient } from '../../src/graph/client';
import { getReviewTeams, reviewReference } from '../../src/graph/workspace/review-teams';

const BASE = 'http://localhost:4999/v1.0';

/** A scripted Graph: answers by path, records what was asked and with which Authorization header. */
function fakeGraph(routes: Record<string, unknown>) {
  const calls: { url: string; authorization: string | null }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, authorization: new Headers(init?.headers).get('Authorization') });
    const key = Object.keys(routes).find(
      (k) => url.startsWith(`${BASE}${k}`) && url.slice(BASE.length + k.length).match(/^(\?|$)/),
    );
    if (!key)
      return new Response(JSON.stringify({ error: { code: 'itemNotFound', message: 'Not found' } }), {
        status: 404,
      });
    return new Response(JSON.stringify(routes[key]), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof fetch;
  const client = createGraphClient({
    baseUrl: BASE,
    getToken: async () => 'secret-token',
    fetchImpl,
    retry: { maxRetries: 0 },
  });
  return { client, calls };
}

describe('review data read through Graph', () => {
  test('the reference code comes from the Team name; other Teams are not reviews', () => {
    expect(reviewReference('CR-2026-014 Learning review')).toBe('CR-2026-014');
    expect(reviewReference('Safeguarding partnership business')).toBeNull();
  });

  test('joined Teams are filtered to review Teams, ordered by reference', async () => {
    const { client } = fakeGraph({
      '/me/joinedTeams': {
        value: [
          { id: 'g2', displayName: 'CR-2026-020 Rapid review' },
          { id: 'g0', displayName: 'Safeguarding partnership business' },
          { id: 'g1', displayName: 'CR-2026-014 Learning review' },
        ],
      },
    });
    expect(await getReviewTeams(client)).toEqual([
      { id: 'g1', displayName: 'CR-2026-014 Learning review', reference: 'CR-2026-014' },
      { id: 'g2', displayName: 'CR-2026-020 Rapid review', reference: 'CR-2026-020' },
    ]);
  });
});
