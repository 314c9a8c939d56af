import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * JSON batching as documented (https://learn.microsoft.com/graph/json-batching): at most 20
 * requests, unique ids (not case-sensitive), relative urls with or without a leading '/', a body
 * needs a Content-Type header, dependsOn orders parts and a failed dependency gives 424, the batch
 * answers 200 while each part carries its own status (a part may be 429 with its own Retry-After).
 */

interface BatchResponse {
  responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[];
}

let t: TestTenant;
let site: string;
const batch = (requests: unknown[]) => t.graph('/$batch', { method: 'POST', json: { requests } });
const byId = (body: BatchResponse) => new Map(body.responses.map((r) => [r.id, r]));

beforeAll(async () => {
  t = await startTestTenant();
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  const groupId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
  site = `/sites/${(await (await t.graph(`/groups/${groupId}/sites/root`)).json()).id}`;
});
afterAll(() => t.close());
afterEach(async () => {
  await fetch(`${t.tenant.url}/_local/faults`, { method: 'DELETE' });
});

describe('$batch', () => {
  it('runs each part and answers 200 with one response per id, whatever the parts answered', async () => {
    const res = await batch([
      { id: '1', method: 'GET', url: '/me?$select=displayName' },
      { id: '2', method: 'GET', url: `${site.slice(1)}/lists/People/items?$top=2&$expand=fields` },
      { id: '3', method: 'GET', url: '/sites/northmoor.sharepoint.com:/sites/NoSuchSite' },
      {
        id: '4',
        method: 'POST',
        url: `${site}/lists/People/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: 'From a batch', PersonRole: 'case-group' } },
      },
    ]);
    expect(res.status).toBe(200);
    const parts = byId((await res.json()) as BatchResponse);
    expect(parts.get('1')).toMatchObject({ status: 200, body: { displayName: 'Ruth Okonkwo-Hale' } });
    expect((parts.get('2')!.body as { value: unknown[] }).value).toHaveLength(2);
    expect(parts.get('3')).toMatchObject({ status: 404, body: { error: { code: 'itemNotFound' } } });
    expect(parts.get('4')!.status).toBe(201);
    expect(parts.get('4')!.headers['Content-Type']).toMatch(/application\/json/);
  });

  it('counts the batch once among HTTP requests and each part as an operation', async () => {
    await fetch(`${t.tenant.url}/_local/stats`, { method: 'DELETE' });
    await batch([
      { id: 'a', method: 'GET', url: '/me' },
      { id: 'b', method: 'GET', url: '/me' },
      { id: 'c', method: 'GET', url: '/me' },
    ]);
    const stats = await (await fetch(`${t.tenant.url}/_local/stats`)).json();
    expect(stats).toMatchObject({ httpRequests: 1, operations: 4 });
  });

  it('refuses a malformed batch with 400: more than 20 requests, duplicate ids, bodies without Content-Type', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    const cases: [unknown[], RegExp][] = [
      [many, /at most 20/],
      [
        [
          { id: 'x', method: 'GET', url: '/me' },
          { id: 'X', method: 'GET', url: '/me' },
        ],
        /more than once/,
      ],
      [
        [{ id: '1', method: 'POST', url: '/me/events', body: {} }],
        /does not contain Content-Type header or body/,
      ],
      [[{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }], /relative/],
      [[{ id: '1', method: 'FETCH', url: '/me' }], /method/],
      [[{ id: '1', method: 'GET', url: '/me', dependsOn: ['2'] }], /not a request of this batch/],
      [
        [
          { id: '1', method: 'GET', url: '/me', dependsOn: ['2'] },
          { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
        ],
        /cycle/,
      ],
      [[], /no requests/],
      [[{ id: '1', method: 'GET', url: '/$batch' }], /another batch/],
    ];
    for (const [requests, message] of cases) {
      const res = await batch(requests);
      const body = await res.json();
      expect([String(message), res.status, body.error?.code]).toEqual([String(message), 400, 'BadRequest']);
      expect(body.error.message).toMatch(message);
    }
    const notJson = await t.graph('/$batch', {
      method: 'POST',
      body: '{"requests": [',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
  });

  it('takes a base64 body for non-JSON content, as the docs allow (a file upload)', async () => {
    const drive = await (await t.graph(`${site}/drive`)).json();
    const text = 'Notes of a practitioner conversation (fictional).';
    const res = await batch([
      {
        id: 'upload',
        method: 'PUT',
        url: `/drives/${drive.id}/root:/batch-note.txt:/content`,
        headers: { 'Content-Type': 'text/plain' },
        body: Buffer.from(text).toString('base64'),
      },
    ]);
    const part = byId((await res.json()) as BatchResponse).get('upload')!;
    expect(part.status).toBe(201);
    expect((part.body as { size: number }).size).toBe(text.length);
    const content = await t.graph(`/drives/${drive.id}/root:/batch-note.txt:/content`);
    expect(await content.text()).toBe(text);
  });

  it('runs dependsOn in order and gives 424 to the dependents of a failed part', async () => {
    const res = await batch([
      {
        id: 'create',
        method: 'POST',
        url: `${site}/lists/People/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: 'Ordered', PersonRole: 'family' } },
      },
      {
        id: 'read',
        method: 'GET',
        url: `${site}/lists/People/items?$top=999&$expand=fields`,
        dependsOn: ['create'],
      },
      { id: 'fail', method: 'GET', url: `${site}/lists/Nope/items` },
      { id: 'after-fail', method: 'GET', url: '/me', dependsOn: ['fail'] },
      { id: 'chain', method: 'GET', url: '/me', dependsOn: ['after-fail'] },
    ]);
    const parts = byId((await res.json()) as BatchResponse);
    const titles = (parts.get('read')!.body as { value: { fields: { Title: string } }[] }).value.map(
      (i) => i.fields.Title,
    );
    expect(titles).toContain('Ordered');
    expect(parts.get('fail')!.status).toBe(404);
    expect(parts.get('after-fail')!.status).toBe(424);
    expect(parts.get('chain')!.status).toBe(424);
  });

  it('throttles parts one by one: a 429 part carries its own Retry-After, the others succeed', async () => {
    await fetch(`${t.tenant.url}/_local/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        rules: [{ path: '/lists/People/items$', method: 'GET', throttle: 1, retryAfterSeconds: 7 }],
      }),
    });
    const res = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: `${site}/lists/People/items` },
    ]);
    expect(res.status).toBe(200);
    const parts = byId((await res.json()) as BatchResponse);
    expect(parts.get('1')!.status).toBe(200);
    expect(parts.get('2')).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { error: { code: 'TooManyRequests' } },
    });
  });
});

describe('fault injection', () => {
  it('throttles a path with 429 and Retry-After until the rules are deleted', async () => {
    const put = await fetch(`${t.tenant.url}/_local/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rules: [{ path: '^/sites/.*/items', throttle: 1, retryAfterSeconds: 3 }] }),
    });
    expect(put.status).toBe(200);
    const throttled = await t.graph(`${site}/lists/People/items`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('3');
    expect((await throttled.json()).error.code).toBe('TooManyRequests');
    expect((await t.graph('/me')).status).toBe(200); // other paths are untouched

    await fetch(`${t.tenant.url}/_local/faults`, { method: 'DELETE' });
    expect((await t.graph(`${site}/lists/People/items`)).status).toBe(200);
  });

  it('adds latency to matching requests, batch parts included', async () => {
    await fetch(`${t.tenant.url}/_local/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rules: [{ path: '^/me$', latencyMs: 150 }] }),
    });
    let started = Date.now();
    expect((await t.graph('/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    // Parts of a batch run in parallel, each with its own latency.
    started = Date.now();
    const res = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: 'me' },
    ]);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
  });

  it('answers 503 with Retry-After and 504 when configured', async () => {
    await fetch(`${t.tenant.url}/_local/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        rules: [
          { path: '^/me$', unavailable: 1, retryAfterSeconds: 2 },
          { path: '^/users$', gatewayTimeout: 1 },
        ],
      }),
    });
    const unavailable = await t.graph('/me');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('Retry-After')).toBe('2');
    expect((await t.graph('/users')).status).toBe(504);
  });
});
