import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Calendar sharing on the local tenant, as Exchange does it (src/local-tenant/calendar/sharing.ts).
 * Sources: Microsoft's "Share or delegate a calendar in Outlook" (the owner's and the delegate's view
 * of GET calendar), "Get Outlook events in a shared or delegated calendar" (an unshared calendar is
 * an error), "Create Outlook events in a shared or delegated calendar" (the owner is the organiser;
 * responses reach the owner's event) and the calendarPermission resource ("supported on behalf of
 * only the calendar owner"; a share recipient gets an empty collection).
 *
 * The seed: both lead reviewers share their calendar with the business support officer with write
 * access; the head of service shares hers read-only; the other review team member shares nothing.
 */
const NOW = new Date('2026-10-12T08:00:00Z');
const LEAD = 'ruth.okonkwo-hale@northmoor.example';
const SECOND_LEAD = 'declan.marsh@northmoor.example';
const SUPPORT = 'amira.khan@northmoor.example';
const READ_ONLY = 'priya.raman@northmoor.example';
const NOT_SHARED = 'sam.okafor@northmoor.example';
const SOCIAL_WORKER = 'jade.whitcombe@northmoor.example';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
});
afterAll(() => t.close());

const users = (who: string, rest = '') => `/users/${encodeURIComponent(who)}${rest}`;
const json = async (res: Response) =>
  (await res.json()) as Record<string, unknown> & {
    error?: { code: string; message: string };
  };
let counter = 0;
function conversation(extra: Record<string, unknown> = {}) {
  counter++;
  return {
    subject: `CR-2026-014 practitioner conversation ${counter}`,
    body: { contentType: 'text', content: 'A conversation for the learning review CR-2026-014.' },
    start: { dateTime: `2026-12-1${counter % 8}T10:00:00`, timeZone: 'GMT Standard Time' },
    end: { dateTime: `2026-12-1${counter % 8}T11:30:00`, timeZone: 'GMT Standard Time' },
    attendees: [{ type: 'required', emailAddress: { address: SOCIAL_WORKER, name: 'Jade Whitcombe' } }],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    ...extra,
  };
}
const eventCount = (ownerId: string) => t.tenant.store.list('event', ownerId).length;
const idOf = async (who: string) => String((await json(await t.graph(users(who)))).id);

describe('GET /users/{id}/calendar as the caller sees it', () => {
  it('the owner can share, edit and see private items', async () => {
    const cal = await json(await t.graph('/me/calendar', { as: LEAD }));
    expect(cal).toMatchObject({
      canShare: true,
      canEdit: true,
      canViewPrivateItems: true,
      isRemovable: false,
      owner: { name: 'Ruth Okonkwo-Hale', address: LEAD },
    });
  });

  it('shared with edit rights: canEdit true, canShare false, no private items, owner the reviewer', async () => {
    const res = await t.graph(users(LEAD, '/calendar'), { as: SUPPORT });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      canShare: false,
      canEdit: true,
      canViewPrivateItems: false,
      owner: { name: 'Ruth Okonkwo-Hale', address: LEAD },
    });
    const second = await json(await t.graph(users(SECOND_LEAD, '/calendar'), { as: SUPPORT }));
    expect(second).toMatchObject({ canEdit: true, owner: { address: SECOND_LEAD } });
  });

  it('shared read-only: the calendar can be read, canEdit is false', async () => {
    const res = await t.graph(users(READ_ONLY, '/calendar'), { as: SUPPORT });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ canEdit: false, canShare: false, owner: { address: READ_ONLY } });
  });

  it('not shared: 403 ErrorAccessDenied, for the calendar and its events', async () => {
    for (const path of [
      '/calendar',
      '/events',
      '/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-02T00:00:00Z',
    ]) {
      const res = await t.graph(users(NOT_SHARED, path), { as: SUPPORT });
      expect([path, res.status, (await json(res)).error?.code]).toEqual([path, 403, 'ErrorAccessDenied']);
    }
    // Sharing is one way and per person: the lead reviewers have not shared with each other.
    expect((await t.graph(users(LEAD, '/calendar'), { as: SECOND_LEAD })).status).toBe(403);
  });
});

