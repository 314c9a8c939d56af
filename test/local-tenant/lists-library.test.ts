import { describeContract, validateResponse } from '../contract/openapi';
import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * A document library's items through the lists routes (/sites/{id}/lists/{library}/items) and
 * through the drive routes (/drives/{id}/items/{id}/listItem) are one SharePoint item, so both
 * paths answer with the same JSON and a field change through either is a new version of the file:
 * - $expand=driveItem gives the file as GET /drives/{id}/items/{id} does (with $select inside, and
 *   together with fields), OneDrive/onedrive-api-docs#829;
 * - folders are "Folder" items, and _UIVersionString is the file's version;
 * - PATCH of the fields adds a version (graph-docs issue 6996), whichever path it takes.
 */

type Body = Record<string, unknown>;

/** A fixed clock: download URLs (which carry an expiry) come out the same on every request. */
const NOW = new Date('2026-03-02T10:00:00Z');

let t: TestTenant;
let site: string;
let listId: string;
let driveId: string;

async function json(res: Response): Promise<Body> {
  const text = await res.text();
  return text ? (JSON.parse(text) as Body) : {};
}

/** The body without its @odata.context (which names the path the request took). */
function withoutContext(body: Body): Body {
  const { '@odata.context': _context, ...rest } = body;
  return rest;
}

const items = (query: string, headers: Record<string, string> = {}) =>
  t.graph(`${site}/lists/${listId}/items${query}`, { headers });
const driveItem = async (id: string) => json(await t.graph(`/drives/${driveId}/items/${id}`));
const patch = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.graph(path, { method: 'PATCH', json: body, headers });
const versionIds = async (id: string) =>
  ((await json(await t.graph(`/drives/${driveId}/items/${id}/versions`))).value as { id: string }[]).map(
    (v) => v.id,
  );

async function upload(path: string, content: string): Promise<Body> {
  const res = await t.graph(`/drives/${driveId}/root:/${path}:/content`, { method: 'PUT', body: content });
  expect([200, 201]).toContain(res.status);
  return json(res);
}

/** The list item id of a file, from the drive side. */
async function listItemId(driveItemId: string): Promise<string> {
  return (await json(await t.graph(`/drives/${driveId}/items/${driveItemId}/listItem`))).id as string;
}

beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
  const teams = (await json(await t.graph('/me/joinedTeams'))).value as { id: string; displayName: string }[];
  const groupId = teams.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
  site = `/sites/${(await json(await t.graph(`/groups/${groupId}/sites/root`))).id as string}`;
  const created = await t.graph(`${site}/lists`, {
    method: 'POST',
    json: {
      displayName: 'Library items',
      columns: [
        { name: 'Agency', text: {} },
        { name: 'Kind', choice: { choices: ['record', 'note'] }, indexed: true },
        { name: 'Ref', text: { maxLength: 32 }, enforceUniqueValues: true },
      ],
      list: { template: 'documentLibrary' },
    },
  });
  expect(created.status).toBe(201);
  listId = (await json(created)).id as string;
  driveId = (await json(await t.graph(`${site}/lists/${listId}/drive`))).id as string;
});
afterAll(() => t.close());

