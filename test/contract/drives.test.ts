import { startTestTenant, type TestTenant } from '../support/tenant';
import { describeContract, validateRequestBody, validateResponse } from './openapi';

/**
 * The local tenant's drives against Microsoft's OpenAPI description of Graph v1.0 (../shared/graph):
 * every documented drive path the product calls, its request bodies and responses, success and
 * error. Notes:
 * - GET .../content answers 302 Found (driveitem-get-content docs); the description only writes
 *   "2XX" for it, so the redirect itself is checked in test/local-tenant/drives.test.ts.
 * - Path-addressed URLs (".../root:/a/b.docx:/content") are not templates of the description: their
 *   bodies are the same types, checked through the id-addressed path.
 * - The upload URL is not Graph's (it is SharePoint's, pre-authenticated); its final answer is a
 *   driveItem, checked against the driveItem schema of PUT .../content.
 */

describeContract('drives contract (drive, items, content, sessions, versions, sharing, listItem)', () => {
  let t: TestTenant;
  let siteId: string;
  let driveId: string;
  beforeAll(async () => {
    t = await startTestTenant();
    const site = await (await t.graph('/sites/northmoor.sharepoint.com:/sites/CR-2026-014')).json();
    siteId = site.id;
  });
  afterAll(() => t.close());

  async function call(method: string, path: string, init: { json?: unknown; body?: string } = {}) {
    const res = await t.graph(path, { method, redirect: 'manual', ...init });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  it('the site drive and the drives of a site', async () => {
    const drive = await call('GET', `/sites/${siteId}/drive`);
    expect(drive.status).toBe(200);
    expect(validateResponse('GET', `/sites/${siteId}/drive`, 200, drive.body)).toEqual([]);
    driveId = drive.body.id;
  });

  it('items, children, folders, rename and delete', async () => {
    const root = await call('GET', `/drives/${driveId}/items/root`);
    expect(validateResponse('GET', `/drives/${driveId}/items/root`, root.status, root.body)).toEqual([]);

    const folderBody = { name: 'Contract', folder: {}, '@microsoft.graph.conflictBehavior': 'rename' };
    expect(
      validateRequestBody('POST', `/drives/${driveId}/items/${root.body.id}/children`, folderBody),
    ).toEqual([]);
    const folder = await call('POST', `/drives/${driveId}/items/${root.body.id}/children`, {
      json: folderBody,
    });
    expect(folder.status).toBe(201);
    expect(
      validateResponse('POST', `/drives/${driveId}/items/${root.body.id}/children`, 201, folder.body),
    ).toEqual([]);

    const file = await call('PUT', `/drives/${driveId}/items/${folder.body.id}:/notes.txt:/content`, {
      body: 'notes',
    });
    expect(file.status).toBe(201);
    expect(
      validateResponse('PUT', `/drives/${driveId}/items/${file.body.id}/content`, 201, file.body),
    ).toEqual([]);
    const replaced = await call('PUT', `/drives/${driveId}/items/${file.body.id}/content`, {
      body: 'notes 2',
    });
    expect(replaced.status).toBe(200);
    expect(
      validateResponse('PUT', `/drives/${driveId}/items/${file.body.id}/content`, 200, replaced.body),
    ).toEqual([]);

    const item = await call(
      'GET',
      `/drives/${driveId}/items/${file.body.id}?$expand=listItem($expand=fields)`,
    );
    expect(validateResponse('GET', `/drives/${driveId}/items/${file.body.id}`, 200, item.body)).toEqual([]);
    const children = await call('GET', `/drives/${driveId}/items/${folder.body.id}/children?$top=1`);
    expect(
      validateResponse('GET', `/drives/${driveId}/items/${folder.body.id}/children`, 200, children.body),
    ).toEqual([]);

    const patch = { name: 'notes renamed.txt' };
    expect(validateRequestBody('PATCH', `/drives/${driveId}/items/${file.body.id}`, patch)).toEqual([]);
    const renamed = await call('PATCH', `/drives/${driveId}/items/${file.body.id}`, { json: patch });
    expect(renamed.status).toBe(200);
    expect(validateResponse('PATCH', `/drives/${driveId}/items/${file.body.id}`, 200, renamed.body)).toEqual(
      [],
    );

    const conflict = await call('POST', `/drives/${driveId}/items/${root.body.id}/children`, {
      json: { name: folder.body.name, folder: {} },
    });
    expect(conflict.status).toBe(409);
    expect(
      validateResponse('POST', `/drives/${driveId}/items/${root.body.id}/children`, 409, conflict.body),
    ).toEqual([]);
    const bad = await call('PUT', `/drives/${driveId}/items/${folder.body.id}:/bad%3Aname.txt:/content`, {
      body: 'x',
    });
    expect(bad.status).toBe(400);
    expect(
      validateResponse('PUT', `/drives/${driveId}/items/${folder.body.id}/content`, 400, bad.body),
    ).toEqual([]);

    const gone = await call('DELETE', `/drives/${driveId}/items/${file.body.id}`);
    expect(gone.status).toBe(204);
    expect(validateResponse('DELETE', `/drives/${driveId}/items/${file.body.id}`, 204, gone.body)).toEqual(
      [],
    );
    const missing = await call('GET', `/drives/${driveId}/items/${file.body.id}`);
    expect(missing.status).toBe(404);
    expect(validateResponse('GET', `/drives/${driveId}/items/${file.body.id}`, 404, missing.body)).toEqual(
      [],
    );
  });

  it('upload sessions: the session, and the driveItem of the last fragment', async () => {
    const root = await call('GET', `/drives/${driveId}/root`);
    const body = { item: { '@microsoft.graph.conflictBehavior': 'replace', name: 'session.bin' } };
    const path = `/drives/${driveId}/items/${root.body.id}:/session.bin:/createUploadSession`;
    // The by-id form is the description's template; the body is the same.
    expect(
      validateRequestBody('POST', `/drives/${driveId}/items/${root.body.id}/createUploadSession`, body),
    ).toEqual([]);
    const session = await call('POST', path, { json: body });
    expect(session.status).toBe(200);
    expect(
      validateResponse(
        'POST',
        `/drives/${driveId}/items/${root.body.id}/createUploadSession`,
        200,
        session.body,
      ),
    ).toEqual([]);
    const res = await fetch(session.body.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Range': 'bytes 0-9/10' },
      body: '0123456789',
    });
    expect(res.status).toBe(201);
    const item = await res.json();
    expect(validateResponse('PUT', `/drives/${driveId}/items/${item.id}/content`, 201, item)).toEqual([]);
  });

  it('versions, invite, permissions and the list item', async () => {
    const file = await call('PUT', `/drives/${driveId}/root:/Contract/shared.txt:/content`, { body: 'one' });
    await call('PUT', `/drives/${driveId}/items/${file.body.id}/content`, { body: 'two' });
    const versions = await call('GET', `/drives/${driveId}/items/${file.body.id}/versions`);
    expect(
      validateResponse('GET', `/drives/${driveId}/items/${file.body.id}/versions`, 200, versions.body),
    ).toEqual([]);

    const invite = {
      recipients: [{ email: 'oliver.grant@northmoor.example' }],
      roles: ['read'],
      requireSignIn: true,
      sendInvitation: false,
      message: 'For the panel.',
    };
    expect(validateRequestBody('POST', `/drives/${driveId}/items/${file.body.id}/invite`, invite)).toEqual(
      [],
    );
    const invited = await call('POST', `/drives/${driveId}/items/${file.body.id}/invite`, { json: invite });
    expect(invited.status).toBe(200);
    expect(
      validateResponse('POST', `/drives/${driveId}/items/${file.body.id}/invite`, 200, invited.body),
    ).toEqual([]);
    const permissions = await call('GET', `/drives/${driveId}/items/${file.body.id}/permissions`);
    expect(
      validateResponse('GET', `/drives/${driveId}/items/${file.body.id}/permissions`, 200, permissions.body),
    ).toEqual([]);

    const listItem = await call('GET', `/drives/${driveId}/items/${file.body.id}/listItem?$expand=fields`);
    expect(listItem.status).toBe(200);
    expect(
      validateResponse('GET', `/drives/${driveId}/items/${file.body.id}/listItem`, 200, listItem.body),
    ).toEqual([]);
  });
});
