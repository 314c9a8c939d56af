import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Fault rules that strike after the write: the request runs to its end and its write is committed,
 * then the answer is lost (the connection drops, or a 504 comes back). `times` bounds how many
 * faults a rule injects, before- and after-write together. /_local/stats counts after-write
 * faults apart.
 */

let t: TestTenant;
let items: string;
beforeAll(async () => {
  t = await startTestTenant();
  const teams = (await (await t.graph('/me/joinedTeams')).json()) as {
    value: { id: string; displayName: string }[];
  };
  const groupId = teams.value.find((x) => x.displayName === 'CR-2026-014 Learning review')!.id;
  const site = (await (await t.graph(`/groups/${groupId}/sites/root`)).json()).id as string;
  items = `/sites/${site}/lists/People/items`;
});
afterAll(() => t.close());
beforeEach(() => fetch(`${t.tenant.url}/_local/stats`, { method: 'DELETE' }));
afterEach(() => fetch(`${t.tenant.url}/_local/faults`, { method: 'DELETE' }));

const configure = async (config: unknown) => {
  const res = await fetch(`${t.tenant.url}/_local/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(config),
  });
  expect(res.status).toBe(200);
  return res.json();
};
const stats = async () =>
  (await (await fetch(`${t.tenant.url}/_local/stats`)).json()) as {
    faultsInjected: number;
    faultsAfterWrite: number;
    operations: number;
  };
const person = (title: string) => ({ fields: { Title: title, PersonRole: 'case-group' } });

async function titles(): Promise<string[]> {
  const res = await t.graph(`${items}?$expand=fields&$top=999`);
  return ((await res.json()) as { value: { fields: { Title: string } }[] }).value.map((i) => i.fields.Title);
}

describe('counting faults by kind', () => {
  it('/_local/stats counts each fault under its kind, before and after the write', async () => {
    await configure({ rules: [{ path: '^/me$', throttle: 1, times: 1 }] });
    expect((await t.graph('/me')).status).toBe(429);
    await configure({ rules: [{ path: '^/me$', unavailable: 1, times: 1 }] });
    expect((await t.graph('/me')).status).toBe(503);
    await configure({ rules: [{ path: '^/me$', drop: 1, times: 1 }] });
    await expect(t.graph('/me')).rejects.toThrow();
    await configure({ rules: [{ path: '/items$', method: 'POST', gatewayTimeoutAfterWrite: 1, times: 1 }] });
    expect((await t.graph(items, { method: 'POST', json: person('Counted by kind') })).status).toBe(504);
    expect(await stats()).toMatchObject({
      faultsInjected: 4,
      faultsAfterWrite: 1,
      faultsByKind: {
        throttle: 1,
        unavailable: 1,
        gatewayTimeout: 0,
        drop: 1,
        dropAfterWrite: 0,
        gatewayTimeoutAfterWrite: 1,
      },
    });
  });
});

describe('faults after the write', () => {
  it('dropAfterWrite: the item is created, then the connection closes without an answer', async () => {
    await configure({ rules: [{ path: '/items$', method: 'POST', dropAfterWrite: 1 }] });
    await expect(t.graph(items, { method: 'POST', json: person('Dropped after write') })).rejects.toThrow();
    await configure({ rules: [] });
    expect((await titles()).filter((x) => x === 'Dropped after write')).toHaveLength(1);
    expect(await stats()).toMatchObject({ faultsInjected: 1, faultsAfterWrite: 1 });
  });

  it('gatewayTimeoutAfterWrite: the event is created, then a Graph 504 comes back', async () => {
    await configure({ rules: [{ path: '^/me/events$', method: 'POST', gatewayTimeoutAfterWrite: 1 }] });
    const subject = 'Practitioner conversation (timed out after write)';
    const res = await t.graph('/me/events', {
      method: 'POST',
      json: {
        subject,
        start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' },
      },
    });
    expect(res.status).toBe(504);
    expect((await res.json()).error.code).toBe('UnknownError');
    await configure({ rules: [] });
    const events = (await (await t.graph('/me/events?$top=1000')).json()) as { value: { subject: string }[] };
    expect(events.value.filter((e) => e.subject === subject)).toHaveLength(1);
  });

  it('inside a batch, a part "dropped" after its write answers 504 (a part cannot drop); the item exists', async () => {
    await configure({ rules: [{ path: '/items$', method: 'POST', dropAfterWrite: 1 }] });
    const res = await t.graph('/$batch', {
      method: 'POST',
      json: {
        requests: [
          {
            id: '1',
            method: 'POST',
            url: items,
            headers: { 'Content-Type': 'application/json' },
            body: person('Batch part after write'),
          },
          { id: '2', method: 'GET', url: '/me' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const parts = ((await res.json()) as { responses: { id: string; status: number }[] }).responses;
    expect(Object.fromEntries(parts.map((p) => [p.id, p.status]))).toEqual({ '1': 504, '2': 200 });
    await configure({ rules: [] });
    expect((await titles()).filter((x) => x === 'Batch part after write')).toHaveLength(1);
    expect((await stats()).faultsAfterWrite).toBe(1);
  });

  it('never strikes a request that failed: nothing was committed, and the fault is not used up', async () => {
    await configure({ rules: [{ path: '/items$', method: 'POST', gatewayTimeoutAfterWrite: 1, times: 1 }] });
    const refused = await t.graph(items, { method: 'POST', json: { fields: { NoSuchColumn: 1 } } });
    expect(refused.status).toBe(400);
    expect((await stats()).faultsInjected).toBe(0);
    // The one fault the rule may inject is still there for the next write.
    expect((await t.graph(items, { method: 'POST', json: person('Struck once') })).status).toBe(504);
    expect((await t.graph(items, { method: 'POST', json: person('Then through') })).status).toBe(201);
  });
});

describe('times', () => {
  it('injects at most that many faults, before- and after-write together, then lets requests through', async () => {
    await configure({
      seed: 3,
      rules: [{ path: '/items$', method: 'POST', unavailable: 0.5, gatewayTimeoutAfterWrite: 0.5, times: 3 }],
    });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await t.graph(items, { method: 'POST', json: person(`Times ${i}`) })).status);
    expect(statuses.slice(0, 3).every((s) => s === 503 || s === 504)).toBe(true);
    expect(statuses.slice(3)).toEqual(Array(5).fill(201));
    const s = await stats();
    expect(s.faultsInjected).toBe(3);
    // The 504s came after the write: those items exist; the 503s wrote nothing.
    const made = await titles();
    statuses.forEach((status, i) =>
      expect([i, status, made.filter((x) => x === `Times ${i}`).length]).toEqual([
        i,
        status,
        status === 503 ? 0 : 1,
      ]),
    );
    expect(s.faultsAfterWrite).toBe(statuses.filter((x) => x === 504).length);
  });

  it('a rule with times 0 injects nothing but still adds its latency', async () => {
    await configure({ rules: [{ unavailable: 1, times: 0 }] });
    expect((await t.graph('/me')).status).toBe(200);
    expect((await stats()).faultsInjected).toBe(0);
  });

  it('configuring again starts the count again', async () => {
    const rules = [{ path: '^/me$', gatewayTimeout: 1, times: 1 }];
    await configure({ rules });
    expect((await t.graph('/me')).status).toBe(504);
    expect((await t.graph('/me')).status).toBe(200);
    await configure({ rules });
    expect((await t.graph('/me')).status).toBe(504);
  });
});

describe('the fault configuration', () => {
  it('keeps the existing fields and shows the new ones with their defaults', async () => {
    const shown = await configure({
      rules: [{ path: '^/sites/', throttle: 0.2, retryAfterSeconds: 1 }],
      seed: 7,
    });
    expect(shown.rules[0]).toMatchObject({
      path: '^/sites/',
      throttle: 0.2,
      unavailable: 0,
      gatewayTimeout: 0,
      drop: 0,
      dropAfterWrite: 0,
      gatewayTimeoutAfterWrite: 0,
      retryAfterSeconds: 1,
    });
    expect(shown.rules[0].times).toBeUndefined();
  });

  it('refuses probabilities outside [0, 1] and a times that is not a whole number', async () => {
    for (const rule of [
      { dropAfterWrite: 2 },
      { gatewayTimeoutAfterWrite: -0.1 },
      { times: 1.5 },
      { times: -1 },
    ]) {
      const res = await fetch(`${t.tenant.url}/_local/faults`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rules: [rule] }),
      });
      expect([rule, res.status]).toEqual([rule, 400]);
    }
  });
});
