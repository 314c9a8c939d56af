import { MAILBOX_CONCURRENCY_LIMIT } from '../../src/local-tenant/mailbox-concurrency';
import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Exchange's MailboxConcurrency limit on the local tenant (src/local-tenant/mailbox-concurrency.ts):
 * at most four requests in flight to one mailbox; the others are answered 429 with
 * {"error": {"code": "ApplicationThrottled", "message": "Application is over its MailboxConcurrency
 * limit."}} (the body quoted in magodo/terraform-provider-outlook issue 21 and alcionai/corso issue
 * 3695) and Retry-After. The parts of a JSON batch without dependsOn run at once, so against one
 * mailbox all but four are throttled (microsoft-graph-docs-contrib issue 5028: "we can only combine up
 * to 4 change requests when changing calendars. All other requests in the batch fail with a 429");
 * parts chained with dependsOn run one after another and are never throttled (throttling-limits.md,
 * "Outlook service limits for JSON batching").
 */
const NOW = new Date('2026-10-12T08:00:00Z');
const LEAD = 'ruth.okonkwo-hale@northmoor.example';
const SECOND_LEAD = 'declan.marsh@northmoor.example';
const SUPPORT = 'amira.khan@northmoor.example';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
});
afterAll(() => t.close());
afterEach(() => fetch(`${t.tenant.url}/_local/faults`, { method: 'DELETE' }));

let counter = 0;
function conversation(transactionId?: string) {
  counter++;
  return {
    subject: `CR-2026-014 practitioner conversation ${counter}`,
    start: { dateTime: `2026-12-0${(counter % 8) + 1}T10:00:00`, timeZone: 'GMT Standard Time' },
    end: { dateTime: `2026-12-0${(counter % 8) + 1}T11:30:00`, timeZone: 'GMT Standard Time' },
    ...(transactionId ? { transactionId } : {}),
  };
}

