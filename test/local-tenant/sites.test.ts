import { startTestTenant, type TestTenant } from '../support/tenant';

const AMIRA = 'amira.khan@northmoor.example'; // review team member, not in the identity register channel
const OLIVER = 'oliver.grant@northmoor.example'; // not a member of the review team

let t: TestTenant;
let groupId: string;
beforeAll(async () => {
  t = await startTestTenant();
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  groupId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
});
afterAll(() => t.close());

describe('sites', () => {
  it("answers a group's team site at /groups/{id}/sites/root as Graph writes a site", async () => {
    const res = await t.graph(`/groups/${groupId}/sites/root`);
    expect(res.status).toBe(200);
    const site = await res.json();
    expect(site).toMatchObject({
      '@odata.context': `${t.tenant.graphBase}/$metadata#sites/$entity`,
      name: 'CR-2026-014',
      displayName: 'CR-2026-014 Learning review',
      webUrl: 'https://northmoor.sharepoint.com/sites/CR-2026-014',
      siteCollection: { hostname: 'northmoor.sharepoint.com' },
    });
    // Site ids are "{hostname},{site collection id},{web id}".
    expect(site.id).toMatch(/^northmoor\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(site.createdDateTime).toMatch(/Z$/);
  });

  it('gets the same site by id and by URL, with or without the trailing colon', async () => {
    const site = await (await t.graph(`/groups/${groupId}/sites/root`)).json();
    const byId = await (await t.graph(`/sites/${site.id}`)).json();
    expect(byId.id).toBe(site.id);
    for (const form of [
      '/sites/northmoor.sharepoint.com:/sites/CR-2026-014',
      '/sites/northmoor.sharepoint.com:/sites/CR-2026-014:',
      '/sites/northmoor.sharepoint.com:/sites/cr-2026-014:/',
    ]) {
      const res = await t.graph(form);
      expect([form, res.status]).toEqual([form, 200]);
      expect((await res.json()).id).toBe(site.id);
    }
  });

  it('runs requests below a site addressed by URL as by id (colon addressing)', async () => {
    const res = await t.graph(
      '/sites/northmoor.sharepoint.com:/sites/CR-2026-014:/lists/People/items?$top=2',
    );
    expect(res.status).toBe(200);
    expect((await res.json()).value).toHaveLength(2);
  });

  it("runs requests below a group's site path as by the site's id, for the group's members only", async () => {
    const site = await (await t.graph(`/groups/${groupId}/sites/root`)).json();
    const byId = await (await t.graph(`/sites/${site.id}/lists/People/items?$expand=fields`)).json();
    const res = await t.graph(`/groups/${groupId}/sites/root/lists/People/items?$expand=fields`);
    expect(res.status).toBe(200);
    const byGroup = await res.json();
    expect(byGroup.value.map((i: { id: string }) => i.id)).toEqual(
      byId.value.map((i: { id: string }) => i.id),
    );
    expect(byGroup.value.length).toBeGreaterThan(0);
    // The site's own id in place of "root" is the same site; another site's id is not.
    expect((await t.graph(`/groups/${groupId}/sites/${site.id}/lists/People`)).status).toBe(200);
    expect((await t.graph(`/groups/${groupId}/sites/other-site/lists/People`)).status).toBe(404);
    expect((await t.graph(`/groups/${groupId}/sites/root/lists/People/items`, { as: OLIVER })).status).toBe(
      403,
    );
  });

  it('answers 404 itemNotFound for an unknown site, host or path (no traversal)', async () => {
    for (const path of [
      '/sites/northmoor.sharepoint.com:/sites/NoSuchSite',
      '/sites/other.sharepoint.com:/sites/CR-2026-014',
      '/sites/northmoor.sharepoint.com:/sites/CR-2026-014%2F..%2F..%2Fsites%2FSafeguardingPartnership',
      '/sites/northmoor.sharepoint.com,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000',
    ]) {
      const res = await t.graph(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect((await res.json()).error.code).toBe('itemNotFound');
    }
  });

  it('keeps a site from people outside its group, and a private channel site from people outside the channel', async () => {
    expect((await t.graph(`/groups/${groupId}/sites/root`, { as: OLIVER })).status).toBe(403);
    const site = await (await t.graph(`/groups/${groupId}/sites/root`)).json();
    const denied = await t.graph(`/sites/${site.id}`, { as: OLIVER });
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe('accessDenied');

    const register = '/sites/northmoor.sharepoint.com:/sites/CR-2026-014-IdentityRegister';
    expect((await t.graph(register)).status).toBe(200); // a lead reviewer is a channel member
    expect((await t.graph(register, { as: AMIRA })).status).toBe(403); // team member, not channel member
    expect((await t.graph(`/sites/${site.id}`, { as: AMIRA })).status).toBe(200);
  });
});
