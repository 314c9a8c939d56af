import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Channels as Graph lists them (channel-list): "Teams members can't see private or shared channels
 * that they aren't members of in the response for this API."
 */

const AMIRA = 'amira.khan@northmoor.example'; // in the review team, not in the identity register channel
const OLIVER = 'oliver.grant@northmoor.example'; // not in the review team

let t: TestTenant;
let teamId: string;
beforeAll(async () => {
  t = await startTestTenant();
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  teamId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
});
afterAll(() => t.close());

const channelNames = (body: { value: { displayName: string }[] }) => body.value.map((c) => c.displayName);

describe('team channels', () => {
  it('lists a private channel to its members only', async () => {
    const lead = await (await t.graph(`/teams/${teamId}/channels`)).json();
    expect(channelNames(lead)).toEqual(['General', 'Identity register']);
    expect(lead.value[1]).toMatchObject({
      membershipType: 'private',
      id: expect.stringMatching(/^19:.+@thread\.tacv2$/),
    });
    const member = await (await t.graph(`/teams/${teamId}/channels`, { as: AMIRA })).json();
    expect(channelNames(member)).toEqual(['General']);
  });

  it('filters on membershipType and selects properties', async () => {
    const res = await t.graph(
      `/teams/${teamId}/channels?$filter=${encodeURIComponent("membershipType eq 'private'")}&$select=displayName`,
    );
    const body = await res.json();
    expect(channelNames(body)).toEqual(['Identity register']);
    expect(Object.keys(body.value[0]).sort()).toEqual(['displayName', 'id']);
  });

  it('gets a channel, and keeps a private one from team members outside it', async () => {
    const channels = await (await t.graph(`/teams/${teamId}/channels`)).json();
    const register = channels.value.find(
      (c: { displayName: string }) => c.displayName === 'Identity register',
    );
    const path = `/teams/${teamId}/channels/${encodeURIComponent(register.id)}`;
    expect((await t.graph(path)).status).toBe(200);
    expect((await t.graph(path, { as: AMIRA })).status).toBe(403);
    expect((await t.graph(`${path}/members`, { as: AMIRA })).status).toBe(403);
  });

  it('lists who can see the identity register: the channel members, with their roles', async () => {
    const channels = await (await t.graph(`/teams/${teamId}/channels`)).json();
    const register = channels.value.find(
      (c: { displayName: string }) => c.displayName === 'Identity register',
    );
    const res = await t.graph(`/teams/${teamId}/channels/${encodeURIComponent(register.id)}/members`);
    expect(res.status).toBe(200);
    const members = (await res.json()).value as { displayName: string; roles: string[]; userId: string }[];
    expect(members.map((m) => m.displayName).sort()).toEqual([
      'Declan Marsh',
      'Priya Raman',
      'Ruth Okonkwo-Hale',
    ]);
    expect(members.find((m) => m.displayName === 'Ruth Okonkwo-Hale')!.roles).toEqual(['owner']);
    expect(members[0]).toMatchObject({ '@odata.type': '#microsoft.graph.aadUserConversationMember' });
    const general = channels.value.find((c: { displayName: string }) => c.displayName === 'General');
    const all = await (
      await t.graph(`/teams/${teamId}/channels/${encodeURIComponent(general.id)}/members`)
    ).json();
    expect(all.value.length).toBeGreaterThan(members.length);
  });

  it("gives each channel's files folder: the team site's for a standard channel, the channel's own site for a private one", async () => {
    const channels = await (await t.graph(`/teams/${teamId}/channels`)).json();
    const folderOf = async (name: string, as?: string) => {
      const c = channels.value.find((x: { displayName: string }) => x.displayName === name);
      return t.graph(`/teams/${teamId}/channels/${encodeURIComponent(c.id)}/filesFolder`, as ? { as } : {});
    };
    const general = await folderOf('General');
    expect(general.status).toBe(200);
    const g = await general.json();
    expect(g).toMatchObject({
      name: 'General',
      folder: { childCount: 0 },
      parentReference: { driveType: 'documentLibrary' },
    });
    expect(g.webUrl).toBe('https://northmoor.sharepoint.com/sites/CR-2026-014/Shared%20Documents/General');
    // The same folder on every call.
    expect((await (await folderOf('General')).json()).id).toBe(g.id);

    const register = await (await folderOf('Identity register')).json();
    expect(register.webUrl).toBe(
      'https://northmoor.sharepoint.com/sites/CR-2026-014-IdentityRegister/Shared%20Documents/Identity%20register',
    );
    expect(register.parentReference.driveId).not.toBe(g.parentReference.driveId);
    // The folder is reachable through the drive API too.
    const byId = await t.graph(`/drives/${register.parentReference.driveId}/items/${register.id}`);
    expect(byId.status).toBe(200);
    expect(
      (await t.graph(`/drives/${register.parentReference.driveId}/items/${register.id}`, { as: AMIRA }))
        .status,
    ).toBe(403);
  });

  it('answers 403 outside the team and 404 for a team that does not exist', async () => {
    expect((await t.graph(`/teams/${teamId}/channels`, { as: OLIVER })).status).toBe(403);
    const missing = await t.graph('/teams/00000000-0000-0000-0000-000000000000/channels');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('NotFound');
  });

  it('creates a private channel with its members and its own site (channel-post); refuses what Graph refuses', async () => {
    const me = (await (await t.graph('/me')).json()) as { id: string };
    const amira = (await (await t.graph(`/users/${AMIRA}`)).json()) as { id: string };
    const oliver = (await (await t.graph(`/users/${OLIVER}`)).json()) as { id: string };
    const member = (id: string, roles: string[] = []) => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
      roles,
    });
    const post = (body: unknown) => t.graph(`/teams/${teamId}/channels`, { method: 'POST', json: body });
    // Someone outside the team cannot be a member of its private channel.
    const outsider = await post({
      displayName: 'Panel',
      membershipType: 'private',
      members: [member(me.id, ['owner']), member(oliver.id)],
    });
    expect(outsider.status).toBe(400);
    // A name another channel has (even one this user cannot see) is refused.
    expect((await post({ displayName: 'general', membershipType: 'standard' })).status).toBe(400);
    expect((await post({ displayName: 'x'.repeat(51), membershipType: 'private' })).status).toBe(400);

    const res = await post({
      displayName: 'Panel',
      description: 'Panel members',
      membershipType: 'private',
      members: [member(me.id, ['owner']), member(amira.id)],
    });
    expect(res.status).toBe(201);
    const channel = (await res.json()) as { id: string; membershipType: string; displayName: string };
    expect(channel).toMatchObject({ displayName: 'Panel', membershipType: 'private' });
    expect(channelNames(await (await t.graph(`/teams/${teamId}/channels`, { as: AMIRA })).json())).toContain(
      'Panel',
    );
    const folder = await t.graph(`/teams/${teamId}/channels/${encodeURIComponent(channel.id)}/filesFolder`, {
      as: AMIRA,
    });
    expect(folder.status).toBe(200);
    const { parentReference } = (await folder.json()) as { parentReference: { siteId: string } };
    // The channel's own site: its members read it, other members of the team do not.
    expect((await t.graph(`/sites/${parentReference.siteId}`, { as: AMIRA })).status).toBe(200);
    const priya = 'priya.raman@northmoor.example';
    expect((await t.graph(`/sites/${parentReference.siteId}`, { as: priya })).status).toBe(403);
  });
});