describe('booking in someone else’s calendar', () => {
  it('with edit rights: the event is the reviewer’s, the reviewer organises it, attendees get their copies', async () => {
    const ruthId = await idOf(LEAD);
    const supportId = await idOf(SUPPORT);
    const supportEvents = eventCount(supportId);
    const res = await t.graph(users(LEAD, '/events'), { method: 'POST', json: conversation(), as: SUPPORT });
    expect(res.status).toBe(201);
    const ev = (await res.json()) as {
      id: string;
      isOrganizer: boolean;
      organizer: { emailAddress: { address: string } };
      onlineMeeting: { joinUrl: string };
      '@odata.context': string;
    };
    expect(ev.organizer.emailAddress.address).toBe(LEAD);
    expect(ev.isOrganizer).toBe(true);
    expect(ev['@odata.context']).toContain(`users('${ruthId}')/events`);
    // The Teams meeting is the reviewer's too.
    expect(decodeURIComponent(ev.onlineMeeting.joinUrl)).toContain(`"Oid":"${ruthId}"`);
    // It is in the reviewer's calendar, not in business support's.
    expect((await t.graph(`/me/events/${ev.id}`, { as: LEAD })).status).toBe(200);
    expect(eventCount(supportId)).toBe(supportEvents);

    // The practitioner's copy names the reviewer as organiser; their answer reaches the reviewer's event.
    const inbox = (await json(
      await t.graph(
        `/me/events?$filter=iCalUId eq '${(await json(await t.graph(`/me/events/${ev.id}`, { as: LEAD }))).iCalUId as string}'`,
        {
          as: SOCIAL_WORKER,
        },
      ),
    )) as { value: { id: string; organizer: { emailAddress: { address: string } } }[] };
    expect(inbox.value).toHaveLength(1);
    expect(inbox.value[0]!.organizer.emailAddress.address).toBe(LEAD);
    expect(
      (
        await t.graph(`/me/events/${inbox.value[0]!.id}/accept`, {
          method: 'POST',
          json: {},
          as: SOCIAL_WORKER,
        })
      ).status,
    ).toBe(202);
    const read = (await json(await t.graph(users(LEAD, `/events/${ev.id}`), { as: SUPPORT }))) as {
      attendees: { emailAddress: { address: string }; status: { response: string } }[];
    };
    expect(read.attendees.find((a) => a.emailAddress.address === SOCIAL_WORKER)?.status.response).toBe(
      'accepted',
    );
  });

  it('also through /users/{id}/calendar/events, and a retried POST with its transactionId creates one event', async () => {
    const ruthId = await idOf(LEAD);
    const before = eventCount(ruthId);
    const body = conversation({ transactionId: 'support-books-for-lead-1' });
    const first = await t.graph(users(LEAD, '/calendar/events'), { method: 'POST', json: body, as: SUPPORT });
    const again = await t.graph(users(LEAD, '/calendar/events'), { method: 'POST', json: body, as: SUPPORT });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect((await json(again)).id).toBe((await json(first)).id);
    expect(eventCount(ruthId)).toBe(before + 1);
  });

  it('the business support officer can reschedule and cancel the reviewer’s meeting', async () => {
    const created = await json(
      await t.graph(users(LEAD, '/events'), { method: 'POST', json: conversation(), as: SUPPORT }),
    );
    const id = String(created.id);
    const moved = await t.graph(users(LEAD, `/events/${id}`), {
      method: 'PATCH',
      json: {
        start: { dateTime: '2026-12-21T14:00:00', timeZone: 'GMT Standard Time' },
        end: { dateTime: '2026-12-21T15:30:00', timeZone: 'GMT Standard Time' },
      },
      as: SUPPORT,
    });
    expect(moved.status).toBe(200);
    expect((await json(moved)).onlineMeeting).toEqual(created.onlineMeeting);
    const cancelled = await t.graph(users(LEAD, `/events/${id}/cancel`), {
      method: 'POST',
      json: { comment: 'Rearranged.' },
      as: SUPPORT,
    });
    expect(cancelled.status).toBe(202);
  });

  it('in a calendar not shared with them: 403 ErrorAccessDenied, nothing created', async () => {
    const samId = await idOf(NOT_SHARED);
    const before = eventCount(samId);
    const res = await t.graph(users(NOT_SHARED, '/events'), {
      method: 'POST',
      json: conversation(),
      as: SUPPORT,
    });
    expect(res.status).toBe(403);
    expect((await json(res)).error?.code).toBe('ErrorAccessDenied');
    expect(eventCount(samId)).toBe(before);
  });

  it('in a calendar shared read-only: 403 ErrorAccessDenied, nothing created', async () => {
    const priyaId = await idOf(READ_ONLY);
    const before = eventCount(priyaId);
    const res = await t.graph(users(READ_ONLY, '/events'), {
      method: 'POST',
      json: conversation(),
      as: SUPPORT,
    });
    expect(res.status).toBe(403);
    expect((await json(res)).error?.code).toBe('ErrorAccessDenied');
    expect(eventCount(priyaId)).toBe(before);
    // Reading is allowed.
    expect((await t.graph(users(READ_ONLY, '/events?$top=1'), { as: SUPPORT })).status).toBe(200);
  });
});

describe('calendarPermissions', () => {
  it('the owner reads who the calendar is shared with, and My Organization', async () => {
    const res = await t.graph('/me/calendar/calendarPermissions', { as: LEAD });
    expect(res.status).toBe(200);
    const { value } = (await res.json()) as {
      value: { id: string; role: string; emailAddress: { name: string; address?: string } }[];
    };
    expect(value.map((p) => [p.emailAddress.name, p.emailAddress.address, p.role])).toEqual([
      ['Amira Khan', SUPPORT, 'write'],
      ['My Organization', undefined, 'freeBusyRead'],
    ]);
    const one = await t.graph(`/me/calendar/calendarPermissions/${encodeURIComponent(value[0]!.id)}`, {
      as: LEAD,
    });
    expect((await json(one)).role).toBe('write');
  });

  it('someone the calendar is shared with gets an empty collection; anyone else 403', async () => {
    const shared = await t.graph(users(LEAD, '/calendar/calendarPermissions'), { as: SUPPORT });
    expect(shared.status).toBe(200);
    expect((await json(shared)).value).toEqual([]);
    const notShared = await t.graph(users(NOT_SHARED, '/calendar/calendarPermissions'), { as: SUPPORT });
    expect(notShared.status).toBe(403);
    expect((await json(notShared)).error?.code).toBe('ErrorAccessDenied');
  });

  it('sharing is kept in the tenant’s store across a restart', async () => {
    const first = await startTestTenant({ now: () => NOW });
    await first.close();
    const reopened = await startTestTenant({ now: () => NOW, dataDir: first.dataDir });
    try {
      expect((await reopened.graph(users(LEAD, '/calendar'), { as: SUPPORT })).status).toBe(200);
      expect((await reopened.graph(users(NOT_SHARED, '/calendar'), { as: SUPPORT })).status).toBe(403);
    } finally {
      await reopened.close();
    }
  });
});
