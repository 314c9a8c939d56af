import { startTestTenant, type TestTenant } from '../support/tenant';
import { describeContract, validateRequestBody, validateResponse, validateSchema } from './openapi';

/**
 * The local tenant's events and getSchedule against Microsoft's OpenAPI description of Graph v1.0
 * (../shared/graph). Requests are checked too: what the product sends must be what Graph documents.
 * getSchedule's parameters are written in the data model's casing (Schedules, StartTime) in the
 * description, while the product, like Microsoft's docs and SDK, sends camelCase: those requests are
 * checked with `ignorePropertyCase`.
 */
const NOW = new Date('2026-10-12T08:00:00Z');
const SOCIAL_WORKER = 'jade.whitcombe@northmoor.example';

describeContract('calendar contract (events, getSchedule)', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await startTestTenant({ now: () => NOW });
  });
  afterAll(() => t.close());

  async function call(method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
    const res = await t.graph(path, { method, headers, ...(json === undefined ? {} : { json }) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  const event = {
    subject: 'CR-2026-014 practitioner conversation',
    body: { contentType: 'html', content: '<p>A conversation for the learning review CR-2026-014.</p>' },
    start: { dateTime: '2026-12-01T10:00:00', timeZone: 'GMT Standard Time' },
    end: { dateTime: '2026-12-01T11:30:00', timeZone: 'GMT Standard Time' },
    attendees: [{ type: 'required', emailAddress: { address: SOCIAL_WORKER, name: 'Jade Whitcombe' } }],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    transactionId: 'contract-1',
    allowNewTimeProposals: false,
  };

  it('create, read, list, update and delete events answer as documented', async () => {
    expect(validateRequestBody('POST', '/me/events', event)).toEqual([]);
    const created = await call('POST', '/me/events', event, {
      Prefer: 'outlook.timezone="GMT Standard Time"',
    });
    expect(created.status).toBe(201);
    expect(validateResponse('POST', '/v1.0/me/events', 201, created.body)).toEqual([]);
    const id = String(created.body!.id);

    const read = await call('GET', `/me/events/${id}`);
    expect(validateResponse('GET', `/me/events/${id}`, read.status, read.body)).toEqual([]);

    const list = await call('GET', '/me/events?$top=3');
    expect(list.status).toBe(200);
    expect(validateResponse('GET', '/me/events', 200, list.body)).toEqual([]);
    const me = await call('GET', '/me');
    const users = await call('GET', `/users/${String(me.body!.id)}/events?$top=2&$select=subject,start,end`);
    expect(validateResponse('GET', `/users/${String(me.body!.id)}/events`, users.status, users.body)).toEqual(
      [],
    );

    const patch = { subject: 'CR-2026-014 practitioner conversation (moved)', showAs: 'tentative' };
    expect(validateRequestBody('PATCH', `/me/events/${id}`, patch)).toEqual([]);
    const updated = await call('PATCH', `/me/events/${id}`, patch);
    expect(validateResponse('PATCH', `/me/events/${id}`, updated.status, updated.body)).toEqual([]);

    const cancel = await call('POST', `/me/events/${id}/cancel`, { comment: 'Rearranging' });
    expect(cancel.status).toBe(202);
    expect(validateResponse('POST', `/me/events/${id}/cancel`, cancel.status, cancel.body)).toEqual([]);

    const other = await call('POST', '/me/events', { ...event, transactionId: 'contract-2' });
    const deleted = await call('DELETE', `/me/events/${String(other.body!.id)}`);
    expect(deleted.status).toBe(204);
    expect(validateResponse('DELETE', `/me/events/${String(other.body!.id)}`, 204, deleted.body)).toEqual([]);
  });

  it("errors follow Graph's OData error shape", async () => {
    const bad = await call('POST', '/me/events', {
      ...event,
      end: { dateTime: '2026-12-01T09:00:00', timeZone: 'UTC' },
    });
    expect(bad.status).toBe(400);
    expect(validateResponse('POST', '/me/events', 400, bad.body)).toEqual([]);
    const missing = await call('GET', '/me/events/AAMkAnothing=');
    expect(missing.status).toBe(404);
    expect(validateResponse('GET', '/me/events/AAMkAnothing=', 404, missing.body)).toEqual([]);
    const stale = await call('POST', '/me/calendar/getSchedule', { schedules: [], startTime: null });
    expect(validateResponse('POST', '/me/calendar/getSchedule', stale.status, stale.body)).toEqual([]);
  });

  it('getSchedule answers scheduleInformation, error entries included', async () => {
    const request = {
      schedules: [
        SOCIAL_WORKER,
        'ruth.okonkwo-hale@northmoor.example',
        'megan.lloyd@northmoor-health.nhs.example',
      ],
      startTime: { dateTime: '2026-10-13T09:00:00', timeZone: 'GMT Standard Time' },
      endTime: { dateTime: '2026-10-16T17:00:00', timeZone: 'GMT Standard Time' },
      availabilityViewInterval: 30,
    };
    expect(
      validateRequestBody('POST', '/me/calendar/getSchedule', request, { ignorePropertyCase: true }),
    ).toEqual([]);
    for (const path of [
      '/me/calendar/getSchedule',
      `/users/${encodeURIComponent('ruth.okonkwo-hale@northmoor.example')}/calendar/getSchedule`,
    ]) {
      const res = await call('POST', path, request, { Prefer: 'outlook.timezone="Europe/London"' });
      expect(res.status).toBe(200);
      expect(validateResponse('POST', path, 200, res.body)).toEqual([]);
      const value = res.body!.value as Record<string, unknown>[];
      expect(value.map((v) => Object.keys(v).sort())).toEqual([
        ['availabilityView', 'scheduleId', 'scheduleItems', 'workingHours'],
        ['availabilityView', 'scheduleId', 'scheduleItems', 'workingHours'],
        ['error', 'scheduleId'],
      ]);
    }
  });

  // Calendar sharing (calendar/sharing.ts): GET /users/{id}/calendar and calendarPermissions are not
  // in the subset's paths; their answers are checked against the documented types.
  const SUPPORT = 'amira.khan@northmoor.example';
  const LEAD = 'ruth.okonkwo-hale@northmoor.example';
  it('a calendar shared with the caller is a documented calendar, as is their own', async () => {
    for (const [path, as] of [
      ['/me/calendar', LEAD],
      [`/users/${encodeURIComponent(LEAD)}/calendar`, SUPPORT],
      [`/users/${encodeURIComponent('priya.raman@northmoor.example')}/calendar`, SUPPORT],
    ] as const) {
      const res = await t.graph(path, { as });
      expect(res.status).toBe(200);
      expect(validateSchema('microsoft.graph.calendar', await res.json())).toEqual([]);
    }
  });

  it('calendarPermissions are documented calendarPermission objects', async () => {
    const res = await t.graph('/me/calendar/calendarPermissions', { as: LEAD });
    const { value } = (await res.json()) as { value: unknown[] };
    expect(value.length).toBeGreaterThan(1);
    for (const p of value) expect(validateSchema('microsoft.graph.calendarPermission', p)).toEqual([]);
    // The check can fail: a role outside calendarRoleType is refused.
    expect(validateSchema('microsoft.graph.calendarPermission', { role: 'owner' })).not.toEqual([]);
  });

  it('a calendar not shared with the caller, and a fifth request to one mailbox, answer documented errors', async () => {
    const denied = await t.graph(`/users/${encodeURIComponent('sam.okafor@northmoor.example')}/events`, {
      method: 'POST',
      json: event,
      as: SUPPORT,
    });
    expect(denied.status).toBe(403);
    expect(validateResponse('POST', '/me/events', 403, await denied.json())).toEqual([]);
    const requests = Array.from({ length: 5 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/me/events?$top=1',
    }));
    const batch = (await (await t.graph('/$batch', { method: 'POST', json: { requests } })).json()) as {
      responses: { status: number; body: unknown }[];
    };
    const throttled = batch.responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(1);
    expect(validateResponse('GET', '/me/events', 429, throttled[0]!.body)).toEqual([]);
  });
});
