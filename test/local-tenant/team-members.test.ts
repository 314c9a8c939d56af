import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Adding people to a Team and to its private channel, as Graph does (team-post-members,
 * channel-post-members): only owners may add; a private channel's member must be in the Team first.
 */

const PRIYA = 'priya.raman@northmoor.example'; // review team, not an owner
const RACHEL = 'rachel.moss@northmoor.example'; // in the tenant, not in the review's Team
const OLIVER = 'oliver.grant@northmoor.example';

let t: TestTenant;
let teamId: string;
let registerId: string;
const userId = async (upn: string) => ((await (await t.graph(`/users/${upn}`)).json()) as { id: string }).id;
const member = (id: string, roles: string[] = []) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles,
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
});
const teamMembers = async (as?: string) =>
  (
    (await (await t.graph(`/teams/${teamId}/members`, { as })).json()) as {
      value: { displayName: string; roles: string[]; userId: string }[];
    }
  ).value;

beforeAll(async () => {
  t = await startTestTenant();
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  teamId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
  const channels = (await (await t.graph(`/teams/${teamId}/channels`)).json()) as {
    value: { id: string; displayName: string }[];
  };
  registerId = channels.value.find((c) => c.displayName === 'Identity register')!.id;
});
afterAll(() => t.close());

describe('team members', () => {
  it('lists the Team with its owners and guests', async () => {
    const members = await teamMembers(PRIYA);
    expect(members.find((m) => m.displayName === 'Ruth Okonkwo-Hale')!.roles).toEqual(['owner']);
    expect(members.find((m) => m.displayName === 'Tom Ashworth')!.roles).toEqual(['guest']);
    expect(members.find((m) => m.displayName === 'Priya Raman')!.roles).toEqual([]);
    expect(members.some((m) => m.displayName === 'Rachel Moss')).toBe(false);
  });

  it('refuses a member who is not an owner with 403 Forbidden, and adds nothing', async () => {
    const res = await t.graph(`/teams/${teamId}/members`, {
      method: 'POST',
      as: PRIYA,
      json: member(await userId(RACHEL)),
    });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'Forbidden', innerError: { code: 'AccessDenied' } });
    expect((await teamMembers()).some((m) => m.displayName === 'Rachel Moss')).toBe(false);
  });

  it('lets an owner add someone, who then sees the Team and its site', async () => {
    const id = await userId(RACHEL);
    const res = await t.graph(`/teams/${teamId}/members`, { method: 'POST', json: member(id) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      userId: id,
      roles: [],
      displayName: 'Rachel Moss',
    });
    const joined = (await (await t.graph('/me/joinedTeams', { as: RACHEL })).json()) as {
      value: { id: string }[];
    };
    expect(joined.value.map((x) => x.id)).toContain(teamId);
    expect((await t.graph(`/groups/${teamId}/sites/root`, { as: RACHEL })).status).toBe(200);
    // Added twice: Graph answers 201 with the member unchanged.
    const again = await t.graph(`/teams/${teamId}/members`, { method: 'POST', json: member(id) });
    expect(again.status).toBe(201);
    expect((await teamMembers()).filter((m) => m.userId === id)).toHaveLength(1);
  });

  it('answers 404 for a user the directory does not know, 400 for a body that is not a member', async () => {
    const unknown = await t.graph(`/teams/${teamId}/members`, {
      method: 'POST',
      json: member('00000000-0000-0000-0000-000000000000'),
    });
    expect(unknown.status).toBe(404);
    const bad = await t.graph(`/teams/${teamId}/members`, {
      method: 'POST',
      json: { roles: [], 'user@odata.bind': 'x' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('private channel members', () => {
  const path = () => `/teams/${teamId}/channels/${encodeURIComponent(registerId)}/members`;

  it('refuses someone who is not yet in the Team', async () => {
    const res = await t.graph(path(), { method: 'POST', json: member(await userId(OLIVER)) });
    expect(res.status).toBe(400);
  });

  it('refuses a channel member who does not own the channel', async () => {
    const res = await t.graph(path(), { method: 'POST', as: PRIYA, json: member(await userId(RACHEL)) });
    expect(res.status).toBe(403);
  });

  it('lets the channel owner add a Team member, who can then read the register channel', async () => {
    expect((await t.graph(path(), { as: RACHEL })).status).toBe(403);
    const res = await t.graph(path(), { method: 'POST', json: member(await userId(RACHEL)) });
    expect(res.status).toBe(201);
    const members = (await (await t.graph(path(), { as: RACHEL })).json()) as {
      value: { displayName: string }[];
    };
    expect(members.value.map((m) => m.displayName)).toContain('Rachel Moss');
  });
});
