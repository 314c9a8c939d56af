import { sendBatch } from '../../src/graph/batch';
import { OfflineError } from '../../src/graph/errors';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { connect, recordingSleep } from './helpers';

// Real HTTP against a local tenant, with retries: more than jest's default 5 s.
jest.setTimeout(60_000);

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(() => t.close());
afterEach(() => t.tenant.faults.configure({ rules: [] }));

const noWait = { sleep: () => Promise.resolve() };

describe('JSON batching', () => {
  it('splits any number of requests into batches of 20 and returns each part by id', async () => {
    const { client, counter } = connect(t);
    const parts = Array.from({ length: 45 }, (_, i) => ({ id: `p${i}`, method: 'GET' as const, url: '/me' }));
    const { responses, roundTrips } = await sendBatch(client, parts, noWait);
    expect(roundTrips).toBe(3);
    expect(counter.total).toBe(3);
    expect(counter.writes).toBe(0); // a batch of GETs is a read
    expect([...responses.values()].every((r) => r.status === 200)).toBe(true);
    expect((responses.get('p44')!.body as { displayName: string }).displayName).toBe('Ruth Okonkwo-Hale');
  });

  it('re-batches the parts throttled inside a 200 batch after the largest Retry-After', async () => {
    t.tenant.faults.configure({ seed: 11, rules: [{ path: '^/me$', throttle: 0.5, retryAfterSeconds: 1 }] });
    const waits: number[] = [];
    const { client } = connect(t);
    const parts = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, method: 'GET' as const, url: '/me' }));
    const { responses, roundTrips } = await sendBatch(client, parts, {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect([...responses.values()].map((r) => r.status)).toEqual(parts.map(() => 200));
    expect(roundTrips).toBeGreaterThan(1);
    expect(waits.every((w) => w === 1000)).toBe(true);
  });

  it('gives up after the retry limit and hands back the last 429 with its headers', async () => {
    t.tenant.faults.configure({ rules: [{ path: '^/me$', throttle: 1, retryAfterSeconds: 120 }] });
    const waits: number[] = [];
    const { client } = connect(t);
    const { responses, roundTrips } = await sendBatch(client, [{ id: 'a', method: 'GET', url: '/me' }], {
      maxAttempts: 3,
      maxDelayMs: 5000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(roundTrips).toBe(3);
    expect(waits).toEqual([5000, 5000]); // Retry-After 120 s, capped
    expect(responses.get('a')).toMatchObject({ status: 429, headers: { 'retry-after': '120' } });
  });

  it('does not resend a POST that came back 503 (it may have run): the caller checks', async () => {
    t.tenant.faults.configure({ rules: [{ path: '^/me(/events)?$', unavailable: 1, retryAfterSeconds: 0 }] });
    await fetch(`${t.tenant.url}/_local/stats`, { method: 'DELETE' });
    const { client } = connect(t);
    const { responses, roundTrips } = await sendBatch(
      client,
      [
        { id: 'read', method: 'GET', url: '/me' },
        { id: 'write', method: 'POST', url: '/me/events', body: { subject: 'x' } },
      ],
      { ...noWait, maxAttempts: 2 },
    );
    expect(roundTrips).toBe(2);
    expect(responses.get('read')!.status).toBe(503);
    expect(responses.get('write')!.status).toBe(503);
    const stats = (await (await fetch(`${t.tenant.url}/_local/stats`)).json()) as { operations: number };
    // Round 1: the batch and both parts; round 2: the batch and the GET only.
    expect(stats.operations).toBe(5);
  });

  it('when the batch’s connection drops after its parts ran, resends the reads and hands back the POSTs unanswered', async () => {
    // The whole $batch is run (the event is created), then the connection closes without an answer.
    t.tenant.faults.configure({
      rules: [{ path: '^/\\$batch$', method: 'POST', times: 1, dropAfterWrite: 1 }],
    });
    const { client } = connect(t);
    const subject = `batch dropped ${Date.now()}`;
    const { sleep, waits } = recordingSleep();
    const { responses, roundTrips } = await sendBatch(
      client,
      [
        { id: 'read', method: 'GET', url: '/me' },
        {
          id: 'write',
          method: 'POST',
          url: '/me/events',
          body: {
            subject,
            start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' },
            end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' },
          },
        },
      ],
      { sleep },
    );
    expect(roundTrips).toBe(2);
    expect(waits).toHaveLength(1);
    expect(responses.get('read')!.status).toBe(200);
    // The POST was not sent again (it ran, as the calendar shows): the caller must check.
    expect(responses.get('write')).toMatchObject({ status: 0, body: { error: { code: 'offline' } } });
    const events = (await (await t.graph('/me/events?$select=subject&$top=999')).json()) as {
      value: { subject: string }[];
    };
    expect(events.value.filter((e) => e.subject === subject)).toHaveLength(1);
  });

  it('throws OfflineError, with a plain message, when the connection keeps failing', async () => {
    t.tenant.faults.configure({ rules: [{ path: '^/\\$batch$', drop: 1 }] });
    const { client } = connect(t);
    const err = await sendBatch(client, [{ id: 'read', method: 'GET', url: '/me' }], {
      ...noWait,
      maxAttempts: 2,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfflineError);
    expect((err as OfflineError).kind).toBe('offline');
    expect((err as OfflineError).message).toMatch(/could not be reached/);
  });

  it('refuses parts that depend on parts in another batch of 20', async () => {
    const { client } = connect(t);
    const parts = Array.from({ length: 21 }, (_, i) => ({ id: `p${i}`, method: 'GET' as const, url: '/me' }));
    parts[20] = { ...parts[20]!, dependsOn: ['p0'] } as (typeof parts)[number];
    await expect(sendBatch(client, parts, noWait)).rejects.toThrow(/another batch/);
  });
});