async function configure(config: unknown) {
  const res = await fetch(`${t.tenant.url}/_local/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(config),
  });
  expect(res.status).toBe(200);
}

interface PartResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: { error?: { code: string; message: string }; id?: string; organizer?: unknown };
}
async function batch(requests: unknown[], as?: string): Promise<PartResponse[]> {
  const res = await t.graph('/$batch', { method: 'POST', json: { requests }, ...(as ? { as } : {}) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { responses: PartResponse[] }).responses;
}
const createPart = (id: string, url = '/me/events', dependsOn?: string[]) => ({
  id,
  method: 'POST',
  url,
  headers: { 'Content-Type': 'application/json' },
  body: conversation(`mc-${id}-${counter}`),
  ...(dependsOn ? { dependsOn } : {}),
});
const subjectsIn = async (as: string) =>
  (
    (await (await t.graph('/me/events?$top=1000&$select=subject', { as })).json()) as {
      value: { subject: string }[];
    }
  ).value.map((e) => e.subject);

function expectThrottled(status: number, headers: Record<string, string | null>, body: PartResponse['body']) {
  expect(status).toBe(429);
  expect(body.error?.code).toBe('ApplicationThrottled');
  expect(body.error?.message).toBe('Application is over its MailboxConcurrency limit.');
  expect(Number(headers['retry-after'] ?? headers['Retry-After'])).toBeGreaterThan(0);
}

describe('four requests at most to one mailbox', () => {
  it('six requests in flight at once to one mailbox: four are answered, exactly two get 429 with Retry-After', async () => {
    // The latency keeps every request in flight while the others arrive, as a slow mailbox would.
    await configure({ rules: [{ path: '^/me/events$', latencyMs: 1500 }] });
    const before = (await subjectsIn(LEAD)).length;
    const bodies = Array.from({ length: 6 }, () => conversation());
    const responses = await Promise.all(
      bodies.map((json) => t.graph('/me/events', { method: 'POST', json })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    for (const res of responses.filter((r) => r.status === 429))
      expectThrottled(res.status, { 'retry-after': res.headers.get('retry-after') }, await res.json());
    await configure({ rules: [] });
    // The throttled requests created nothing.
    expect((await subjectsIn(LEAD)).length).toBe(before + 4);
  });

  it('counts each mailbox apart: four to each of two mailboxes at once all succeed', async () => {
    await configure({ rules: [{ path: '^/me/events$', latencyMs: 1000 }] });
    const responses = await Promise.all(
      [LEAD, LEAD, LEAD, LEAD, SECOND_LEAD, SECOND_LEAD, SECOND_LEAD, SECOND_LEAD].map((as) =>
        t.graph('/me/events?$top=1', { as }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
  });

  it('frees the slot when the answer is ready: requests one after another are never throttled', async () => {
    for (let i = 0; i < MAILBOX_CONCURRENCY_LIMIT * 3; i++)
      expect((await t.graph('/me/calendar')).status).toBe(200);
  });

  it('a batch of 20 event creates to one mailbox without dependsOn: 4 created, 16 × 429 with Retry-After', async () => {
    const before = (await subjectsIn(LEAD)).length;
    const parts = Array.from({ length: 20 }, (_, i) => createPart(`p${i}`));
    const responses = await batch(parts);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(4);
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(16);
    for (const r of throttled) expectThrottled(r.status, r.headers, r.body);
    expect((await subjectsIn(LEAD)).length).toBe(before + 4);
  });

  it('a batch of 20 event creates chained by dependsOn: all 201, 20 events', async () => {
    const before = (await subjectsIn(LEAD)).length;
    const parts = Array.from({ length: 20 }, (_, i) =>
      createPart(`c${i}`, '/me/events', i ? [`c${i - 1}`] : undefined),
    );
    const responses = await batch(parts);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect((await subjectsIn(LEAD)).length).toBe(before + 20);
  });

  it('four dependsOn chains of five in one batch: all 201 (four at a time, the limit)', async () => {
    const parts = Array.from({ length: 20 }, (_, i) =>
      createPart(`q${i}`, '/me/events', i >= 4 ? [`q${i - 4}`] : undefined),
    );
    const responses = await batch(parts);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
  });

  it('only Outlook resources count: a batch of 4 event reads and 4 directory reads all succeed', async () => {
    const responses = await batch([
      ...Array.from({ length: 4 }, (_, i) => ({ id: `e${i}`, method: 'GET', url: '/me/events?$top=1' })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `d${i}`, method: 'GET', url: '/me' })),
    ]);
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
  });

  it('getSchedule counts against the caller’s mailbox, with the caller’s other calendar requests', async () => {
    const schedule = {
      schedules: [SECOND_LEAD],
      startTime: { dateTime: '2026-12-01T09:00:00', timeZone: 'GMT Standard Time' },
      endTime: { dateTime: '2026-12-01T17:00:00', timeZone: 'GMT Standard Time' },
    };
    const responses = await batch([
      ...Array.from({ length: 3 }, (_, i) => ({
        id: `s${i}`,
        method: 'POST',
        url: '/me/calendar/getSchedule',
        headers: { 'Content-Type': 'application/json' },
        body: schedule,
      })),
      {
        id: 'v',
        method: 'GET',
        url: '/me/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-02T00:00:00Z',
      },
      { id: 'c', method: 'GET', url: '/me/calendar' },
    ]);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4);
  });

  it('a request to /users/{id}/... counts against that user’s mailbox, whoever sends it', async () => {
    // Business support books in the lead reviewer's shared calendar: five at once are one too many.
    const url = `/users/${encodeURIComponent(LEAD)}/events`;
    const responses = await batch(
      Array.from({ length: 5 }, (_, i) => createPart(`u${i}`, url)),
      SUPPORT,
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(4);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('a throttled part fails the parts that depend on it (424), as any failed part does', async () => {
    const parts = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, method: 'GET', url: '/me/calendar' })),
      { id: 'after', method: 'GET', url: '/me/calendar', dependsOn: ['r4'] },
    ];
    const responses = await batch(parts);
    const byId = new Map(responses.map((r) => [r.id, r.status]));
    expect(byId.get('r4')).toBe(429);
    expect(byId.get('after')).toBe(424);
  });
});
