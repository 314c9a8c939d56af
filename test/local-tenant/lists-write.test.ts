import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Lists, columns and list item writes, with Graph's answers (see src/local-tenant/routes/lists.ts
 * for the documentation behind each): 201 on create, 409 for a duplicate title, 400 with
 * "Field 'X' is not recognized" for an unknown field, 412 for a stale If-Match, 400 for a filter
 * on a column that is not indexed unless "Prefer: HonorNonIndexedQueriesWarningMayFailRandomly".
 */

let t: TestTenant;
let site: string;
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  json: body,
  headers,
});
const patch = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'PATCH',
  json: body,
  headers,
});

beforeAll(async () => {
  t = await startTestTenant();
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  const groupId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
  site = `/sites/${(await (await t.graph(`/groups/${groupId}/sites/root`)).json()).id}`;
  const res = await t.graph(
    `${site}/lists`,
    json({
      displayName: 'Test findings',
      columns: [
        { name: 'CrwId', text: { maxLength: 64 }, indexed: true, enforceUniqueValues: true },
        { name: 'Summary', text: { allowMultipleLines: true } },
        { name: 'Severity', number: { minimum: 1, maximum: 5 } },
        { name: 'Agreed', boolean: {} },
        { name: 'AgreedOn', dateTime: { format: 'dateTime' } },
        { name: 'Status', choice: { choices: ['draft', 'agreed'] }, indexed: true },
      ],
      list: { template: 'genericList' },
    }),
  );
  expect(res.status).toBe(201);
});
afterAll(() => t.close());

async function createItem(fields: Record<string, unknown>) {
  const res = await t.graph(`${site}/lists/Test%20findings/items`, json({ fields }));
  return { status: res.status, body: await res.json() };
}

