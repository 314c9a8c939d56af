import http from 'node:http';
import os from 'node:os';
import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * The local tenant holds a demo identity register and hands out a lead reviewer's token, so it
 * must not answer a web page on another origin, a rebound DNS name, or a request built to stall
 * it; and it answers bad input with Graph's 4xx, never a 500 or a reset.
 */

let t: TestTenant;
let port: number;
let site: string;
let driveId: string;

beforeAll(async () => {
  t = await startTestTenant();
  port = Number(new URL(t.tenant.url).port);
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  const groupId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
  site = `/sites/${(await (await t.graph(`/groups/${groupId}/sites/root`)).json()).id}`;
  driveId = (await (await t.graph(`${site}/drive`)).json()).id;
});
afterAll(() => t.close());
afterEach(async () => {
  await fetch(`${t.tenant.url}/_local/faults`, { method: 'DELETE' });
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with headers fetch will not let a test set (Host) or that a browser sets (Origin). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  host = '127.0.0.1',
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => `localhost:${port}`;

describe('browsers: only the pages’ own origins', () => {
  const foreign = ['https://attacker.example', 'null', 'http://localhost:9999', 'http://127.0.0.1:3001'];

  it('refuses Graph, the token and the admin routes to any other Origin with a Graph 403 and no CORS headers', async () => {
    const token = await t.token();
    for (const origin of foreign) {
      const answers = [
        await raw('GET', '/v1.0/me', { Host: own(), Origin: origin, Authorization: `Bearer ${token}` }),
        await raw(
          'POST',
          '/_local/token',
          { Host: own(), Origin: origin, 'Content-Type': 'application/json' },
          '{}',
        ),
        await raw('GET', '/_local/users', { Host: own(), Origin: origin }),
        await raw(
          'PUT',
          '/_local/faults',
          { Host: own(), Origin: origin, 'Content-Type': 'application/json' },
          '{"rules":[{"unavailable":1}]}',
        ),
        await raw('OPTIONS', '/v1.0/me', {
          Host: own(),
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        }),
      ];
      for (const a of answers) {
        expect([origin, a.status]).toEqual([origin, 403]);
        expect(a.headers['access-control-allow-origin']).toBeUndefined();
        expect(JSON.parse(a.body).error).toMatchObject({ code: 'accessDenied' });
        expect(a.body).not.toMatch(/access_token|Okonkwo/);
      }
    }
    // The refused PUT set no fault.
    expect((await (await fetch(`${t.tenant.url}/_local/faults`)).json()).rules).toEqual([]);
  });

  it('answers the dev server’s pages, and those a test registers, with CORS headers naming them', async () => {
    const token = await t.token();
    for (const origin of ['http://localhost:3000', 'https://localhost:3000']) {
      const a = await raw('GET', '/v1.0/me', {
        Host: own(),
        Origin: origin,
        Authorization: `Bearer ${token}`,
      });
      expect([origin, a.status, a.headers['access-control-allow-origin']]).toEqual([origin, 200, origin]);
    }
    const pages = 'http://localhost:45678';
    expect((await raw('POST', '/_local/token', { Host: own(), Origin: pages }, '{}')).status).toBe(403);
    t.tenant.allowOrigin(pages);
    const token2 = await raw('POST', '/_local/token', { Host: own(), Origin: pages }, '{}');
    expect(token2.status).toBe(200);
    expect(token2.headers['access-control-allow-origin']).toBe(pages);
    const preflight = await raw('OPTIONS', '/v1.0/me', {
      Host: own(),
      Origin: pages,
      'Access-Control-Request-Method': 'GET',
    });
    expect([preflight.status, preflight.headers['access-control-allow-origin']]).toEqual([204, pages]);
  });

  it('still answers scripts and tests, which send no Origin, without CORS headers', async () => {
    const token = await raw('POST', '/_local/token', { Host: own() }, '{}');
    expect(token.status).toBe(200);
    expect(token.headers['access-control-allow-origin']).toBeUndefined();
    expect((await t.graph('/me')).status).toBe(200);
  });
});

describe('DNS rebinding: only the tenant’s own host names', () => {
  it('refuses a Host header naming anything but localhost, 127.0.0.1 or [::1] with the tenant’s port', async () => {
    for (const host of [
      'attacker.example',
      `attacker.example:${port}`,
      `localhost:${port + 1}`,
      `localhost.attacker.example:${port}`,
      `192.168.1.20:${port}`,
      `localhost:${port}@attacker.example`,
    ]) {
      const a = await raw('POST', '/_local/token', { Host: host }, '{}');
      expect([host, a.status]).toEqual([host, 403]);
      expect(JSON.parse(a.body).error.code).toBe('accessDenied');
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const a = await raw('GET', '/_local/users', { Host: host });
      expect([host, a.status]).toEqual([host, 200]);
    }
  });

  it('listens on the loopback address only', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // a machine without a network has nothing to show
    await expect(raw('GET', '/_local/users', { Host: own() }, undefined, external.address)).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});

describe('$batch: no batch inside a batch, however it is spelt', () => {
  const spellings = [
    '/$batch',
    '$batch',
    '/$batch/',
    '/./$batch',
    '/me/../$batch',
    '/%24batch',
    '/%2524batch',
    '/%2e/$batch',
    '/me/..%2F$batch',
    '/v1.0/$batch',
    '\\$batch',
    'https://graph.microsoft.com/v1.0/$batch',
    '/$BATCH?x=1',
  ];

  it('refuses every spelling with 400 and runs nothing', async () => {
    for (const url of spellings) {
      await fetch(`${t.tenant.url}/_local/stats`, { method: 'DELETE' });
      const inner = { requests: [{ id: 'x', method: 'GET', url: '/me' }] };
      const res = await t.graph('/$batch', {
        method: 'POST',
        json: {
          requests: [
            { id: '1', method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: inner },
          ],
        },
      });
      const body = await res.json();
      expect([url, res.status, body.error?.message]).toEqual([
        url,
        400,
        expect.stringMatching(/another batch/),
      ]);
      expect((await (await fetch(`${t.tenant.url}/_local/stats`)).json()).operations).toBe(1);
    }
  });

  it('refuses a batch reached from inside a batch by a path the check cannot see', async () => {
    // The route itself refuses when it runs as a part: the last line of defence, at any depth.
    const res = await t.tenant.dispatch(
      {
        method: 'POST',
        path: '/$batch',
        query: new URLSearchParams(),
        headers: { authorization: `Bearer ${await t.token()}`, 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me' }] })),
      },
      true,
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/another batch/);
  });

  it('a batch of twenty batches of twenty batches runs no part and the tenant answers at once after', async () => {
    let payload: unknown = { requests: [{ id: 'leaf', method: 'GET', url: '/me' }] };
    for (let depth = 0; depth < 3; depth++)
      payload = {
        requests: Array.from({ length: 20 }, (_, i) => ({
          id: String(i),
          method: 'POST',
          url: ['/$batch/', '/./$batch', '/me/../$batch'][depth],
          headers: { 'Content-Type': 'application/json' },
          body: payload,
        })),
      };
    await fetch(`${t.tenant.url}/_local/stats`, { method: 'DELETE' });
    const res = await t.graph('/$batch', { method: 'POST', json: payload });
    expect(res.status).toBe(400);
    expect((await (await fetch(`${t.tenant.url}/_local/stats`)).json()).operations).toBe(1);
    expect((await t.graph('/me')).status).toBe(200);
  });
});

describe('/_local/faults: rules that cannot stall the tenant', () => {
  const put = (rules: unknown[], headers: Record<string, string> = {}) =>
    fetch(`${t.tenant.url}/_local/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ rules }),
    });

  it('refuses nested quantifiers such as (a+)+$ with a clear 400 and keeps the rules it had', async () => {
    expect((await put([{ path: '^/me$', unavailable: 1 }])).status).toBe(200);
    for (const path of ['(a+)+$', '(\\w*)*x', '((ab)+c?)+$', '(x{2,})+', '(?:a|b+)*c']) {
      const res = await put([{ path, unavailable: 1 }]);
      expect([path, res.status]).toEqual([path, 400]);
      expect(JSON.stringify(await res.json())).toMatch(/repeats a group that itself repeats/);
    }
    expect((await (await fetch(`${t.tenant.url}/_local/faults`)).json()).rules).toHaveLength(1);
    expect((await t.graph('/me')).status).toBe(503);
  });

  it('refuses patterns that are too long, or use backreferences or lookaround', async () => {
    for (const path of ['a'.repeat(201), '(a)\\1', '(?=a)a', '(?<!x)y']) {
      const res = await put([{ path }]);
      expect([path.slice(0, 20), res.status]).toEqual([path.slice(0, 20), 400]);
    }
  });

  it('matches the patterns it takes in linear time: a path built to backtrack is answered', async () => {
    // Under a backtracking engine this pattern takes ~30^10 steps on the path below.
    expect((await put([{ path: '.*.*.*.*.*.*.*.*.*.*x$', unavailable: 1 }])).status).toBe(200);
    const res = await t.graph(`/me/${'a'.repeat(30)}!`);
    expect(res.status).toBe(400);
    expect((await t.graph('/me/x')).status).toBe(503);
  });

  it('takes rules from scripts (no Origin) and the pages, never another origin', async () => {
    expect((await put([{ unavailable: 1 }], { Origin: 'https://attacker.example' })).status).toBe(403);
    expect((await put([{ unavailable: 1 }], { Origin: 'http://localhost:3000' })).status).toBe(200);
  });
});

describe('bad input gets Graph’s 4xx, never a 500 or a reset', () => {
  const expect4xx = async (label: string, res: Response, status = 400) => {
    const text = await res.text();
    expect([label, res.status]).toEqual([label, status]);
    expect(JSON.parse(text).error.code).toEqual(expect.any(String));
  };

  it('a malformed % escape in any path segment is 400', async () => {
    for (const path of [
      '/users/%E0%A4%A',
      '/sites/%ZZ',
      `${site}/lists/%E0%A4%A/items`,
      `/drives/${driveId}/root:/%E0%A4%A.txt:/content`,
      `/drives/${driveId}/items/%`,
      '/me/events/%C3%28',
    ])
      await expect4xx(path, await t.graph(path));
  });

  it('JSON nested thousands of levels deep is 400, alone or in a batch part', async () => {
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    const headers = { 'Content-Type': 'application/json' };
    await expect4xx(
      'list item',
      await t.graph(`${site}/lists/People/items`, {
        method: 'POST',
        headers,
        body: `{"fields":{"Title":${deep}}}`,
      }),
    );
    await expect4xx(
      'event',
      await t.graph('/me/events', { method: 'POST', headers, body: `{"subject":${deep}}` }),
    );
    await expect4xx(
      'batch',
      await t.graph('/$batch', {
        method: 'POST',
        headers,
        body: `{"requests":[{"id":"1","method":"POST","url":"/me/events","headers":{"Content-Type":"application/json"},"body":{"subject":${deep}}}]}`,
      }),
    );
  });

  it('$orderby=__proto__ is 400 on every collection', async () => {
    for (const path of [
      `${site}/lists/People/items?$orderby=__proto__`,
      '/users?$orderby=__proto__',
      '/me/events?$orderby=__proto__',
      '/me/events?$orderby=constructor',
      `/drives/${driveId}/root/children?$orderby=__proto__`,
      '/me/calendarView?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-02-01T00:00:00Z&$orderby=__proto__',
    ])
      await expect4xx(path, await t.graph(path));
  });

  it('a 65 MiB body is answered 413, not reset', async () => {
    const res = await t.graph('/me/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.alloc(65 * 1024 * 1024, 32),
    });
    await expect4xx('65 MiB', res, 413);
  });

  it('$select naming a property the type does not have is 400, as Graph answers', async () => {
    for (const path of [
      '/me?$select=displayName,nosuch',
      '/users?$select=nosuch',
      `${site}?$select=nosuch`,
      `${site}/lists?$select=nosuch`,
      `${site}/lists/People/items?$select=nosuch`,
      '/me/events?$select=nosuch',
      '/me/calendarView?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-02-01T00:00:00Z&$select=nosuch',
      `/drives/${driveId}/root?$select=nosuch`,
      `/drives/${driveId}/root/children?$select=nosuch`,
      `${site}/drive?$select=nosuch`,
      '/me/joinedTeams?$select=nosuch',
    ]) {
      const res = await t.graph(path);
      const body = await res.json();
      expect([path, res.status]).toEqual([path, 400]);
      expect(body.error.message).toMatch(
        /Could not find a property named 'nosuch' on type 'microsoft\.graph\.\w+'/,
      );
    }
    // Known names, in any case, still work.
    expect((await t.graph('/me?$select=DisplayName,mail')).status).toBe(200);
    expect((await t.graph(`/drives/${driveId}/root/children?$select=name,content.downloadUrl`)).status).toBe(
      200,
    );
  });

  it('a filter on a property the type does not have is 400', async () => {
    const teams = (await (await t.graph('/me/joinedTeams')).json()) as { value: { id: string }[] };
    for (const path of [
      `/teams/${teams.value[0]!.id}/channels?$filter=nosuch eq 'x'`,
      "/users?$filter=nosuch eq 'x'",
      "/me/events?$filter=nosuch eq 'x'",
      `${site}/lists/People/items?$filter=fields/Nosuch eq 'x'`,
    ])
      await expect4xx(path, await t.graph(path));
  });

  it('$top in hex or exponent form is 400 on every collection', async () => {
    for (const top of ['0x10', '1e2', '1E1', '5.0', '+5', ' 5']) {
      for (const path of [
        '/users',
        `${site}/lists/People/items`,
        `${site}/lists`,
        '/me/events',
        '/me/calendarView?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-02-01T00:00:00Z',
        `/drives/${driveId}/root/children`,
        '/me/joinedTeams',
      ]) {
        const url = `${path}${path.includes('?') ? '&' : '?'}$top=${encodeURIComponent(top)}`;
        await expect4xx(url, await t.graph(url));
      }
    }
  });
});

describe('the log', () => {
  it('never prints a file or item name, even when something fails unexpectedly', async () => {
    const name = 'Okafor family chronology.docx';
    const printed: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
    });
    const store = jest.spyOn(t.tenant.store, 'get').mockImplementation(() => {
      throw new Error(`could not read ${name}`);
    });
    try {
      const res = await t.graph(`/drives/${driveId}/root:/${encodeURIComponent(name)}`);
      expect(res.status).toBe(500);
      expect(printed.length).toBeGreaterThan(0);
      for (const line of printed) {
        expect(line).not.toMatch(/Okafor|chronology/i);
        expect(line).not.toContain(encodeURIComponent(name));
      }
    } finally {
      store.mockRestore();
      spy.mockRestore();
    }
  });
});
