import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Drives and drive items of the local tenant, against what Microsoft documents for Graph on
 * SharePoint document libraries (each test names the behaviour it checks and where it comes from).
 */

const REVIEW_SITE = '/sites/northmoor.sharepoint.com:/sites/CR-2026-014';
const REGISTER_SITE = '/sites/northmoor.sharepoint.com:/sites/CR-2026-014-IdentityRegister';
const OUTSIDER = 'oliver.grant@northmoor.example'; // not in the review's group
const TEAM_MEMBER = 'amira.khan@northmoor.example'; // in the group, not in the private channel
const REGISTER_MEMBER = 'priya.raman@northmoor.example'; // in the private channel

type Body = Record<string, unknown>;

let t: TestTenant;
let siteId: string;
let driveId: string;

beforeAll(async () => {
  t = await startTestTenant();
  siteId = (await json(await t.graph(REVIEW_SITE))).id;
  driveId = (await json(await t.graph(`/sites/${siteId}/drive`))).id;
});
afterAll(() => t.close());

/** The response's JSON (loosely typed, as fetch's own json() is), or {} for an empty body. */
async function json(res: Response) {
  const text = await res.text();
  return text ? JSON.parse(text) : {};
}

async function upload(path: string, content: string, query = '', as?: string) {
  const res = await t.graph(`/drives/${driveId}/root:/${path}:/content${query}`, {
    method: 'PUT',
    body: content,
    as,
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  return { status: res.status, body: await json(res) };
}

async function download(itemId: string, as?: string): Promise<Buffer> {
  const res = await t.graph(`/drives/${driveId}/items/${itemId}/content`, { redirect: 'manual', as });
  expect(res.status).toBe(302);
  const file = await fetch(res.headers.get('location')!);
  expect(file.status).toBe(200);
  return Buffer.from(await file.arrayBuffer());
}

const enc = (p: string) => p.split('/').map(encodeURIComponent).join('/');

describe('drives', () => {
  it('gives every site its default library "Documents" as a documentLibrary drive', async () => {
    const drive = await json(await t.graph(`/sites/${siteId}/drive`));
    expect(drive).toMatchObject({
      name: 'Documents',
      driveType: 'documentLibrary',
      webUrl: 'https://northmoor.sharepoint.com/sites/CR-2026-014/Shared%20Documents',
      quota: { state: 'normal' },
    });
    expect(drive.id).toMatch(/^b!/);
    expect(drive.owner.group.displayName).toBe('CR-2026-014 Learning review');
    const byId = await json(await t.graph(`/drives/${driveId}`));
    expect(byId.id).toBe(driveId);
    const drives = await json(await t.graph(`/sites/${siteId}/drives`));
    expect(drives.value.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining(['Documents', 'Review artefacts']),
    );
    // The group's drive is its team site's default library.
    const group = (await json(await t.graph('/me/joinedTeams'))).value.find((g: { displayName: string }) =>
      String(g.displayName).startsWith('CR-2026-014'),
    );
    expect((await json(await t.graph(`/groups/${group.id}/drive`))).id).toBe(driveId);
  });

  it('answers the root with the root facet, and a missing drive with 404 itemNotFound', async () => {
    const root = await json(await t.graph(`/drives/${driveId}/root`));
    expect(root.root).toEqual({});
    expect(root.name).toBe('root');
    expect(root.folder).toBeDefined();
    expect(root.cTag).toBeUndefined(); // "cTag is not returned if the driveItem has a folder facet"
    const missing = await t.graph('/drives/b!nothing-here/root');
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe('itemNotFound');
  });

  it('keeps a site that is not yours with 403 accessDenied', async () => {
    const res = await t.graph(`/sites/${siteId}/drive`, { as: OUTSIDER });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('accessDenied');
    for (const path of [
      `/drives/${driveId}`,
      `/drives/${driveId}/root/children`,
      `/drives/${driveId}/root:/x.txt`,
    ]) {
      const r = await t.graph(path, { as: OUTSIDER });
      expect([path, r.status]).toEqual([path, 403]);
    }
    const write = await upload('outsider.txt', 'x', '', OUTSIDER);
    expect(write.status).toBe(403);
  });

  it("keeps a private channel's library from team members outside the channel", async () => {
    const register = (await json(await t.graph(REGISTER_SITE))).id as string;
    const member = await t.graph(`/sites/${register}/drive`, { as: REGISTER_MEMBER });
    expect(member.status).toBe(200);
    const registerDrive = (await json(member)).id;
    expect(registerDrive).not.toBe(driveId);
    const other = await t.graph(`/drives/${registerDrive}/root/children`, { as: TEAM_MEMBER });
    expect(other.status).toBe(403);
    // The same person reads the team's own library.
    expect((await t.graph(`/drives/${driveId}/root/children`, { as: TEAM_MEMBER })).status).toBe(200);
  });
});

describe('items by id and by path', () => {
  it('uploads by path, creating missing folders, and reads the item by path and by id', async () => {
    const up = await upload(enc('Agency records/Health visiting/summary #1.txt'), 'first');
    expect(up.status).toBe(201);
    const item = up.body;
    expect(item).toMatchObject({ name: 'summary #1.txt', size: 5, file: { mimeType: 'text/plain' } });
    expect(item.eTag).toMatch(/^"\{[0-9A-F-]{36}\},\d+"$/);
    expect(item.cTag).toMatch(/^"c:\{[0-9A-F-]{36}\},\d+"$/);
    expect(item.file.hashes.quickXorHash).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(item.webUrl).toBe(
      'https://northmoor.sharepoint.com/sites/CR-2026-014/Shared%20Documents/Agency%20records/Health%20visiting/summary%20%231.txt',
    );
    expect(item.parentReference).toMatchObject({
      driveId,
      driveType: 'documentLibrary',
      siteId,
      name: 'Health visiting',
      path: `/drives/${driveId}/root:/Agency records/Health visiting`,
    });
    expect(item.createdBy.user.displayName).toBe('Ruth Okonkwo-Hale');
    expect(item['@microsoft.graph.downloadUrl']).toMatch(/\/_download\//);

    const byPath = await json(
      await t.graph(`/drives/${driveId}/root:/${enc('Agency records/Health visiting/summary #1.txt')}`),
    );
    expect(byPath.id).toBe(item.id);
    // Paths are case-insensitive; the trailing colon is optional.
    const upper = await json(
      await t.graph(`/drives/${driveId}/root:/${enc('AGENCY RECORDS/health visiting/SUMMARY #1.TXT')}:`),
    );
    expect(upper.id).toBe(item.id);
    const folder = await json(await t.graph(`/drives/${driveId}/root:/Agency%20records`));
    expect(folder.folder.childCount).toBe(1);
    expect(folder.size).toBe(5); // a folder's size is the total below it
    const relative = await json(
      await t.graph(`/drives/${driveId}/items/${folder.id}:/Health%20visiting/summary%20%231.txt`),
    );
    expect(relative.id).toBe(item.id);
    const children = await json(
      await t.graph(`/drives/${driveId}/items/${folder.id}:/Health%20visiting:/children`),
    );
    expect(children.value.map((c: { name: string }) => c.name)).toEqual(['summary #1.txt']);
    // Through the site, too.
    expect((await json(await t.graph(`/sites/${siteId}/drive/items/${item.id}`))).id).toBe(item.id);
    expect((await json(await t.graph(`${REVIEW_SITE}:/drive/root:/Agency%20records`))).id).toBe(folder.id);

    expect(await download(item.id)).toEqual(Buffer.from('first'));
    const missing = await t.graph(`/drives/${driveId}/root:/Agency%20records/nothing.txt`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe('itemNotFound');
  });

  it('never leaves the drive: ".." and "." path segments are refused', async () => {
    // fetch() resolves "/../" itself, so send the raw path as a batch part would be run.
    const token = await t.token();
    const res = await t.tenant.dispatch(
      {
        method: 'GET',
        path: `/drives/${driveId}/root:/Agency records/../../../${driveId}`,
        query: new URLSearchParams(),
        headers: { authorization: `Bearer ${token}` },
        body: Buffer.alloc(0),
      },
      false,
    );
    expect(res.status).toBe(400);
    expect((res.body as { error: unknown }).error).toMatchObject({
      code: 'invalidRequest',
      innerError: { code: 'invalidPath' },
    });
    const encodedSlash = await upload(`a${encodeURIComponent('/../')}b.txt`, 'x');
    expect(encodedSlash.status).toBe(400);
  });

  it('creates folders with conflictBehavior: fail (default, 409), rename, replace (the existing folder)', async () => {
    const create = (body: Body) =>
      t.graph(`/drives/${driveId}/root/children`, { method: 'POST', json: { folder: {}, ...body } });
    const first = await create({ name: 'Chronologies' });
    expect(first.status).toBe(201);
    const created = await json(first);
    expect(created.folder).toEqual({ childCount: 0 });
    // SharePoint answers a taken name with 409 nameAlreadyExists "The specified item name already exists."
    const again = await create({ name: 'chronologies' });
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('nameAlreadyExists');
    const renamed = await create({ name: 'Chronologies', '@microsoft.graph.conflictBehavior': 'rename' });
    expect(renamed.status).toBe(201);
    expect((await json(renamed)).name).toBe('Chronologies 1');
    const replaced = await create({ name: 'Chronologies', '@microsoft.graph.conflictBehavior': 'replace' });
    expect(replaced.status).toBe(200);
    expect((await json(replaced)).id).toBe(created.id);
    const bad = await create({ name: 'x', '@microsoft.graph.conflictBehavior': 'overwrite' });
    expect(bad.status).toBe(400);
  });

  it.each([
    ['a"quote.txt'],
    ['star*.txt'],
    ['colon:.txt'],
    ['less<.txt'],
    ['more>.txt'],
    ['question?.txt'],
    ['back\\slash.txt'],
    ['pipe|.txt'],
    [' leading.txt'],
    ['trailing.txt '],
    ['ends-with-dot.'],
    ['CON'],
    ['lpt1'],
    ['.lock'],
    ['desktop.ini'],
    ['~$report.docx'],
    ['a_vti_b.txt'],
    ['tab\there.txt'],
  ])('refuses the name %j with 400 invalidRequest (SharePoint naming rules)', async (name) => {
    const res = await upload(encodeURIComponent(name), 'x');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalidRequest');
    expect(res.body.error.innerError.code).toBe('nameContainsInvalidCharacters');
    expect(res.body.error.message).toBeTruthy();
  });

  it('allows # and % (SharePoint Online accepts them) and refuses "Forms" only as a folder at the library root', async () => {
    expect((await upload(encodeURIComponent('100% #2.txt'), 'x')).status).toBe(201);
    const forms = await t.graph(`/drives/${driveId}/root/children`, {
      method: 'POST',
      json: { name: 'Forms', folder: {} },
    });
    expect(forms.status).toBe(400);
    expect((await json(forms)).error.message).toBe('Name is reserved for list forms folder.');
    expect((await upload('Chronologies/Forms/x.txt', 'x')).status).toBe(201);
  });

  it('refuses a path longer than 400 decoded characters (sites/x/library/folders/name) with pathIsTooLong', async () => {
    // "sites/CR-2026-014/Shared Documents/" is 35 characters.
    const ok = `${'a'.repeat(200)}/${'b'.repeat(160)}.txt`; // 35 + 365 = 400
    expect((await upload(ok, 'x')).status).toBe(201);
    const long = await upload(`${'a'.repeat(200)}/${'b'.repeat(161)}.txt`, 'x');
    expect(long.status).toBe(400);
    expect(long.body.error.innerError.code).toBe('pathIsTooLong');
  });

  it('renames and moves with PATCH, honouring If-Match (412) and name conflicts (409)', async () => {
    const a = (await upload('Moves/report.txt', 'r')).body;
    await upload('Moves/other.txt', 'o');
    const target = await json(
      await t.graph(`/drives/${driveId}/root/children`, {
        method: 'POST',
        json: { name: 'Moved here', folder: {} },
      }),
    );
    const stale = await t.graph(`/drives/${driveId}/items/${a.id}`, {
      method: 'PATCH',
      json: { name: 'renamed.txt' },
      headers: { 'If-Match': a.eTag.replace(/,\d+"$/, ',999"') },
    });
    expect(stale.status).toBe(412);
    expect((await json(stale)).error.code).toBe('resourceModified');
    const taken = await t.graph(`/drives/${driveId}/items/${a.id}`, {
      method: 'PATCH',
      json: { name: 'OTHER.txt' },
    });
    expect(taken.status).toBe(409);
    const renamed = await t.graph(`/drives/${driveId}/items/${a.id}`, {
      method: 'PATCH',
      json: { name: 'renamed.txt' },
      headers: { 'If-Match': a.eTag },
    });
    expect(renamed.status).toBe(200);
    const r = await json(renamed);
    expect(r.name).toBe('renamed.txt');
    expect(r.eTag).not.toBe(a.eTag);
    expect(r.cTag).toBe(a.cTag); // cTag changes with the content only
    const moved = await json(
      await t.graph(`/drives/${driveId}/items/${a.id}`, {
        method: 'PATCH',
        json: { parentReference: { id: target.id } },
      }),
    );
    expect(moved.parentReference.id).toBe(target.id);
    expect(moved.parentReference.path).toBe(`/drives/${driveId}/root:/Moved here`);
    const clash = await upload('Moved here/other.txt', 'o2');
    expect(clash.status).toBe(201);
    const rename = await t.graph(
      `/drives/${driveId}/items/${a.id}?@microsoft.graph.conflictBehavior=rename`,
      {
        method: 'PATCH',
        json: { name: 'other.txt' },
      },
    );
    expect((await json(rename)).name).toBe('other 1.txt');
    const readOnly = await t.graph(`/drives/${driveId}/items/${a.id}`, {
      method: 'PATCH',
      json: { size: 1 },
    });
    expect(readOnly.status).toBe(400);
    const intoItself = await t.graph(`/drives/${driveId}/items/${target.id}`, {
      method: 'PATCH',
      json: { parentReference: { id: target.id } },
    });
    expect(intoItself.status).toBe(400);
  });

  it('deletes an item (and a folder with what it holds), 204; the root cannot be deleted', async () => {
    const f = (await upload('To delete/inner/file.txt', 'x')).body;
    const folder = await json(await t.graph(`/drives/${driveId}/root:/To%20delete`));
    const stale = await t.graph(`/drives/${driveId}/items/${folder.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': '"{00000000-0000-0000-0000-000000000000},1"' },
    });
    expect(stale.status).toBe(412);
    expect((await t.graph(`/drives/${driveId}/items/${folder.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.graph(`/drives/${driveId}/items/${f.id}`)).status).toBe(404);
    const root = await json(await t.graph(`/drives/${driveId}/root`));
    expect((await t.graph(`/drives/${driveId}/items/${root.id}`, { method: 'DELETE' })).status).toBe(403);
  });

  it('pages children with $top and @odata.nextLink, and applies $select and $expand', async () => {
    for (const n of [1, 2, 3, 4, 5]) await upload(`Paging/file ${n}.txt`, `content ${n}`);
    const first = await json(
      await t.graph(`/drives/${driveId}/root:/Paging:/children?$top=2&$select=name,size`),
    );
    expect(first.value).toEqual([
      { id: expect.any(String), name: 'file 1.txt', size: 9 },
      { id: expect.any(String), name: 'file 2.txt', size: 9 },
    ]);
    const names: string[] = first.value.map((v: { name: string }) => v.name);
    let next: string | undefined = first['@odata.nextLink'];
    while (next) {
      const page = await json(await t.graph(next.slice(t.tenant.graphBase.length)));
      names.push(...page.value.map((v: { name: string }) => v.name));
      next = page['@odata.nextLink'];
    }
    expect(names).toEqual(['file 1.txt', 'file 2.txt', 'file 3.txt', 'file 4.txt', 'file 5.txt']);
    const desc = await json(
      await t.graph(`/drives/${driveId}/root:/Paging:/children?$orderby=name desc&$top=1`),
    );
    expect(desc.value[0].name).toBe('file 5.txt');
    const expanded = await json(
      await t.graph(
        `/drives/${driveId}/root:/Paging/file%201.txt?$select=id,name&$expand=listItem($expand=fields($select=FileLeafRef))`,
      ),
    );
    expect(expanded.name).toBe('file 1.txt');
    expect(expanded.listItem.fields).toMatchObject({ FileLeafRef: 'file 1.txt' });
    expect(expanded.size).toBeUndefined();
    const withUrl = await json(
      await t.graph(`/drives/${driveId}/root:/Paging/file%201.txt?$select=id,@microsoft.graph.downloadUrl`),
    );
    expect(withUrl['@microsoft.graph.downloadUrl']).toMatch(/_download/);
    const bad = await t.graph(`/drives/${driveId}/root/children?$expand=nonsense`);
    expect(bad.status).toBe(400);
  });
});

describe('content', () => {
  it('GET content answers 302 to a pre-authenticated URL that needs no token, with Range and If-None-Match', async () => {
    const item = (await upload('Downloads/abc.txt', 'abcdefghij')).body;
    const res = await t.graph(`/drives/${driveId}/items/${item.id}/content`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const url = res.headers.get('location')!;
    const file = await fetch(url);
    expect(await file.text()).toBe('abcdefghij');
    expect(file.headers.get('content-type')).toBe('text/plain');
    const part = await fetch(url, { headers: { Range: 'bytes=2-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await part.text()).toBe('cde');
    expect((await fetch(url, { headers: { Range: 'bytes=20-' } })).status).toBe(416);
    const tampered = await fetch(url.replace(/tempauth=./, 'tempauth=x'));
    expect(tampered.status).toBe(401);
    const notModified = await t.graph(`/drives/${driveId}/items/${item.id}/content`, {
      redirect: 'manual',
      headers: { 'If-None-Match': item.eTag },
    });
    expect(notModified.status).toBe(304);
  });

  it('lists versions newest first ("N.0"), serves old content and restores a version', async () => {
    const v1 = (await upload('Versions/draft.txt', 'one')).body;
    const v2 = await upload('Versions/draft.txt', 'two!');
    expect(v2.status).toBe(200); // replaced: the default for PUT is replace
    expect(v2.body.id).toBe(v1.id);
    const versions = await json(await t.graph(`/drives/${driveId}/items/${v1.id}/versions`));
    expect(versions.value.map((v: { id: string; size: number }) => [v.id, v.size])).toEqual([
      ['2.0', 4],
      ['1.0', 3],
    ]);
    expect(versions.value[0].lastModifiedBy.user.displayName).toBe('Ruth Okonkwo-Hale');
    const old = await t.graph(`/drives/${driveId}/items/${v1.id}/versions/1.0/content`, {
      redirect: 'manual',
    });
    expect(old.status).toBe(302);
    expect(await (await fetch(old.headers.get('location')!)).text()).toBe('one');
    const restore = await t.graph(`/drives/${driveId}/items/${v1.id}/versions/1.0/restoreVersion`, {
      method: 'POST',
    });
    expect(restore.status).toBe(204);
    expect((await download(v1.id)).toString()).toBe('one');
    const after = await json(await t.graph(`/drives/${driveId}/items/${v1.id}/versions`));
    expect(after.value.map((v: { id: string }) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    expect((await t.graph(`/drives/${driveId}/items/${v1.id}/versions/9.0`)).status).toBe(404);
  });
});

describe("the library's list item", () => {
  it('reads and writes the metadata columns of a file in "Review artefacts", with If-Match', async () => {
    const drives = await json(await t.graph(`/sites/${siteId}/drives`));
    const library = drives.value.find((d: { name: string }) => d.name === 'Review artefacts');
    const put = await t.graph(`/drives/${library.id}/root:/CR-2026-014%20Chronology.txt:/content`, {
      method: 'PUT',
      body: 'chronology',
    });
    const item = await json(put);
    const li = await json(await t.graph(`/drives/${library.id}/items/${item.id}/listItem?$expand=fields`));
    expect(li.contentType.name).toBe('Document');
    expect(li.fields).toMatchObject({ FileLeafRef: 'CR-2026-014 Chronology.txt', ContentType: 'Document' });
    expect(li.eTag).toMatch(/^"[0-9a-f-]{36},\d+"$/);
    // The list item and the drive item are one SharePoint item: same GUID, same change counter.
    expect(li.eTag.toUpperCase().replace(/"/g, '')).toBe(item.eTag.replace(/["{}]/g, ''));

    const patch = (body: Body, ifMatch?: string) =>
      t.graph(`/drives/${library.id}/items/${item.id}/listItem/fields`, {
        method: 'PATCH',
        json: body,
        headers: ifMatch ? { 'If-Match': ifMatch } : {},
      });
    const updated = await patch({ ArtefactType: 'chronology', Agency: 'Health visiting' }, li.eTag);
    expect(updated.status).toBe(200);
    const fields = await json(updated);
    expect(fields).toMatchObject({
      ArtefactType: 'chronology',
      Agency: 'Health visiting',
      _UIVersionString: '2.0',
    });
    expect((await patch({ Agency: 'x' }, li.eTag)).status).toBe(412);
    const unknown = await patch({ Nope: 1 });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.message).toBe("Field 'Nope' is not recognized");
    expect((await patch({ ArtefactType: 'not a type' })).status).toBe(400);
    // Writing FileLeafRef renames the file.
    const renamed = await patch({ FileLeafRef: 'CR-2026-014 Chronology v2.txt' });
    expect(renamed.status).toBe(200);
    expect((await json(await t.graph(`/drives/${library.id}/items/${item.id}`))).name).toBe(
      'CR-2026-014 Chronology v2.txt',
    );
    // A field change adds a version in the library, as SharePoint does.
    const versions = await json(await t.graph(`/drives/${library.id}/items/${item.id}/versions`));
    expect(versions.value.map((v: { id: string }) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    // The lists routes see the same item.
    const list = await json(await t.graph(`/sites/${siteId}/lists/Review%20artefacts/items?$expand=fields`));
    const row = list.value.find(
      (r: { fields: { FileLeafRef: string } }) => r.fields.FileLeafRef === 'CR-2026-014 Chronology v2.txt',
    );
    expect(row.fields).toMatchObject({ ArtefactType: 'chronology', Agency: 'Health visiting' });
  });
});

describe('sharing', () => {
  it('invites named people, lists and withdraws their permission; the invitee reads only what was shared', async () => {
    const item = (await upload('Shared/for-chair.txt', 'for the chair')).body;
    const bad = await t.graph(`/drives/${driveId}/items/${item.id}/invite`, {
      method: 'POST',
      json: { recipients: [{ email: 'not an address' }], roles: ['read'], requireSignIn: true },
    });
    expect(bad.status).toBe(400);
    const badRole = await t.graph(`/drives/${driveId}/items/${item.id}/invite`, {
      method: 'POST',
      json: { recipients: [{ email: OUTSIDER }], roles: ['owner'], requireSignIn: true },
    });
    expect(badRole.status).toBe(400);

    expect((await t.graph(`/drives/${driveId}/items/${item.id}`, { as: OUTSIDER })).status).toBe(403);
    const invited = await t.graph(`/drives/${driveId}/items/${item.id}/invite`, {
      method: 'POST',
      json: {
        recipients: [{ email: OUTSIDER }],
        roles: ['read'],
        requireSignIn: true,
        sendInvitation: true,
        message: 'The draft for the panel.',
      },
    });
    expect(invited.status).toBe(200);
    const permission = (await json(invited)).value[0];
    expect(permission).toMatchObject({
      roles: ['read'],
      grantedToV2: { user: { displayName: 'Oliver Grant', email: OUTSIDER } },
      invitation: { email: OUTSIDER, signInRequired: true },
    });

    const list = await json(await t.graph(`/drives/${driveId}/items/${item.id}/permissions`));
    expect(list.value.map((p: { id: string }) => p.id)).toContain(permission.id);
    const inherited = list.value.find(
      (p: { grantedToV2?: { siteGroup?: unknown } }) => p.grantedToV2?.siteGroup,
    );
    expect(inherited.inheritedFrom).toBeDefined();
    expect(
      (await t.graph(`/drives/${driveId}/items/${item.id}/permissions/${inherited.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(403);

    // The invitee reads the item and its content, not the rest of the library, and can't write.
    expect((await t.graph(`/drives/${driveId}/items/${item.id}`, { as: OUTSIDER })).status).toBe(200);
    expect((await download(item.id, OUTSIDER)).toString()).toBe('for the chair');
    expect((await t.graph(`/drives/${driveId}/root/children`, { as: OUTSIDER })).status).toBe(403);
    const write = await t.graph(`/drives/${driveId}/items/${item.id}/content`, {
      method: 'PUT',
      body: 'x',
      as: OUTSIDER,
    });
    expect(write.status).toBe(403);

    const one = await json(await t.graph(`/drives/${driveId}/items/${item.id}/permissions/${permission.id}`));
    expect(one.id).toBe(permission.id);
    const removed = await t.graph(`/drives/${driveId}/items/${item.id}/permissions/${permission.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect((await t.graph(`/drives/${driveId}/items/${item.id}`, { as: OUTSIDER })).status).toBe(403);
    expect((await t.graph(`/drives/${driveId}/items/${item.id}/permissions/${permission.id}`)).status).toBe(
      404,
    );
  });
});

describe('persistence', () => {
  it('keeps files, their content and versions across a restart', async () => {
    const first = await startTestTenant();
    const dataDir = first.dataDir;
    const site = (await json(await first.graph(REVIEW_SITE))).id;
    const drive = (await json(await first.graph(`/sites/${site}/drive`))).id;
    const put = (body: string) =>
      first.graph(`/drives/${drive}/root:/Kept/record.txt:/content`, { method: 'PUT', body });
    const created = await json(await put('version one'));
    await put('version two');
    await first.close();

    const second = await startTestTenant({ dataDir });
    try {
      const item = await json(await second.graph(`/drives/${drive}/root:/Kept/record.txt`));
      expect(item.id).toBe(created.id);
      const versions = await json(await second.graph(`/drives/${drive}/items/${item.id}/versions`));
      expect(versions.value.map((v: { id: string }) => v.id)).toEqual(['2.0', '1.0']);
      const res = await second.graph(`/drives/${drive}/items/${item.id}/content`, { redirect: 'manual' });
      expect(await (await fetch(res.headers.get('location')!)).text()).toBe('version two');
      const v1 = await second.graph(`/drives/${drive}/items/${item.id}/versions/1.0/content`, {
        redirect: 'manual',
      });
      expect(await (await fetch(v1.headers.get('location')!)).text()).toBe('version one');
    } finally {
      await second.close();
    }
  });
});
