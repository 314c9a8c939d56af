import { startTestTenant, type TestTenant } from '../support/tenant';

interface Item {
  id: string;
  eTag: string;
  '@odata.etag': string;
  fields?: Record<string, unknown>;
}

let t: TestTenant;
let siteId: string;
beforeAll(async () => {
  t = await startTestTenant();
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  const groupId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
  siteId = (await (await t.graph(`/groups/${groupId}/sites/root`)).json()).id;
});
afterAll(() => t.close());

describe('reading list items', () => {
  it('pages with $top and follows @odata.nextLink to the end, each item once', async () => {
    const seen: Item[] = [];
    let url: string | undefined =
      `${t.tenant.graphBase}/sites/${siteId}/lists/People/items?$expand=fields&$top=5`;
    let pages = 0;
    while (url) {
      const res = await t.graph(url.slice(t.tenant.graphBase.length));
      expect(res.status).toBe(200);
      const page = (await res.json()) as { value: Item[]; '@odata.nextLink'?: string };
      expect(page.value.length).toBeLessThanOrEqual(5);
      seen.push(...page.value);
      url = page['@odata.nextLink'];
      // The next link repeats the caller's options.
      if (url) expect(url).toContain('$expand=fields');
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
    const all = await (await t.graph(`/sites/${siteId}/lists/People/items?$top=999`)).json();
    expect(seen.map((i) => i.id)).toEqual(all.value.map((i: Item) => i.id));
  });

  it('returns fields only with $expand=fields, and only the selected ones with fields($select=...)', async () => {
    const plain = await (await t.graph(`/sites/${siteId}/lists/People/items?$top=1`)).json();
    expect(plain.value[0].fields).toBeUndefined();
    expect(plain.value[0].eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(plain.value[0]['@odata.etag']).toBe(plain.value[0].eTag);

    const full = await (await t.graph(`/sites/${siteId}/lists/People/items?$expand=fields&$top=1`)).json();
    expect(full.value[0].fields).toMatchObject({
      Title: 'Lead reviewer 1',
      PersonRole: 'lead-reviewer',
      ContentType: 'Item',
      _UIVersionString: '1.0',
      id: full.value[0].id,
    });

    const some = await (
      await t.graph(`/sites/${siteId}/lists/People/items?$expand=fields($select=Title,PersonRole)&$top=1`)
    ).json();
    const keys = Object.keys(some.value[0].fields).filter((k) => !k.startsWith('@'));
    expect(keys.sort()).toEqual(['PersonRole', 'Title', 'id']);
  });

  it('gets one item with its fields, and the fields alone', async () => {
    const one = await t.graph(`/sites/${siteId}/lists/People/items/3?$expand=fields`);
    expect(one.status).toBe(200);
    const item = await one.json();
    expect(item.id).toBe('3');
    expect(item.fields.Title).toBeDefined();
    const fields = await (await t.graph(`/sites/${siteId}/lists/People/items/3/fields?$select=Title`)).json();
    expect(fields.Title).toBe(item.fields.Title);
    expect(fields.PersonRole).toBeUndefined();
    expect((await t.graph(`/sites/${siteId}/lists/People/items/999`)).status).toBe(404);
    expect((await t.graph(`/sites/${siteId}/lists/NoSuchList/items`)).status).toBe(404);
  });

  it('refuses a $top that is not a number', async () => {
    const res = await t.graph(`/sites/${siteId}/lists/People/items?$top=lots`);
    expect(res.status).toBe(400);
  });
});
