import { provisionReviewSite, readSiteLists, findList } from '../../src/graph/review-site/provisioning';
import {
  REVIEW_SITE_LISTS,
  BUILT_IN_COLUMNS,
  SCHEMA_VERSION,
  schemaVersionOf,
  REVIEW_LIST,
} from '../../src/graph/review-site/schema';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { BUSINESS_SUPPORT, PARTNERSHIP_TEAM, REVIEW_TEAM, connect, teamIdByName } from './helpers';

// Real HTTP against a local tenant, with retries: more than jest's default 5 s.
jest.setTimeout(60_000);

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(() => t.close());

/** Every spec list exists once and holds every spec column once. */
async function expectComplete(user: string, siteId: string) {
  const { client } = connect(t, user);
  const lists = await readSiteLists(client, siteId);
  for (const spec of REVIEW_SITE_LISTS) {
    const matching = lists.filter((l) => l.displayName === spec.displayName);
    expect(matching).toHaveLength(1);
    for (const column of spec.columns.filter((c) => !BUILT_IN_COLUMNS.has(c.name)))
      expect(matching[0]!.columns.filter((n) => n === column.name)).toHaveLength(1);
  }
  return lists;
}

describe('provisioning a review site', () => {
  it('makes no change to the seeded demo review site, in a few reads', async () => {
    const { client, counter } = connect(t);
    const groupId = await teamIdByName(t, REVIEW_TEAM);
    const site = await provisionReviewSite(client, { groupId });
    expect(site.writes).toBe(0);
    expect(counter.writes).toBe(0);
    expect(counter.total).toBe(2); // the site, then its lists with their columns
    expect(site.schemaVersionBefore).toBe(SCHEMA_VERSION);
    expect(Object.keys(site.lists).sort()).toEqual(REVIEW_SITE_LISTS.map((l) => l.name).sort());
  });

  it('creates every list, column and the library in an empty site; a second run writes nothing', async () => {
    const groupId = await teamIdByName(t, PARTNERSHIP_TEAM, BUSINESS_SUPPORT);
    const { client } = connect(t, BUSINESS_SUPPORT);
    const first = await provisionReviewSite(client, { groupId });
    expect(first.created.lists.sort()).toEqual(REVIEW_SITE_LISTS.map((l) => l.name).sort());
    const lists = await expectComplete(BUSINESS_SUPPORT, first.siteId);
    expect(
      findList(
        lists,
        REVIEW_SITE_LISTS.find((l) => l.template === 'documentLibrary')!,
      )!.template,
    ).toBe('documentLibrary');
    expect(schemaVersionOf(findList(lists, REVIEW_LIST)!.columns)).toBe(SCHEMA_VERSION);

    const again = connect(t, BUSINESS_SUPPORT);
    const second = await provisionReviewSite(again.client, { groupId });
    expect(second.writes).toBe(0);
    expect(again.counter.writes).toBe(0);
    expect(second.lists).toEqual(first.lists);
  });

  it('finds the site by its SharePoint address too', async () => {
    const { client } = connect(t);
    const site = await provisionReviewSite(client, {
      url: 'https://northmoor.sharepoint.com/sites/CR-2026-014',
    });
    expect(site.writes).toBe(0);
  });

  it('says plainly when the user cannot reach the site', async () => {
    const groupId = await teamIdByName(t, PARTNERSHIP_TEAM, BUSINESS_SUPPORT);
    const { client } = connect(t); // a lead reviewer of another review
    await expect(provisionReviewSite(client, { groupId })).rejects.toThrow(
      /do not have access|could not be found/,
    );
  });
});

describe('provisioning raced by two clients', () => {
  let fresh: TestTenant;
  beforeAll(async () => {
    fresh = await startTestTenant();
  });
  afterAll(() => fresh.close());

  it('ends with exactly one of each list and column', async () => {
    const groupId = await teamIdByName(fresh, PARTNERSHIP_TEAM, BUSINESS_SUPPORT);
    const a = connect(fresh, BUSINESS_SUPPORT);
    const b = connect(fresh, BUSINESS_SUPPORT);
    const [ra, rb] = await Promise.all([
      provisionReviewSite(a.client, { groupId }),
      provisionReviewSite(b.client, { groupId }),
    ]);
    expect(ra.lists).toEqual(rb.lists);
    const { client } = connect(fresh, BUSINESS_SUPPORT);
    const lists = await readSiteLists(client, ra.siteId);
    for (const spec of REVIEW_SITE_LISTS) {
      const matching = lists.filter((l) => l.displayName === spec.displayName);
      expect(matching).toHaveLength(1);
      for (const column of spec.columns.filter((c) => !BUILT_IN_COLUMNS.has(c.name)))
        expect(matching[0]!.columns.filter((n) => n === column.name)).toHaveLength(1);
    }
    // Between them, each list was created once.
    expect([...ra.created.lists, ...rb.created.lists].sort()).toEqual(
      REVIEW_SITE_LISTS.map((l) => l.name).sort(),
    );
  });
});

describe('provisioning whose answers are lost after the lists were created', () => {
  it.each([
    ['the batch’s connection drops', { path: '^/\\$batch$', method: 'POST', dropAfterWrite: 1 }],
    ['each list create answers 504', { path: '/lists$', method: 'POST', gatewayTimeoutAfterWrite: 1 }],
  ])('when %s, ends with exactly one of each list and column', async (_l, rule) => {
    const fresh = await startTestTenant();
    try {
      const groupId = await teamIdByName(fresh, PARTNERSHIP_TEAM, BUSINESS_SUPPORT);
      fresh.tenant.faults.configure({ rules: [{ ...rule, times: 1 }] });
      const { client } = connect(fresh, BUSINESS_SUPPORT);
      const site = await provisionReviewSite(client, { groupId }, { sleep: async () => undefined });
      const stats = (await (await fetch(`${fresh.tenant.url}/_local/stats`)).json()) as {
        faultsAfterWrite: number;
      };
      expect(stats.faultsAfterWrite).toBe(1);
      fresh.tenant.faults.configure({ rules: [] });
      expect(Object.keys(site.lists).sort()).toEqual(REVIEW_SITE_LISTS.map((l) => l.name).sort());
      const lists = await readSiteLists(connect(fresh, BUSINESS_SUPPORT).client, site.siteId);
      for (const spec of REVIEW_SITE_LISTS) {
        const matching = lists.filter((l) => l.displayName === spec.displayName);
        expect(matching).toHaveLength(1);
        for (const column of spec.columns.filter((c) => !BUILT_IN_COLUMNS.has(c.name)))
          expect(matching[0]!.columns.filter((n) => n === column.name)).toHaveLength(1);
      }
    } finally {
      await fresh.close();
    }
  });
});
