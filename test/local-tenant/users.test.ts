import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * GET /users as Graph answers it (user-list, aad-advanced-queries, search-query-parameter):
 * $search needs "ConsistencyLevel: eventual" (else 400 Request_UnsupportedQuery, message quoted from
 * Microsoft's docs), $top is 1..999, $count needs ConsistencyLevel too.
 */

let t: TestTenant;
const eventual = { headers: { ConsistencyLevel: 'eventual' } };
const names = (body: { value: { displayName: string }[] }) => body.value.map((u) => u.displayName);

beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(() => t.close());

describe('/users', () => {
  it('lists the directory in pages that follow @odata.nextLink', async () => {
    const all = await (await t.graph('/users?$top=999')).json();
    expect(all.value.length).toBeGreaterThan(10);
    const first = await (await t.graph('/users?$top=4')).json();
    expect(first.value).toHaveLength(4);
    expect(first['@odata.context']).toBe(`${t.tenant.graphBase}/$metadata#users`);
    const next = first['@odata.nextLink'] as string;
    expect(next).toMatch(/\$skiptoken=/);
    const second = await (await t.graph(next.slice(t.tenant.graphBase.length))).json();
    expect(names(second)).toEqual(names(all).slice(4, 8));
  });

  it("refuses $search without ConsistencyLevel: eventual with Graph's error", async () => {
    const res = await t.graph('/users?$search="displayName:ruth"');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message:
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    });
  });

  it('searches words that start with the text, across OR clauses', async () => {
    const okon = await (await t.graph('/users?$search="displayName:okon"', eventual)).json();
    expect(names(okon)).toEqual(['Ruth Okonkwo-Hale']);
    const hale = await (await t.graph('/users?$search="displayName:hale"', eventual)).json();
    expect(names(hale)).toEqual(['Ruth Okonkwo-Hale']); // a word inside a hyphenated name
    expect(names(await (await t.graph('/users?$search="displayName:uth"', eventual)).json())).toEqual([]);
    const either = await (
      await t.graph('/users?$search="displayName:priya" OR "displayName:oliver"', eventual)
    ).json();
    expect(names(either).sort()).toEqual(['Oliver Grant', 'Priya Raman']);
    expect((await t.graph('/users?$search=priya', eventual)).status).toBe(400);
  });

  it('filters with startswith on displayName or mail and eq, as the people picker asks', async () => {
    const res = await t.graph(
      `/users?$filter=${encodeURIComponent("startswith(displayName,'am') or startswith(mail,'am')")}`,
    );
    expect(res.status).toBe(200);
    expect(names(await res.json())).toEqual(['Amira Khan']);
    const eq = await (
      await t.graph(`/users?$filter=${encodeURIComponent("displayName eq 'oliver grant'")}`)
    ).json();
    expect(names(eq)).toEqual(['Oliver Grant']);
    const unknown = await t.graph(`/users?$filter=${encodeURIComponent("shoeSize eq '9'")}`);
    expect(unknown.status).toBe(400);
    const bad = await t.graph(`/users?$filter=${encodeURIComponent("endswith(mail,'.example')")}`);
    expect(bad.status).toBe(400);
  });

  it('keeps $top within 1..999 and counts only with ConsistencyLevel', async () => {
    const big = await t.graph('/users?$top=1000');
    expect(big.status).toBe(400);
    expect((await big.json()).error.message).toBe(
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
    expect((await t.graph('/users?$top=0')).status).toBe(400);
    expect((await t.graph('/users?$count=true')).status).toBe(400);
    const counted = await (await t.graph('/users?$count=true&$top=2', eventual)).json();
    expect(counted['@odata.count']).toBeGreaterThan(2);
    expect(counted.value).toHaveLength(2);
  });

  it('returns only the selected properties (and the id)', async () => {
    const res = await (await t.graph('/users?$select=displayName,department&$top=1')).json();
    expect(Object.keys(res.value[0]).sort()).toEqual(['department', 'displayName', 'id']);
  });

  it('orders by displayName', async () => {
    const res = await (await t.graph('/users?$orderby=displayName&$top=999')).json();
    const sorted = [...names(res)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    expect(names(res)).toEqual(sorted);
  });
});