describe('lists and columns', () => {
  it('updates a column (PATCH .../columns/{id}, 200): new choices replace the old, the rest of the facet stays; name and type cannot change', async () => {
    const columns = (await (await t.graph(`${site}/lists/Test%20findings/columns`)).json()) as {
      value: { id: string; name: string }[];
    };
    const status = columns.value.find((c) => c.name === 'Status')!;
    const res = await t.graph(
      `${site}/lists/Test%20findings/columns/${status.id}`,
      patch({ choice: { choices: ['draft', 'agreed', 'in-report'] } }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      id: string;
      name: string;
      indexed: boolean;
      choice: Record<string, unknown>;
    };
    expect(body).toMatchObject({ id: status.id, name: 'Status', indexed: true });
    expect(body.choice).toMatchObject({
      choices: ['draft', 'agreed', 'in-report'],
      displayAs: 'dropDownMenu',
    });
    // The new choice is accepted in an item now.
    expect((await createItem({ CrwId: 'col-1', Status: 'in-report' })).status).toBe(201);

    const renamed = await t.graph(
      `${site}/lists/Test%20findings/columns/${status.id}`,
      patch({ name: 'State' }),
    );
    expect(renamed.status).toBe(400);
    const retyped = await t.graph(`${site}/lists/Test%20findings/columns/${status.id}`, patch({ text: {} }));
    expect(retyped.status).toBe(400);
    const badChoices = await t.graph(
      `${site}/lists/Test%20findings/columns/${status.id}`,
      patch({ choice: { choices: [1, 2] } }),
    );
    expect(badChoices.status).toBe(400);
    const missing = await t.graph(
      `${site}/lists/Test%20findings/columns/NoSuchColumn`,
      patch({ hidden: true }),
    );
    expect(missing.status).toBe(404);
    const after = (await (await t.graph(`${site}/lists/Test%20findings/columns/${status.id}`)).json()) as {
      choice: { choices: string[] };
    };
    expect(after.choice.choices).toEqual(['draft', 'agreed', 'in-report']);
  });

  it('creates a list (201) that answers by id and by title, with the template columns and its own', async () => {
    const res = await t.graph(
      `${site}/lists`,
      json({ displayName: 'Test actions', list: { template: 'genericList' } }),
    );
    expect(res.status).toBe(201);
    const list = await res.json();
    expect(list).toMatchObject({
      displayName: 'Test actions',
      name: 'Test actions',
      list: { template: 'genericList' },
    });
    expect(list.webUrl).toBe('https://northmoor.sharepoint.com/sites/CR-2026-014/Lists/Test%20actions');
    const byTitle = await (await t.graph(`${site}/lists/test%20actions?$expand=columns`)).json();
    expect(byTitle.id).toBe(list.id);
    expect(byTitle.columns.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['Title', 'Created']),
    );
  });

  it('creates a document library with its drive; its files come through the drive API only', async () => {
    const res = await t.graph(
      `${site}/lists`,
      json({ displayName: 'Test library', list: { template: 'documentLibrary' } }),
    );
    expect(res.status).toBe(201);
    const lib = await res.json();
    expect(lib.webUrl).toBe('https://northmoor.sharepoint.com/sites/CR-2026-014/Test%20library');
    const drive = await t.graph(`${site}/lists/${lib.id}/drive`);
    expect(drive.status).toBe(200);
    const driveId = (await drive.json()).id;
    const put = await t.graph(`/drives/${driveId}/root:/note.txt:/content`, { method: 'PUT', body: 'hello' });
    expect(put.status).toBe(201);
    const items = await (await t.graph(`${site}/lists/${lib.id}/items?$expand=fields`)).json();
    expect(items.value).toHaveLength(1);
    // "Files and folders should only be added to a DocumentLibrary via the OneDrive API"
    const direct = await t.graph(`${site}/lists/${lib.id}/items`, json({ fields: { Title: 'x' } }));
    expect(direct.status).toBe(400);
    expect((await direct.json()).error.message).toMatch(/via the OneDrive API/);
    // Deleting the list item deletes the file.
    expect(
      (await t.graph(`${site}/lists/${lib.id}/items/${items.value[0].id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await t.graph(`/drives/${driveId}/root:/note.txt`)).status).toBe(404);
  });

  it('refuses a second list with the same title with 409 nameAlreadyExists', async () => {
    const res = await t.graph(`${site}/lists`, json({ displayName: 'test FINDINGS' }));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('nameAlreadyExists');
    expect(body.error.message).toMatch(/already exists/);
  });

  it("refuses what Graph refuses in a new list: 'name', unknown properties, bad templates, bad titles", async () => {
    const cases: [unknown, RegExp][] = [
      [{ displayName: 'X1', name: 'X1' }, /Cannot define a 'name' for a list/],
      [
        { displayName: 'X2', colour: 'red' },
        /The property 'colour' does not exist on type 'microsoft.graph.list'/,
      ],
      [{ displayName: 'X3', list: { template: 'survey' } }, /template 'survey'/],
      [{ displayName: 42 }, /displayName/],
      [{ displayName: '../..' }, /no valid URL name/],
      [{ displayName: 'x'.repeat(300) }, /longer than 255/],
      [{ displayName: 'X4', columns: [{ name: 'A' }, { name: 'a' }] }, /duplicate field name/],
      [{ displayName: 'X5', columns: [{ name: '../etc', text: {} }] }, /not valid/],
    ];
    for (const [body, message] of cases) {
      const res = await t.graph(`${site}/lists`, json(body));
      const answer = await res.json();
      expect([JSON.stringify(body).slice(0, 40), res.status, answer.error.message]).toEqual([
        JSON.stringify(body).slice(0, 40),
        400,
        expect.stringMatching(message),
      ]);
    }
    const lists = await (await t.graph(`${site}/lists?$select=displayName`)).json();
    expect(lists.value.map((l: { displayName: string }) => l.displayName)).not.toEqual(
      expect.arrayContaining(['X1', 'X2', 'X3', 'X4', 'X5']),
    );
  });

  it('finds lists with $filter=displayName eq and trims them with $select', async () => {
    const res = await t.graph(`${site}/lists?$filter=displayName eq 'People'&$select=id,displayName`);
    const body = await res.json();
    expect(body.value).toHaveLength(1);
    expect(
      Object.keys(body.value[0])
        .filter((k) => !k.startsWith('@'))
        .sort(),
    ).toEqual(['displayName', 'id']);
    const none = await (await t.graph(`${site}/lists?$filter=displayName eq 'Nothing'`)).json();
    expect(none.value).toEqual([]);
  });

  it('adds a column to an existing list (201) and refuses the same name again (409)', async () => {
    const add = await t.graph(`${site}/lists/People/columns`, json({ name: 'Pseudonym', text: {} }));
    expect(add.status).toBe(201);
    expect(await add.json()).toMatchObject({
      name: 'Pseudonym',
      displayName: 'Pseudonym',
      text: { maxLength: 255 },
    });
    const again = await t.graph(`${site}/lists/People/columns`, json({ name: 'pseudonym', text: {} }));
    expect(again.status).toBe(409);
    const columns = await (await t.graph(`${site}/lists/People/columns`)).json();
    expect(columns.value.filter((c: { name: string }) => c.name === 'Pseudonym')).toHaveLength(1);
    const bad = await t.graph(`${site}/lists/People/columns`, json({ name: 'Two', text: {}, number: {} }));
    expect(bad.status).toBe(400);
  });
});

describe('list items', () => {
  it('creates an item: 201, eTag "{guid},1", fields echoed', async () => {
    const { status, body } = await createItem({ Title: 'F1', CrwId: 'f-1', Severity: 3, Status: 'draft' });
    expect(status).toBe(201);
    expect(body.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(body['@odata.etag']).toBe(body.eTag);
    expect(body.fields).toMatchObject({
      Title: 'F1',
      CrwId: 'f-1',
      Severity: 3,
      Status: 'draft',
      id: body.id,
    });
  });

  it('refuses unknown, read-only and mistyped fields with 400 and writes nothing', async () => {
    const before = (await (await t.graph(`${site}/lists/Test%20findings/items?$top=999`)).json()).value
      .length;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ Colour: 'red' }, /^Field 'Colour' is not recognized$/],
      [{ Modified: '2026-01-01T00:00:00Z' }, /read-only/],
      [{ id: '9' }, /read-only/],
      [{ Title: 'x'.repeat(256) }, /at most 255/],
      [{ CrwId: 'x'.repeat(65) }, /at most 64/],
      [{ Title: 'line\nbreak' }, /line break/],
      [{ Severity: 'high' }, /expected a number/],
      [{ Severity: 9 }, /maximum of 5/],
      [{ Agreed: 'yes' }, /true or false/],
      [{ AgreedOn: 'next tuesday' }, /ISO 8601/],
      [{ Status: 'maybe' }, /not one of the choices/],
      [{ Title: { nested: true } }, /expected a string/],
    ];
    for (const [fields, message] of cases) {
      const { status, body } = await createItem({ CrwId: `bad-${Math.random()}`, ...fields });
      expect([Object.keys(fields)[0], status, body.error?.code, body.error?.message]).toEqual([
        Object.keys(fields)[0],
        400,
        'invalidRequest',
        expect.stringMatching(message),
      ]);
    }
    const after = (await (await t.graph(`${site}/lists/Test%20findings/items?$top=999`)).json()).value.length;
    expect(after).toBe(before);
    // The failed creates did not use up item ids either (the write was rolled back).
    const next = await createItem({ Title: 'next', CrwId: 'next' });
    const ids = (await (await t.graph(`${site}/lists/Test%20findings/items?$top=999`)).json()).value.map(
      (i: { id: string }) => Number(i.id),
    );
    expect(Number(next.body.id)).toBe(Math.max(...ids.filter((i: number) => i !== Number(next.body.id))) + 1);
  });

  it('accepts Graph-compatible values: numbers as strings, dates normalised to UTC, null clears', async () => {
    const { status, body } = await createItem({
      CrwId: 'f-vals',
      Severity: '4',
      Agreed: true,
      AgreedOn: '2026-03-01T10:00:00+01:00',
    });
    expect(status).toBe(201);
    expect(body.fields).toMatchObject({ Severity: 4, Agreed: true, AgreedOn: '2026-03-01T09:00:00Z' });
    const cleared = await t.graph(
      `${site}/lists/Test%20findings/items/${body.id}/fields`,
      patch({ Agreed: null }),
    );
    expect(cleared.status).toBe(200);
    expect((await cleared.json()).Agreed).toBeUndefined();
  });

  it('refuses a duplicate value in a column that enforces unique values (409)', async () => {
    await createItem({ CrwId: 'unique-1' });
    const dup = await createItem({ CrwId: 'UNIQUE-1' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toMatch(/duplicate values/);
  });

  it('updates with If-Match: the current eTag or * succeed (version + 1), a stale one is 412 and changes nothing', async () => {
    const { body: item } = await createItem({ CrwId: 'f-etag', Title: 'v1' });
    const url = `${site}/lists/Test%20findings/items/${item.id}/fields`;
    const ok = await t.graph(url, patch({ Title: 'v2' }, { 'If-Match': item.eTag }));
    expect(ok.status).toBe(200);
    const fields = await ok.json();
    expect(fields.Title).toBe('v2');
    expect(fields['@odata.etag']).toMatch(/,2"$/);
    expect(fields._UIVersionString).toBe('2.0');

    const stale = await t.graph(url, patch({ Title: 'v3' }, { 'If-Match': item.eTag }));
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.code).toBe('resourceModified');
    expect((await (await t.graph(url)).json()).Title).toBe('v2');

    const star = await t.graph(url, patch({ Title: 'v4' }, { 'If-Match': '*' }));
    expect(star.status).toBe(200);
    // Without If-Match Graph accepts the update: the last writer wins.
    const blind = await t.graph(url, patch({ Title: 'v5' }));
    expect(blind.status).toBe(200);
    expect((await blind.json())['@odata.etag']).toMatch(/,4"$/);
  });

  it('matches If-Match against a list of eTags, and an eTag sent without its quotes', async () => {
    const { body: item } = await createItem({ CrwId: 'f-etag-list', Title: 'v1' });
    const url = `${site}/lists/Test%20findings/items/${item.id}/fields`;
    const stale = item.eTag.replace(/,1"$/, ',9"');
    const listed = await t.graph(url, patch({ Title: 'v2' }, { 'If-Match': `${stale}, ${item.eTag}` }));
    expect(listed.status).toBe(200);
    const current = (await listed.json())['@odata.etag'] as string;
    const bare = await t.graph(url, patch({ Title: 'v3' }, { 'If-Match': current.replace(/"/g, '') }));
    expect(bare.status).toBe(200);
  });

  it('updates through PATCH .../items/{id} with a fields object too', async () => {
    const { body: item } = await createItem({ CrwId: 'f-item-patch' });
    const res = await t.graph(
      `${site}/lists/Test%20findings/items/${item.id}`,
      patch({ fields: { Title: 'via item' } }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).fields.Title).toBe('via item');
  });

  it('deletes an item: 412 on a stale If-Match, 204, then 404', async () => {
    const { body: item } = await createItem({ CrwId: 'f-delete' });
    const url = `${site}/lists/Test%20findings/items/${item.id}`;
    await t.graph(`${url}/fields`, patch({ Title: 'changed' }));
    const stale = await t.graph(url, { method: 'DELETE', headers: { 'If-Match': item.eTag } });
    expect(stale.status).toBe(412);
    const del = await t.graph(url, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await t.graph(url)).status).toBe(404);
  });

  it('answers malformed JSON and non-object bodies with 400 BadRequest', async () => {
    const url = `${t.tenant.graphBase}${site}/lists/Test%20findings/items`;
    const token = await t.token();
    for (const body of ['{"fields": ', '[1,2]', '"text"', '']) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
      });
      expect([body, res.status]).toEqual([body, 400]);
      expect((await res.json()).error.code).toBe('BadRequest');
    }
    const unknown = await t.graph(`${site}/lists/Test%20findings/items`, json({ fields: {}, colour: 1 }));
    expect(unknown.status).toBe(400);
  });
});

describe('querying list items', () => {
  beforeAll(async () => {
    await createItem({ CrwId: 'q-1', Title: 'Alpha', Status: 'agreed', Severity: 2 });
    await createItem({ CrwId: 'q-2', Title: 'Beta', Status: 'draft', Severity: 5 });
    await createItem({ CrwId: 'q-3', Title: 'Alphabet', Status: 'agreed', Severity: 1 });
  });
  const items = `?$expand=fields`;

  it("filters on an indexed column without a Prefer header (fields/Status eq 'agreed')", async () => {
    const res = await t.graph(
      `${site}/lists/Test%20findings/items${items}&$filter=fields/Status eq 'agreed'`,
    );
    expect(res.status).toBe(200);
    const titles = (await res.json()).value.map((i: { fields: { Title: string } }) => i.fields.Title);
    expect(titles).toEqual(['Alpha', 'Alphabet']);
  });

  it('refuses a filter on a column that is not indexed unless Prefer: HonorNonIndexedQueriesWarningMayFailRandomly', async () => {
    const q = `${site}/lists/Test%20findings/items${items}&$filter=startswith(fields/Title,'Alpha')`;
    const refused = await t.graph(q);
    expect(refused.status).toBe(400);
    const error = (await refused.json()).error;
    expect(error.code).toBe('invalidRequest');
    expect(error.message).toMatch(
      /^Field 'Title' cannot be referenced in filter or orderby as it is not indexed\. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header/,
    );
    const allowed = await t.graph(q, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(allowed.status).toBe(200);
    expect((await allowed.json()).value.map((i: { fields: { Title: string } }) => i.fields.Title)).toEqual([
      'Alpha',
      'Alphabet',
    ]);
  });

  it('combines and/or, numbers and $orderby', async () => {
    const prefer = { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } };
    const res = await t.graph(
      `${site}/lists/Test%20findings/items${items}&$filter=(fields/Status eq 'agreed' or fields/Severity ge 5) and fields/Severity ne 1&$orderby=fields/Severity desc`,
      prefer,
    );
    expect(res.status).toBe(200);
    expect((await res.json()).value.map((i: { fields: { CrwId: string } }) => i.fields.CrwId)).toEqual([
      'q-2',
      'q-1',
    ]);
  });

  it('answers 400 for filters outside the supported subset or naming unknown fields', async () => {
    for (const filter of [
      "contains(fields/Title,'A')",
      "fields/Status eq 'agreed' xor true",
      "fields/Status eq 'unterminated",
      "fields/Nope eq 'x'",
      'fields/Status',
      '',
    ]) {
      const res = await t.graph(`${site}/lists/Test%20findings/items?$filter=${encodeURIComponent(filter)}`);
      expect([filter, res.status]).toEqual([filter, 400]);
    }
  });
});
