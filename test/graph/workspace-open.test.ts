/**
 * Opening a review through the workspace gateway, against a seeded local tenant over real HTTP:
 * what the pages get to show (people by role, load problems, who can see the identity register).
 */
import { ProvisioningError } from '../../src/graph/review-site';
import { createGraphClient, RoundTripCounter } from '../../src/graph/client';
import { describeProblem } from '../../src/ui/shell/problems';
import {
  describeLoadProblems,
  gatewaysOver,
  toGatewayError,
  type OpenPhase,
} from '../../src/graph/workspace';
import { groupByRole } from '../../src/ui/features/people/hooks/usePeople';
import { startTestTenant, type TestTenant } from '../support/tenant';

const PRIYA = 'priya.raman@northmoor.example'; // review team, and in the register's private channel
const AMIRA = 'amira.khan@northmoor.example'; // business support: in the review Team, not the channel
// The family's real names: in the identity register only, never on a page.
const REAL_NAMES = /Sophie Lang|Chloe Lang/;

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant?.close());

function clientFor(user: string) {
  const counter = new RoundTripCounter();
  const client = createGraphClient({
    baseUrl: tenant.tenant.graphBase,
    getToken: () => tenant.token(user),
    counter,
    retry: { maxRetries: 0 },
  });
  return { client, counter };
}

async function teamId(user: string, name: RegExp): Promise<string> {
  const res = await tenant.graph('/me/joinedTeams', { as: user });
  const { value } = (await res.json()) as { value: { id: string; displayName: string }[] };
  const team = value.find((t) => name.test(t.displayName));
  if (!team) throw new Error(`${user} is in no Team named ${name}`);
  return team.id;
}

describe('opening a review', () => {
  test('the signed-in person and their review Teams come in one request', async () => {
    const { client, counter } = clientFor(PRIYA);
    const session = await gatewaysOver(client).workspace.session();
    expect(counter.log.map((r) => `${r.method} ${r.path}`)).toEqual([
      expect.stringMatching(/^POST .*\/\$batch$/),
    ]);
    expect(session.user.displayName).toBe('Priya Raman');
    expect(session.reviewTeams.map((t) => t.reference)).toContain('CR-2026-014');
  });

  test('an up-to-date site: one request, no writes, every role shown, the family by pseudonym only', async () => {
    const { client, counter } = clientFor(PRIYA);
    const phases: OpenPhase[] = [];
    const opened = await gatewaysOver(client).workspace.openReview(await teamId(PRIYA, /^CR-2026-014/), (p) =>
      phases.push(p),
    );

    // One batch checks the schema and reads every list, through the Team's own site path.
    expect(phases).toEqual(['loading']);
    expect(counter.log.map((r) => `${r.method} ${r.path}`)).toEqual([
      expect.stringMatching(/^POST .*\/\$batch$/),
    ]);
    expect(counter.writes).toBe(0);
    expect(opened.notice).toBeNull();
    expect(groupByRole(opened.people).map((g) => g.role)).toEqual([
      'lead-reviewer',
      'review-team',
      'case-group',
      'family',
    ]);
    expect(opened.people).toContainEqual(
      expect.objectContaining({ role: 'case-group', name: 'Jade Whitcombe', label: 'Social worker 1' }),
    );
    const family = opened.people.filter((p) => p.role === 'family');
    expect(family.map((p) => p.pseudonym)).toContain('Child S');
    for (const member of family)
      expect(Object.keys(member).sort()).toEqual(['id', 'pseudonym', 'relationship', 'role']);
    expect(JSON.stringify(opened)).not.toMatch(REAL_NAMES);
  });

  test('a Team whose site has no lists yet gets them on first open, then opens with nobody in it', async () => {
    const { client, counter } = clientFor(PRIYA);
    const groupId = await teamId(PRIYA, /^Safeguarding partnership/);
    const phases: OpenPhase[] = [];
    const first = await gatewaysOver(client).workspace.openReview(groupId, (p) => phases.push(p));
    expect(phases).toEqual(['loading', 'setting-up']);
    expect(counter.writes).toBeGreaterThan(0);
    expect(first.people).toEqual([]);
    expect(first.notice).toBeNull();

    counter.reset();
    await gatewaysOver(client).workspace.openReview(groupId);
    expect(counter.writes).toBe(0);
    expect(counter.total).toBe(1);
  });

  test('an entry that does not fit is reported by count and list, never by what it holds', async () => {
    const groupId = await teamId(PRIYA, /^CR-2026-014/);
    const site = (await (await tenant.graph(`/groups/${groupId}/sites/root`, { as: PRIYA })).json()) as {
      id: string;
    };
    // A case group member with no agency (the core requires one), holding a name that must not leak.
    const created = await tenant.graph(`/sites/${site.id}/lists/People/items`, {
      as: PRIYA,
      method: 'POST',
      json: {
        fields: { Title: 'Social worker 9', PersonRole: 'case-group', DisplayName: 'Zelda Quarrington' },
      },
    });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: string };
    try {
      const { client } = clientFor(PRIYA);
      const opened = await gatewaysOver(client).workspace.openReview(groupId);
      expect(opened.notice).toEqual({
        intent: 'warning',
        title: '1 entry could not be shown.',
        detail: '1 entry in People does not fit the list’s columns. Check them in the review’s site.',
      });
      expect(JSON.stringify(opened)).not.toMatch(/Zelda|Quarrington|Social worker 9/);
      // Everyone else still shows.
      expect(opened.people.some((p) => p.role === 'case-group' && p.name === 'Jade Whitcombe')).toBe(true);
    } finally {
      await tenant.graph(`/sites/${site.id}/lists/People/items/${item.id}`, { as: PRIYA, method: 'DELETE' });
    }
  });
});