describe('$expand=driveItem on a library’s list items', () => {
  let file: Body;
  let folder: Body;
  beforeAll(async () => {
    folder = await json(
      await t.graph(`/drives/${driveId}/root/children`, {
        method: 'POST',
        json: { name: 'Records', folder: {} },
      }),
    );
    file = await upload('Records/agency%20record.txt', 'the record');
    await upload('Records/agency%20record.txt', 'the record, second version');
  });

  it('lists items with the file each is, as the drive routes give it, beside the fields', async () => {
    const res = await items('?$expand=fields,driveItem');
    expect(res.status).toBe(200);
    const page = (await json(res)).value as Body[];
    expect(page).toHaveLength(2);
    for (const row of page) {
      const drive = row.driveItem as Body;
      expect(drive).toEqual(withoutContext(await driveItem(drive.id as string)));
      expect(row['driveItem@odata.context']).toMatch(
        new RegExp(`/items\\('${row.id as string}'\\)/driveItem/\\$entity$`),
      );
      // One SharePoint item: the same GUID and change counter in both eTags.
      expect((row.eTag as string).toUpperCase().replace(/"/g, '')).toBe(
        (drive.eTag as string).replace(/["{}]/g, ''),
      );
      expect(row.fields).toMatchObject({ FileLeafRef: drive.name });
    }
    const fileRow = page.find((r) => (r.driveItem as Body).id === file.id)!;
    expect((fileRow.driveItem as Body)['@microsoft.graph.downloadUrl']).toEqual(expect.any(String));
  });

  it('takes $select inside both expansions, and keeps them whatever the item $select says', async () => {
    const res = await items(
      '?$select=id,eTag&$expand=fields($select=FileLeafRef,Kind),driveItem($select=id,name,size,file)',
    );
    const row = ((await json(res)).value as Body[]).find((r) => (r.driveItem as Body).id === file.id)!;
    expect(Object.keys(row).filter((k) => !k.includes('@'))).toEqual(
      expect.arrayContaining(['id', 'eTag', 'fields', 'driveItem']),
    );
    expect(row.createdBy).toBeUndefined();
    expect(row.driveItem).toEqual({
      id: file.id,
      name: 'agency record.txt',
      size: 'the record, second version'.length,
      file: expect.objectContaining({ mimeType: 'text/plain' }),
    });
    expect(Object.keys(row.fields as Body).sort()).toEqual(['@odata.etag', 'FileLeafRef', 'id']);
  });

  it('expands driveItem on one item, alone or with fields', async () => {
    const id = await listItemId(file.id as string);
    const alone = await items(`/${id}?$expand=driveItem`);
    expect(alone.status).toBe(200);
    const body = await json(alone);
    expect(body.fields).toBeUndefined();
    expect(body.driveItem).toEqual(withoutContext(await driveItem(file.id as string)));
    expect(alone.headers.get('etag')).toBe(body.eTag);
    const both = await json(await items(`/${id}?$select=id&$expand=fields,driveItem($select=id,webUrl)`));
    expect(both.driveItem).toEqual({ id: file.id, webUrl: file.webUrl });
    expect(both.fields).toMatchObject({ FileLeafRef: 'agency record.txt' });
  });

  it('answers the list item of a file with the same JSON through both paths', async () => {
    const id = await listItemId(file.id as string);
    const viaList = await json(await items(`/${id}?$expand=fields,driveItem`));
    const viaDrive = await json(
      await t.graph(`/drives/${driveId}/items/${file.id as string}/listItem?$expand=fields,driveItem`),
    );
    const strip = (b: Body) => {
      const out = withoutContext(b);
      delete out['fields@odata.context'];
      delete out['driveItem@odata.context'];
      return out;
    };
    expect(strip(viaDrive)).toEqual(strip(viaList));
    expect(viaDrive['driveItem@odata.context']).toMatch(/\/listItem\/driveItem\/\$entity$/);
    // .../listItem?$expand=driveItem($select=...) too.
    const selected = await json(
      await t.graph(
        `/drives/${driveId}/items/${file.id as string}/listItem?$expand=driveItem($select=id,name)`,
      ),
    );
    expect(selected.driveItem).toEqual({ id: file.id, name: 'agency record.txt' });
    expect(selected.fields).toBeUndefined();
  });

  it('shows folders as Folder items, with the version and child counts the drive keeps', async () => {
    const folderId = await listItemId(folder.id as string);
    const viaList = await json(await items(`/${folderId}?$expand=fields`));
    expect(viaList.contentType).toMatchObject({ name: 'Folder' });
    expect(viaList.fields).toMatchObject({
      ContentType: 'Folder',
      FileLeafRef: 'Records',
      ItemChildCount: '1',
      FolderChildCount: '0',
      _UIVersionString: '1.0',
    });
    // The file was uploaded twice: its version is 2.0, on both paths.
    const fileId = await listItemId(file.id as string);
    const fields = await json(await items(`/${fileId}/fields`));
    expect(fields).toMatchObject({ ContentType: 'Document', _UIVersionString: '2.0' });
    const driveFields = await json(
      await t.graph(`/drives/${driveId}/items/${file.id as string}/listItem/fields`),
    );
    expect(withoutContext(driveFields)).toEqual(withoutContext(fields));
    // ContentType is always indexed: a filter on it finds the folders.
    const folders = await json(await items(`?$filter=fields/ContentType eq 'Folder'&$expand=driveItem`));
    expect((folders.value as Body[]).map((r) => (r.driveItem as Body).id)).toEqual([folder.id]);
  });

  it('answers 200 without driveItem for a generic list, and 400 for expansions it does not serve', async () => {
    const res = await t.graph(`${site}/lists/People/items?$expand=fields,driveItem&$top=1`);
    expect(res.status).toBe(200);
    const [row] = (await json(res)).value as Body[];
    expect(row!.fields).toBeDefined();
    expect(row!.driveItem).toBeUndefined();
    const versions = await items('?$expand=versions');
    expect(versions.status).toBe(400);
    expect(((await json(versions)).error as Body).code).toBe('notSupported');
  });
});

describe('a field change through the lists routes', () => {
  it('adds a version of the file, as the same change through .../listItem/fields does', async () => {
    const a = await upload('a.txt', 'a');
    const b = await upload('b.txt', 'b');
    const aId = await listItemId(a.id as string);
    const bId = await listItemId(b.id as string);

    const viaList = await patch(`${site}/lists/${listId}/items/${aId}/fields`, { Agency: 'Police' });
    expect(viaList.status).toBe(200);
    const viaDrive = await patch(`/drives/${driveId}/items/${b.id as string}/listItem/fields`, {
      Agency: 'Police',
    });
    expect(viaDrive.status).toBe(200);
    const listFields = await json(viaList);
    const driveFields = await json(viaDrive);
    for (const f of [listFields, driveFields])
      expect(f).toMatchObject({ Agency: 'Police', _UIVersionString: '2.0', ContentType: 'Document' });
    expect(await versionIds(a.id as string)).toEqual(['2.0', '1.0']);
    expect(await versionIds(b.id as string)).toEqual(['2.0', '1.0']);

    // The eTags move together: the drive item's and the list item's name the same state.
    const item = await json(await items(`/${aId}?$expand=driveItem($select=eTag)`));
    expect(item.eTag).toBe(listFields['@odata.etag']);
    expect(((item.driveItem as Body).eTag as string).toLowerCase().replace(/[{}]/g, '')).toBe(item.eTag);
    expect((await driveItem(a.id as string)).eTag).toBe((item.driveItem as Body).eTag);

    // PATCH .../items/{id} with { fields } is the same update.
    const whole = await patch(`${site}/lists/${listId}/items/${bId}`, { fields: { Kind: 'note' } });
    expect(whole.status).toBe(200);
    expect(((await json(whole)).fields as Body)._UIVersionString).toBe('3.0');
    expect(await versionIds(b.id as string)).toEqual(['3.0', '2.0', '1.0']);
  });

  it('checks If-Match in either eTag form, refuses duplicates of a unique column, and renames with FileLeafRef', async () => {
    const c = await upload('c.txt', 'c');
    const d = await upload('d.txt', 'd');
    const cId = await listItemId(c.id as string);
    const path = `${site}/lists/${listId}/items/${cId}/fields`;
    const stale = (await json(await items(`/${cId}`))).eTag as string;
    expect((await patch(path, { Ref: 'R-1' }, { 'If-Match': stale })).status).toBe(200);
    expect((await patch(path, { Ref: 'R-2' }, { 'If-Match': stale })).status).toBe(412);
    // The drive item's eTag ("{GUID},N") names the same state.
    const current = (await driveItem(c.id as string)).eTag as string;
    expect((await patch(path, { Agency: 'Health' }, { 'If-Match': current })).status).toBe(200);
    expect(await versionIds(c.id as string)).toEqual(['3.0', '2.0', '1.0']);

    // A unique column: the same value on another item is 409, through either path.
    const dup = await patch(`/drives/${driveId}/items/${d.id as string}/listItem/fields`, { Ref: 'r-1' });
    expect(dup.status).toBe(409);
    expect(await versionIds(d.id as string)).toEqual(['1.0']);

    // FileLeafRef renames the file; null clears a column.
    const renamed = await patch(path, { FileLeafRef: 'c renamed.txt', Agency: null });
    expect(renamed.status).toBe(200);
    const fields = await json(renamed);
    expect(fields.FileLeafRef).toBe('c renamed.txt');
    expect(fields).not.toHaveProperty('Agency');
    expect((await driveItem(c.id as string)).name).toBe('c renamed.txt');
    expect(
      await json(await t.graph(`/drives/${driveId}/items/${c.id as string}/listItem/fields`)),
    ).not.toHaveProperty('Agency');
    const unknown = await patch(path, { Nope: 1 });
    expect(unknown.status).toBe(400);
    expect(((await json(unknown)).error as Body).message).toBe("Field 'Nope' is not recognized");
  });
});

describeContract('contract: a library’s list items with fields and driveItem', () => {
  it('matches the documented listItem and its collection', async () => {
    const file = await upload('contract.txt', 'contract');
    const id = await listItemId(file.id as string);
    const one = `${site}/lists/${listId}/items/${id}?$expand=fields,driveItem`;
    const res = await t.graph(one);
    expect(res.status).toBe(200);
    expect(validateResponse('GET', one, 200, await json(res))).toEqual([]);
    const all = `${site}/lists/${listId}/items?$expand=fields($select=FileLeafRef),driveItem($select=id,name,size)`;
    const page = await t.graph(all);
    expect(page.status).toBe(200);
    expect(validateResponse('GET', all, 200, await json(page))).toEqual([]);
    const viaDrive = `/drives/${driveId}/items/${file.id as string}/listItem?$expand=driveItem`;
    const li = await t.graph(viaDrive);
    expect(li.status).toBe(200);
    expect(validateResponse('GET', viaDrive, 200, await json(li))).toEqual([]);
  });
});
