import { startTestTenant, type TestTenant } from '../support/tenant';

/**
 * Meetings: the organiser's event, the attendees' copies, their answers and cancellation, and
 * persistence across a restart. Clock fixed on 12 October 2026; meetings in December, after the
 * seeded busy time, so that every availability view below is exactly what the test made.
 */
const NOW = new Date('2026-10-12T08:00:00Z');
const SOCIAL_WORKER = 'jade.whitcombe@northmoor.example';
const TEAM_MANAGER = 'alan.pryce@northmoor.example';
const GP = 'imran.sadiq@northmoor-gp.nhs.example';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
});
afterAll(() => t.close());

const london = (dateTime: string) => ({ dateTime, timeZone: 'GMT Standard Time' });

async function meeting(day: string, attendees: string[], extra: Record<string, unknown> = {}) {
  const res = await t.graph('/me/events', {
    method: 'POST',
    json: {
      subject: 'CR-2026-014 practitioner conversation',
      start: london(`2026-12-${day}T10:00:00`),
      end: london(`2026-12-${day}T11:00:00`),
      attendees: attendees.map((address) => ({ type: 'required', emailAddress: { address } })),
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return res.json();
}

/** The attendee's own copy of a meeting, found as they would: by iCalUId in their calendar. */
async function copyOf(iCalUId: string, as: string) {
  const list = await (
    await t.graph(`/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}`, { as })
  ).json();
  return list.value[0];
}

/** The availability view of one address for 09:00–12:00 London on a December day, in half hours. */
async function morning(address: string, day: string, as?: string) {
  const res = await t.graph('/me/calendar/getSchedule', {
    method: 'POST',
    ...(as ? { as } : {}),
    json: {
      schedules: [address],
      startTime: london(`2026-12-${day}T09:00:00`),
      endTime: london(`2026-12-${day}T12:00:00`),
      availabilityViewInterval: 30,
    },
  });
  return (await res.json()).value[0].availabilityView as string;
}

describe('meetings with attendees', () => {
  it("puts the meeting in each internal attendee's calendar, tentative until they answer", async () => {
    const ev = await meeting('01', [SOCIAL_WORKER, GP]);
    const copy = await copyOf(ev.iCalUId, SOCIAL_WORKER);
    expect(copy).toMatchObject({
      subject: ev.subject,
      isOrganizer: false,
      showAs: 'tentative',
      responseStatus: { response: 'notResponded' },
      organizer: { emailAddress: { address: 'ruth.okonkwo-hale@northmoor.example' } },
      start: ev.start,
    });
    expect(copy.id).not.toBe(ev.id);
    // getSchedule shows the attendee tentative (1) for the meeting, the organiser busy (2).
    expect(await morning(SOCIAL_WORKER, '01')).toBe('001100');
    expect(await morning('ruth.okonkwo-hale@northmoor.example', '01')).toBe('002200');
    // The GP is in another organisation: nothing is delivered in this tenant.
    const gp = (
      await (
        await t.graph('/me/calendar/getSchedule', {
          method: 'POST',
          json: {
            schedules: [GP],
            startTime: london('2026-12-01T09:00:00'),
            endTime: london('2026-12-01T12:00:00'),
          },
        })
      ).json()
    ).value[0];
    expect(gp.error.responseCode).toBe('ErrorMailRecipientNotFound');
  });

  it("records the attendee's answer on the organiser's event and in the attendee's free/busy", async () => {
    const ev = await meeting('02', [SOCIAL_WORKER, TEAM_MANAGER]);
    const jade = await copyOf(ev.iCalUId, SOCIAL_WORKER);
    // event-accept.md: 202 Accepted, no body.
    const accepted = await t.graph(`/me/events/${jade.id}/accept`, {
      method: 'POST',
      as: SOCIAL_WORKER,
      json: { comment: 'See you then', sendResponse: true },
    });
    expect(accepted.status).toBe(202);
    const alan = await copyOf(ev.iCalUId, TEAM_MANAGER);
    expect(
      (
        await t.graph(`/me/events/${alan.id}/tentativelyAccept`, {
          method: 'POST',
          as: TEAM_MANAGER,
          json: {},
        })
      ).status,
    ).toBe(202);

    const organiser = await (await t.graph(`/me/events/${ev.id}`)).json();
    const status = Object.fromEntries(
      organiser.attendees.map((a: { emailAddress: { address: string }; status: { response: string } }) => [
        a.emailAddress.address,
        a.status.response,
      ]),
    );
    expect(status).toEqual({ [SOCIAL_WORKER]: 'accepted', [TEAM_MANAGER]: 'tentativelyAccepted' });
    expect(organiser.changeKey).not.toBe(ev.changeKey);
    expect((await copyOf(ev.iCalUId, SOCIAL_WORKER)).responseStatus.response).toBe('accepted');
    expect(await morning(SOCIAL_WORKER, '02')).toBe('002200');
    expect(await morning(TEAM_MANAGER, '02')).toBe('001100');

    // Declining moves the copy to Deleted Items: it leaves the calendar and the free/busy.
    expect(
      (await t.graph(`/me/events/${alan.id}/decline`, { method: 'POST', as: TEAM_MANAGER })).status,
    ).toBe(202);
    expect((await t.graph(`/me/events/${alan.id}`, { as: TEAM_MANAGER })).status).toBe(404);
    expect(await morning(TEAM_MANAGER, '02')).toBe('000000');
    const after = await (await t.graph(`/me/events/${ev.id}`)).json();
    expect(
      after.attendees.find(
        (a: { emailAddress: { address: string } }) => a.emailAddress.address === TEAM_MANAGER,
      ).status.response,
    ).toBe('declined');
  });

  it('refuses an organiser answering their own meeting', async () => {
    const ev = await meeting('03', [SOCIAL_WORKER]);
    const res = await t.graph(`/me/events/${ev.id}/accept`, { method: 'POST', json: {} });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('ErrorInvalidRequest');
  });

  it('lets only the organiser cancel, and cancels every copy', async () => {
    const ev = await meeting('04', [SOCIAL_WORKER]);
    const copy = await copyOf(ev.iCalUId, SOCIAL_WORKER);
    // event-cancel.md: an attendee calling cancel gets 400 with this message.
    const byAttendee = await t.graph(`/me/events/${copy.id}/cancel`, {
      method: 'POST',
      as: SOCIAL_WORKER,
      json: { comment: 'Cannot make it' },
    });
    expect(byAttendee.status).toBe(400);
    expect((await byAttendee.json()).error.message).toBe(
      "Your request can't be completed. You need to be an organizer to cancel a meeting.",
    );

    const res = await t.graph(`/me/events/${ev.id}/cancel`, {
      method: 'POST',
      json: { comment: 'Rearranging' },
    });
    expect(res.status).toBe(202);
    // "The action moves the event to the Deleted Items folder" (event-cancel.md).
    expect((await t.graph(`/me/events/${ev.id}`)).status).toBe(404);
    const cancelled = await (await t.graph(`/me/events/${copy.id}`, { as: SOCIAL_WORKER })).json();
    expect(cancelled).toMatchObject({ isCancelled: true, showAs: 'free' });
    expect(cancelled.subject).toBe(`Canceled: ${ev.subject}`);
    expect(await morning(SOCIAL_WORKER, '04')).toBe('000000');
    // Answering a cancelled meeting is refused.
    expect(
      (await t.graph(`/me/events/${copy.id}/accept`, { method: 'POST', as: SOCIAL_WORKER })).status,
    ).toBe(400);
  });

  it("carries the organiser's changes to the copies; a new time asks again; a removed attendee gets a cancellation", async () => {
    const ev = await meeting('07', [SOCIAL_WORKER, TEAM_MANAGER]);
    const copy = await copyOf(ev.iCalUId, SOCIAL_WORKER);
    await t.graph(`/me/events/${copy.id}/accept`, { method: 'POST', as: SOCIAL_WORKER });
    expect(await morning(SOCIAL_WORKER, '07')).toBe('002200');

    const res = await t.graph(`/me/events/${ev.id}`, {
      method: 'PATCH',
      json: {
        start: london('2026-12-07T11:00:00'),
        end: london('2026-12-07T12:00:00'),
        attendees: [{ type: 'required', emailAddress: { address: SOCIAL_WORKER } }],
      },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).attendees[0].status.response).toBe('none');
    const moved = await copyOf(ev.iCalUId, SOCIAL_WORKER);
    expect(moved).toMatchObject({ showAs: 'tentative', responseStatus: { response: 'notResponded' } });
    expect(await morning(SOCIAL_WORKER, '07')).toBe('000011');
    const removed = await copyOf(ev.iCalUId, TEAM_MANAGER);
    expect(removed).toMatchObject({ isCancelled: true, showAs: 'free' });

    // An attendee's own PATCH changes their copy only.
    await t.graph(`/me/events/${moved.id}`, {
      method: 'PATCH',
      as: SOCIAL_WORKER,
      json: { categories: ['Review'] },
    });
    expect((await (await t.graph(`/me/events/${ev.id}`)).json()).categories).toEqual([]);
  });

  it('cancels the copies when the organiser deletes the meeting', async () => {
    const ev = await meeting('08', [SOCIAL_WORKER]);
    expect((await t.graph(`/me/events/${ev.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await copyOf(ev.iCalUId, SOCIAL_WORKER)).isCancelled).toBe(true);
  });
});

describe('persistence', () => {
  it('keeps events, copies and transactionIds across a restart of the tenant', async () => {
    const first = await startTestTenant({ now: () => NOW });
    {
      const body = {
        subject: 'CR-2026-014 case group meeting',
        transactionId: 'crw-persist-1',
        isOnlineMeeting: true,
        start: london('2026-12-14T13:00:00'),
        end: london('2026-12-14T15:00:00'),
        attendees: [{ type: 'required', emailAddress: { address: SOCIAL_WORKER } }],
      };
      const created = await (await first.graph('/me/events', { method: 'POST', json: body })).json();
      await first.close();

      const again = await startTestTenant({ now: () => NOW, dataDir: first.dataDir });
      try {
        const read = await (await again.graph(`/me/events/${created.id}`)).json();
        expect(read).toMatchObject({
          id: created.id,
          changeKey: created.changeKey,
          onlineMeeting: created.onlineMeeting,
        });
        // The retry after the restart still finds the first event.
        const retried = await (await again.graph('/me/events', { method: 'POST', json: body })).json();
        expect(retried.id).toBe(created.id);
        const copies = await (
          await again.graph(`/me/events?$filter=${encodeURIComponent(`iCalUId eq '${created.iCalUId}'`)}`, {
            as: SOCIAL_WORKER,
          })
        ).json();
        expect(copies.value).toHaveLength(1);
      } finally {
        await again.close();
      }
    }
  });
});
