import { createHash, randomBytes } from 'node:crypto';
import { QuickXorHash, quickXorHash } from '../../src/local-tenant/store/quickxorhash';
import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Uploads to the local tenant as Graph takes them on SharePoint:
 * - simple upload (learn.microsoft.com/graph/api/driveitem-put-content): up to 250 MB per the docs
 *   (4 MB in older revisions); the product uses it up to 4 MiB and a session above;
 * - upload sessions (.../driveitem-createuploadsession): fragments in order, multiples of 320 KiB
 *   but the last, under 60 MiB; 202 with nextExpectedRanges until the last, then 201 or 200;
 *   416 invalidRange for a fragment out of order or already received (detailed codes
 *   fragmentOutOfOrder / fragmentOverlap from OneDrive's error code list); GET uploadUrl to resume
 *   "if a connection is dropped"; DELETE to cancel; no Authorization header on the upload URL
 *   ("may result in an HTTP 401 Unauthorized").
 */

const REVIEW_SITE = '/sites/northmoor.sharepoint.com:/sites/CR-2026-014';
const KIB = 1024;
const MIB = 1024 * KIB;
const FRAGMENT_UNIT = 320 * KIB; // 327,680 bytes
const EMPTY_QUICKXOR = 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=';

type Body = Record<string, unknown>;

let t: TestTenant;
let driveId: string;

beforeAll(async () => {
  t = await startTestTenant();
  driveId = await defaultDrive(t);
});
afterAll(() => t.close());

async function json(res: Response) {
  const text = await res.text();
  return text ? JSON.parse(text) : {};
}

async function defaultDrive(tenant: TestTenant): Promise<string> {
  const site = await json(await tenant.graph(REVIEW_SITE));
  return (await json(await tenant.graph(`/sites/${site.id}/drive`))).id;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const bytes = (b: Buffer) => new Uint8Array(b);

async function simpleUpload(path: string, data: Buffer | string, query = '') {
  const res = await t.graph(`/drives/${driveId}/root:/${path}:/content${query}`, {
    method: 'PUT',
    body: typeof data === 'string' ? data : bytes(data),
  });
  return { status: res.status, body: await json(res) };
}

async function downloadHash(
  tenant: TestTenant,
  drive: string,
  itemId: string,
): Promise<{ hash: string; size: number }> {
  const res = await tenant.graph(`/drives/${drive}/items/${itemId}/content`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const file = await fetch(res.headers.get('location')!);
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of file.body as unknown as AsyncIterable<Uint8Array>) {
    h.update(chunk);
    size += chunk.length;
  }
  return { hash: h.digest('hex'), size };
}

async function createSession(
  path: string,
  item: Body = { '@microsoft.graph.conflictBehavior': 'replace' },
  extra: Body = {},
) {
  const res = await t.graph(`/drives/${driveId}/root:/${path}:/createUploadSession`, {
    method: 'POST',
    json: { item, ...extra },
  });
  return { status: res.status, body: await json(res) };
}

function putFragment(
  url: string,
  data: Buffer,
  start: number,
  total: number,
  headers: Record<string, string> = {},
) {
  return fetch(url, {
    method: 'PUT',
    headers: { 'Content-Range': `bytes ${start}-${start + data.length - 1}/${total}`, ...headers },
    body: bytes(data),
  });
}

/** Uploads `data` through a session in fragments of `fragment` bytes; returns the final response. */
async function uploadAll(url: string, data: Buffer, fragment: number, from = 0): Promise<Response> {
  let res: Response | undefined;
  for (let start = from; start < data.length; start += fragment) {
    res = await putFragment(
      url,
      data.subarray(start, Math.min(start + fragment, data.length)),
      start,
      data.length,
    );
    if (start + fragment < data.length) {
      expect(res.status).toBe(202);
      await res.arrayBuffer();
    }
  }
  return res!;
}

describe('simple upload (PUT .../content)', () => {
  it('keeps a 0-byte file, as Graph does (the product refuses them itself)', async () => {
    const up = await simpleUpload('Uploads/empty.txt', '');
    expect(up.status).toBe(201);
    expect(up.body.size).toBe(0);
    expect(up.body.file.hashes.quickXorHash).toBe(EMPTY_QUICKXOR);
    expect(await downloadHash(t, driveId, up.body.id)).toEqual({ hash: sha256(new Uint8Array()), size: 0 });
  });

  it('uploads a small file and reports its quickXorHash', async () => {
    // One byte 0x4A: "SgAAAAAAAAAAAAAAAQAAAAAAAAA=" (a published QuickXorHash test vector, rclone's).
    const up = await simpleUpload('Uploads/one-byte.bin', Buffer.from([0x4a]));
    expect(up.status).toBe(201);
    expect(up.body.file.hashes.quickXorHash).toBe('SgAAAAAAAAAAAAAAAQAAAAAAAAA=');
    expect(up.body.file.mimeType).toBe('application/octet-stream');
  });

  it('uploads exactly 4 MiB in one request, byte for byte', async () => {
    const data = randomBytes(4 * MIB);
    const up = await simpleUpload('Uploads/four-mib.bin', data);
    expect(up.status).toBe(201);
    expect(up.body.size).toBe(4 * MIB);
    expect(await downloadHash(t, driveId, up.body.id)).toEqual({ hash: sha256(data), size: data.length });
  });

  it('replaces by default (200, same item, new version); fail is 409 nameAlreadyExists; rename adds a number', async () => {
    const first = await simpleUpload('Uploads/note.txt', 'one');
    const replaced = await simpleUpload('Uploads/note.txt', 'two');
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(first.body.id);
    const failed = await simpleUpload('Uploads/note.txt', 'three', '?@microsoft.graph.conflictBehavior=fail');
    expect(failed.status).toBe(409);
    expect(failed.body.error.code).toBe('nameAlreadyExists');
    const renamed = await simpleUpload(
      'Uploads/note.txt',
      'four',
      '?@microsoft.graph.conflictBehavior=rename',
    );
    expect(renamed.status).toBe(201);
    expect(renamed.body.name).toBe('note 1.txt');
    const versions = await json(await t.graph(`/drives/${driveId}/items/${first.body.id}/versions`));
    expect(versions.value.map((v: { id: string }) => v.id)).toEqual(['2.0', '1.0']);
    // Replacing by id, with If-Match on the eTag.
    const byId = await t.graph(`/drives/${driveId}/items/${first.body.id}/content`, {
      method: 'PUT',
      body: 'five',
      headers: { 'If-Match': first.body.eTag },
    });
    expect(byId.status).toBe(412);
  });
});

describe('upload sessions', () => {
  it('answers with a pre-authenticated uploadUrl outside /v1.0, and refuses an Authorization header there', async () => {
    const s = await createSession('Sessions/auth.bin');
    expect(s.status).toBe(200);
    expect(s.body.uploadUrl.startsWith(`${t.tenant.url}/`)).toBe(true);
    expect(s.body.uploadUrl.startsWith(t.tenant.graphBase)).toBe(false);
    expect(s.body.nextExpectedRanges).toEqual(['0-']);
    expect(Date.parse(s.body.expirationDateTime)).toBeGreaterThan(Date.now());
    const withToken = await putFragment(s.body.uploadUrl, Buffer.from('abc'), 0, 3, {
      Authorization: `Bearer ${await t.token()}`,
    });
    expect(withToken.status).toBe(401);
    const status = await json(await fetch(s.body.uploadUrl));
    expect(status.nextExpectedRanges).toEqual(['0-']);
  });

  it('uploads 4 MiB + 1 byte in two fragments (a 320 KiB multiple, then the rest): 202, then 201', async () => {
    const data = randomBytes(4 * MIB + 1);
    const s = await createSession('Sessions/four-mib-plus-one.bin');
    const first = 12 * FRAGMENT_UNIT; // 3,932,160 bytes
    const r1 = await putFragment(s.body.uploadUrl, data.subarray(0, first), 0, data.length);
    expect(r1.status).toBe(202);
    expect((await json(r1)).nextExpectedRanges).toEqual([`${first}-${data.length - 1}`]);
    const r2 = await putFragment(s.body.uploadUrl, data.subarray(first), first, data.length);
    expect(r2.status).toBe(201);
    const item = await json(r2);
    expect(item.size).toBe(data.length);
    expect(item.name).toBe('four-mib-plus-one.bin');
    expect(await downloadHash(t, driveId, item.id)).toEqual({ hash: sha256(data), size: data.length });
    // The session is done.
    expect((await fetch(s.body.uploadUrl)).status).toBe(404);
  });

  it('survives a dropped connection mid-upload of 50 MiB: resume from nextExpectedRanges, byte-identical', async () => {
    const data = randomBytes(50 * MIB + 1234);
    const fragment = 32 * FRAGMENT_UNIT; // 10 MiB, the size Microsoft recommends
    const s = await createSession('Sessions/fifty-mib.bin', { '@microsoft.graph.conflictBehavior': 'fail' });
    expect(s.status).toBe(200);
    const url: string = s.body.uploadUrl;
    for (const start of [0, fragment]) {
      const r = await putFragment(url, data.subarray(start, start + fragment), start, data.length);
      expect(r.status).toBe(202);
      await r.arrayBuffer();
    }
    // The third fragment's connection drops: the client can't know whether it arrived.
    await fetch(`${t.tenant.url}/_local/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rules: [{ path: '^/_upload/', method: 'PUT', drop: 1 }] }),
    });
    await expect(
      (async () => {
        const r = await putFragment(
          url,
          data.subarray(2 * fragment, 3 * fragment),
          2 * fragment,
          data.length,
        );
        await r.arrayBuffer();
      })(),
    ).rejects.toThrow();
    await fetch(`${t.tenant.url}/_local/faults`, { method: 'DELETE' });

    // Resume: ask the session where it stands, and go on from there.
    const status = await json(await fetch(url));
    expect(status.nextExpectedRanges).toEqual([`${2 * fragment}-${data.length - 1}`]);
    const resumeAt = Number(String(status.nextExpectedRanges[0]).split('-')[0]);
    const last = await uploadAll(url, data, fragment, resumeAt);
    expect(last.status).toBe(201);
    const item = await json(last);
    expect(item.size).toBe(data.length);
    expect(await downloadHash(t, driveId, item.id)).toEqual({ hash: sha256(data), size: data.length });
  }, 120_000);

  it('refuses fragments out of order or already received with 416 invalidRange, keeping nextExpectedRanges', async () => {
    const data = randomBytes(3 * FRAGMENT_UNIT);
    const s = await createSession('Sessions/order.bin');
    const url: string = s.body.uploadUrl;
    const skip = await putFragment(
      url,
      data.subarray(FRAGMENT_UNIT, 2 * FRAGMENT_UNIT),
      FRAGMENT_UNIT,
      data.length,
    );
    expect(skip.status).toBe(416);
    expect((await json(skip)).error).toMatchObject({
      code: 'invalidRange',
      innerError: { code: 'fragmentOutOfOrder' },
    });
    expect((await json(await fetch(url))).nextExpectedRanges).toEqual(['0-']);
    const ok = await putFragment(url, data.subarray(0, FRAGMENT_UNIT), 0, data.length);
    expect(ok.status).toBe(202);
    await ok.arrayBuffer();
    const again = await putFragment(url, data.subarray(0, FRAGMENT_UNIT), 0, data.length);
    expect(again.status).toBe(416);
    expect((await json(again)).error.innerError.code).toBe('fragmentOverlap');
    expect((await json(await fetch(url))).nextExpectedRanges).toEqual([
      `${FRAGMENT_UNIT}-${data.length - 1}`,
    ]);
  });

  it('refuses a fragment that is not a multiple of 320 KiB (but the last), a changed total and a wrong length', async () => {
    const data = randomBytes(2 * FRAGMENT_UNIT);
    const s = await createSession('Sessions/sizes.bin');
    const url: string = s.body.uploadUrl;
    const odd = await putFragment(url, data.subarray(0, 100_000), 0, data.length);
    expect(odd.status).toBe(400);
    expect((await json(odd)).error.code).toBe('invalidRequest');
    const r = await putFragment(url, data.subarray(0, FRAGMENT_UNIT), 0, data.length);
    expect(r.status).toBe(202);
    await r.arrayBuffer();
    const otherTotal = await putFragment(url, data.subarray(FRAGMENT_UNIT), FRAGMENT_UNIT, data.length + 1);
    expect(otherTotal.status).toBe(400);
    expect((await json(otherTotal)).error.innerError.code).toBe('fragmentLengthMismatch');
    const noRange = await fetch(url, { method: 'PUT', body: bytes(data.subarray(FRAGMENT_UNIT)) });
    expect(noRange.status).toBe(400);
    const lying = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes ${FRAGMENT_UNIT}-${data.length - 1}/${data.length}` },
      body: bytes(data.subarray(FRAGMENT_UNIT + 1)),
    });
    expect(lying.status).toBe(400);
    // The last fragment may be any size.
    const done = await putFragment(url, data.subarray(FRAGMENT_UNIT), FRAGMENT_UNIT, data.length);
    expect(done.status).toBe(201);
  });

  it('refuses a fragment of 60 MiB or more with 413', async () => {
    const s = await createSession('Sessions/huge.bin');
    const big = Buffer.alloc(60 * MIB);
    const res = await putFragment(s.body.uploadUrl, big, 0, 100 * MIB);
    expect(res.status).toBe(413);
    expect((await json(res)).error.innerError.code).toBe('maxFragmentLengthExceeded');
  }, 60_000);

  it('cancels with DELETE (204); the session is then 404', async () => {
    const s = await createSession('Sessions/cancel.bin');
    const url: string = s.body.uploadUrl;
    const r = await putFragment(url, randomBytes(FRAGMENT_UNIT), 0, 2 * FRAGMENT_UNIT);
    await r.arrayBuffer();
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(204);
    const gone = await fetch(url);
    expect(gone.status).toBe(404);
    expect((await json(gone)).error).toMatchObject({
      code: 'itemNotFound',
      innerError: { code: 'uploadSessionNotFound' },
    });
    expect(
      (await putFragment(url, randomBytes(FRAGMENT_UNIT), FRAGMENT_UNIT, 2 * FRAGMENT_UNIT)).status,
    ).toBe(404);
    expect((await t.graph(`/drives/${driveId}/root:/Sessions/cancel.bin`)).status).toBe(404);
  });

  it('applies conflictBehavior: fail at creation and at commit (409), replace (200, same item), rename (201)', async () => {
    await simpleUpload('Sessions/taken.txt', 'original');
    const fail = await createSession('Sessions/taken.txt', { '@microsoft.graph.conflictBehavior': 'fail' });
    expect(fail.status).toBe(409);
    expect(fail.body.error.code).toBe('nameAlreadyExists');
    // The default is fail.
    expect((await createSession('Sessions/taken.txt', {})).status).toBe(409);

    // A name taken while the session runs: the last fragment gets 409.
    const late = await createSession('Sessions/late.txt', { '@microsoft.graph.conflictBehavior': 'fail' });
    expect(late.status).toBe(200);
    await simpleUpload('Sessions/late.txt', 'someone else');
    const commit = await putFragment(late.body.uploadUrl, Buffer.from('mine'), 0, 4);
    expect(commit.status).toBe(409);
    expect((await json(commit)).error.code).toBe('nameAlreadyExists');

    const original = await json(await t.graph(`/drives/${driveId}/root:/Sessions/taken.txt`));
    const replace = await createSession('Sessions/taken.txt', {
      '@microsoft.graph.conflictBehavior': 'replace',
    });
    const replaced = await putFragment(replace.body.uploadUrl, Buffer.from('replaced'), 0, 8);
    expect(replaced.status).toBe(200);
    expect((await json(replaced)).id).toBe(original.id);

    const rename = await createSession('Sessions/taken.txt', {
      '@microsoft.graph.conflictBehavior': 'rename',
    });
    const renamed = await putFragment(rename.body.uploadUrl, Buffer.from('renamed'), 0, 7);
    expect(renamed.status).toBe(201);
    expect((await json(renamed)).name).toBe('taken 1.txt');
  });

  it("refuses a body name that differs from the path's, and an invalid name", async () => {
    const mismatch = await createSession('Sessions/a.txt', { name: 'b.txt' });
    expect(mismatch.status).toBe(400);
    const bad = await createSession(encodeURIComponent('what?.txt'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.innerError.code).toBe('nameContainsInvalidCharacters');
  });

  it('replaces an existing file by id (200), adding a version', async () => {
    const first = await simpleUpload('Sessions/by-id.bin', randomBytes(10));
    const res = await t.graph(`/drives/${driveId}/items/${first.body.id}/createUploadSession`, {
      method: 'POST',
      json: { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
    });
    const s = await json(res);
    const data = randomBytes(FRAGMENT_UNIT + 5);
    const done = await uploadAll(s.uploadUrl, data, FRAGMENT_UNIT);
    expect(done.status).toBe(200);
    expect((await json(done)).id).toBe(first.body.id);
    const versions = await json(await t.graph(`/drives/${driveId}/items/${first.body.id}/versions`));
    expect(versions.value.map((v: { id: string; size: number }) => [v.id, v.size])).toEqual([
      ['2.0', data.length],
      ['1.0', 10],
    ]);
  });

  it('commits with an empty POST when deferCommit is set', async () => {
    const s = await createSession(
      'Sessions/deferred.txt',
      { '@microsoft.graph.conflictBehavior': 'replace' },
      { deferCommit: true },
    );
    const last = await putFragment(s.body.uploadUrl, Buffer.from('deferred'), 0, 8);
    expect(last.status).toBe(202);
    expect((await json(last)).nextExpectedRanges).toEqual([]);
    expect((await t.graph(`/drives/${driveId}/root:/Sessions/deferred.txt`)).status).toBe(404);
    const commit = await fetch(s.body.uploadUrl, { method: 'POST' });
    expect(commit.status).toBe(201);
  });

  it('passes injected faults on the upload URL to the client (503 with Retry-After) without taking the fragment', async () => {
    const s = await createSession('Sessions/throttled.bin');
    await fetch(`${t.tenant.url}/_local/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        rules: [{ path: '^/_upload/', method: 'PUT', unavailable: 1, retryAfterSeconds: 2 }],
      }),
    });
    try {
      const res = await putFragment(s.body.uploadUrl, Buffer.from('x'), 0, 1);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
    } finally {
      await fetch(`${t.tenant.url}/_local/faults`, { method: 'DELETE' });
    }
    expect((await json(await fetch(s.body.uploadUrl))).nextExpectedRanges).toEqual(['0-']);
  });
});

describe('upload session expiry', () => {
  it('expires a session 15 minutes after its last fragment (then 404), each fragment extending it', async () => {
    let clock = new Date('2026-11-02T10:00:00Z').getTime();
    const tenant = await startTestTenant({ now: () => new Date(clock) });
    try {
      const drive = await defaultDrive(tenant);
      const create = async () =>
        json(
          await tenant.graph(`/drives/${drive}/root:/Expiry/file.bin:/createUploadSession`, {
            method: 'POST',
            json: { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
          }),
        );
      const s = await create();
      expect(s.expirationDateTime).toBe('2026-11-02T10:15:00.000Z');
      clock += 10 * 60 * 1000;
      const r = await putFragment(s.uploadUrl, randomBytes(FRAGMENT_UNIT), 0, 2 * FRAGMENT_UNIT);
      expect(r.status).toBe(202);
      expect((await json(r)).expirationDateTime).toBe('2026-11-02T10:25:00.000Z');
      clock += 16 * 60 * 1000;
      expect((await fetch(s.uploadUrl)).status).toBe(404);
    } finally {
      await tenant.close();
    }
  });
});

describe('quickXorHash (the hash SharePoint reports in file.hashes)', () => {
  // Published test vectors (rclone's backend/onedrive/quickxorhash tests): input and hash in base64.
  it.each([
    ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
    ['2fuxhBJXtpWFe8dOfdGeHw==', 'O9tHLAghgSvYohKFyMMxnNCHaHg='],
    ['T6LYJIfDh81JrAK309H2JMJTXis=', 'zBTHrspn3mEcohlJdIUAbjGNaNg='],
  ])('hashes %j to %j', (input, expected) => {
    expect(quickXorHash(Buffer.from(input, 'base64'))).toBe(expected);
  });

  it('streams over fragments of any size and resumes from a saved state', () => {
    const data = randomBytes(10_007);
    const whole = quickXorHash(data);
    const h = new QuickXorHash().update(data.subarray(0, 333));
    const resumed = new QuickXorHash(JSON.parse(JSON.stringify(h.state())));
    resumed.update(data.subarray(333, 5000)).update(data.subarray(5000));
    expect(resumed.digest()).toBe(whole);
  });
});

test('closing the tenant waits for a request it is still answering after its client went away (a page closed mid-upload)', async () => {
  const other = await startTestTenant();
  const token = await other.token();
  // The answer waits out an injected delay, as a slowed upload's fragment does.
  other.tenant.faults.configure({ rules: [{ path: '/me$', method: 'GET', latencyMs: 300 }] });
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const gone = new AbortController();
    const request = fetch(`${other.tenant.graphBase}/me`, {
      headers: { authorization: `Bearer ${token}` },
      signal: gone.signal,
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.abort();
    await request;
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The handler ran to its end with the store still open: no unexpected error on the console.
    expect(logged).not.toHaveBeenCalled();
  } finally {
    logged.mockRestore();
  }
});
