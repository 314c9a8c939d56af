import { createGraphClient } from '../../src/graph/client';
import { getReviewTeams, reviewReference } from '../../src/ui/workspace/review-data';
import { groupByRole } from '../../src/ui/workspace/roles';
import { currentReview } from '../../src/ui/workspace/useReviewWorkspace';

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

  test('people are grouped in the order of the method, empty roles left out', () => {
    const groups = groupByRole([
      { id: '1', role: 'family', pseudonym: 'Child S', relationship: 'subject child' },
      {
        id: '2',
        role: 'lead-reviewer',
        name: 'Ruth Okonkwo-Hale',
        label: 'Lead reviewer',
        jobRole: 'Lead reviewer',
      },
    ]);
    expect(groups.map((g) => g.role)).toEqual(['lead-reviewer', 'family']);
  });

  test("the review shown: the user's choice, else the tab's Team in Teams, else the first", () => {
    const reviews = [
      { id: 'g1', displayName: 'CR-2026-014 Learning review', reference: 'CR-2026-014' },
      { id: 'g2', displayName: 'CR-2026-020 Rapid review', reference: 'CR-2026-020' },
    ];
    const browser = { kind: 'browser' as const, theme: 'light' as const };
    expect(currentReview(reviews, browser, null)?.id).toBe('g1');
    expect(currentReview(reviews, browser, 'g2')?.id).toBe('g2');
    expect(currentReview(reviews, { ...browser, kind: 'teams', groupId: 'g2' }, null)?.id).toBe('g2');
    expect(currentReview([], browser, null)).toBeNull();
    expect(
      currentReview([], { ...browser, kind: 'teams', groupId: 'g9', teamName: 'CR-2027-001 Review' }, null),
    ).toEqual({
      id: 'g9',
      displayName: 'CR-2027-001 Review',
      reference: 'CR-2027-001',
    });
  });
});
