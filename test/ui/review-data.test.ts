import { createGraphClient } from '../../src/graph/client';
import { getReviewPeople, getReviewTeams, reviewReference } from '../../src/ui/workspace/review-data';
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

const person = (id: string, fields: Record<string, unknown>) => ({ id, fields });

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

  test("the People list is read from the Team's root site, following every nextLink page, with the token", async () => {
    const { client, calls } = fakeGraph({
      '/groups/g1/sites/root': { id: 'host,site-guid,web-guid' },
      '/sites/host,site-guid,web-guid/lists/People/items': {
        value: [
          person('1', {
            Title: 'Lead reviewer 1',
            PersonRole: 'lead-reviewer',
            DisplayName: 'Ruth Okonkwo-Hale',
          }),
          person('2', {
            Title: 'Social worker 1',
            PersonRole: 'case-group',
            DisplayName: 'Jade Whitcombe',
            Organisation: 'internal',
          }),
        ],
        // An absolute http:// nextLink, as the local tenant sends it.
        '@odata.nextLink': `${BASE}/sites/host,site-guid,web-guid/lists/People/items/page2?$skiptoken=2`,
      },
      '/sites/host,site-guid,web-guid/lists/People/items/page2': {
        value: [
          // A family row never shows a name, even when one was put in it by mistake.
          person('3', {
            Title: 'Child S',
            PersonRole: 'family',
            DisplayName: 'A real name',
            JobRole: 'subject child',
          }),
          person('4', { Title: 'Someone', PersonRole: 'not-a-role' }),
        ],
      },
    });
    const { people, unreadable } = await getReviewPeople(client, 'g1');
    expect(people.map((p) => [p.label, p.role, p.name])).toEqual([
      ['Lead reviewer 1', 'lead-reviewer', 'Ruth Okonkwo-Hale'],
      ['Social worker 1', 'case-group', 'Jade Whitcombe'],
      ['Child S', 'family', undefined],
    ]);
    expect(unreadable).toBe(1);
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/groups/g1/sites/root`,
      `${BASE}/sites/host,site-guid,web-guid/lists/People/items?$expand=fields&$top=200`,
      `${BASE}/sites/host,site-guid,web-guid/lists/People/items/page2?$skiptoken=2`,
    ]);
    expect(calls.every((c) => c.authorization === 'Bearer secret-token')).toBe(true);
  });

  test('people are grouped in the order of the method, empty roles left out', () => {
    const groups = groupByRole([
      { id: '1', label: 'Child S', role: 'family' },
      { id: '2', label: 'Lead reviewer 1', role: 'lead-reviewer' },
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