describe('who can see the identity register', () => {
  test('a member of its private channel is told who the members are, and nothing of the register', async () => {
    const { client } = clientFor(PRIYA);
    const visibility = await gatewaysOver(client).workspace.registerVisibility(
      await teamId(PRIYA, /^CR-2026-014/),
    );
    expect(visibility).toEqual({
      state: 'member',
      channelName: 'Identity register',
      members: expect.arrayContaining(['Ruth Okonkwo-Hale', 'Declan Marsh', 'Priya Raman']),
    });
    if (visibility.state === 'member') expect(visibility.members).not.toContain('Amira Khan');
    expect(JSON.stringify(visibility)).not.toMatch(REAL_NAMES);
  });

  test('someone in the Team but not the channel reads who may see it, as a plain sentence', async () => {
    const { client, counter } = clientFor(AMIRA);
    const visibility = await gatewaysOver(client).workspace.registerVisibility(
      await teamId(AMIRA, /^CR-2026-014/),
    );
    expect(visibility.state).toBe('not-a-member');
    if (visibility.state === 'not-a-member') {
      expect(visibility.message).toMatch(/^The identity register is visible only to /);
      expect(visibility.message).toMatch(/ask a lead reviewer to add you/);
    }
    expect(JSON.stringify(visibility)).not.toMatch(REAL_NAMES);
    expect(counter.writes).toBe(0);
  });
});

describe('problems in plain words', () => {
  test('load problems are counted by kind and named by list; their messages are never shown', () => {
    const notice = describeLoadProblems([
      { list: 'Findings', kind: 'list-unreadable', message: 'Findings: Jade Whitcombe was absent' },
      { list: 'People', itemId: '7', kind: 'invalid-item', message: 'Item 7: Zelda Quarrington' },
      { list: 'People', itemId: '8', kind: 'invalid-item', message: 'Item 8' },
      { list: 'KeyPracticeEpisodes', kind: 'invalid-reference', message: 'Child S episode' },
    ]);
    expect(notice?.title).toBe('1 list of the review could not be read.');
    expect(notice?.detail).toMatch(/Findings/);
    expect(notice?.detail).toMatch(/2 entries in People do not fit/);
    expect(notice?.detail).toMatch(/1 entry in Key practice episodes refers to something/);
    expect(JSON.stringify(notice)).not.toMatch(/Jade|Zelda|Child S|absent/);
    expect(describeLoadProblems([])).toBeNull();
    expect(describeLoadProblems([], 1)?.title).toBe('The review’s site could not be fully updated.');
  });

  test("setting up the site fails in the product's words, never Graph's", () => {
    const denied = describeProblem(
      toGatewayError(
        new ProvisioningError(
          'The review’s site is missing lists this product needs, and you may not add them. A lead reviewer (an owner of the review’s Team) can set them up by opening the review once.',
        ),
      ),
    );
    expect(denied.title).toBe('The review’s site is not set up yet.');
    const other = describeProblem(
      toGatewayError(
        new ProvisioningError(
          'A list of the review’s site could not be created (Access denied for priya.raman).',
        ),
      ),
    );
    expect(other.title).toBe('The review’s site could not be set up.');
    expect(JSON.stringify(other)).not.toMatch(/priya/i);
  });
});
