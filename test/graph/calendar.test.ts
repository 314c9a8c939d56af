import {
  cancelEvents,
  chainByMailbox,
  createMeetingEvents,
  eventTransactionId,
  readAvailability,
  readEventResponses,
  refreshConversationResponses,
  rescheduleEvents,
  saveConversations,
  scheduleConversations,
} from '../../src/graph/calendar';
import { conversationInvitation } from '../../src/core/scheduling';
import { ValidationError } from '../../src/core/errors';
import { ReviewStore } from '../../src/graph/review-site/store';
import { startTestTenant, type TestTenant } from '../support/tenant';
import {
  createCaseGroup,
  ORGANISER,
  REFERENCE,
  SECOND_REVIEWER,
  type CaseGroupFixture,
} from './calendar-fixture';
import { connect, REVIEW_TEAM, teamIdByName } from './helpers';

// Real HTTP against a local tenant with faults and retries.
jest.setTimeout(120_000);

/** Friday 6 March 2026; the four weeks from Monday 9 March cross the change to summer time (29 March). */
const NOW = new Date('2026-03-06T09:00:00Z');
const WINDOW = { start: '2026-03-09T00:00:00Z', end: '2026-04-06T00:00:00Z' };
const POLICE_OFFICER = 'nadia.blake@northmoor.police.example';

let t: TestTenant;
let fixture: CaseGroupFixture;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
  const { client } = connect(t, ORGANISER);
  fixture = await createCaseGroup(t.tenant, client, await teamIdByName(t, REVIEW_TEAM, ORGANISER), {
    practitioners: 30,
    firstMonday: '2026-03-09',
    weeks: 4,
    busyShare: 0.2,
    seed: 9,
  });
});
afterAll(() => t.close());
afterEach(() => t.tenant.faults.configure({ rules: [] }));

const noWait = { sleep: () => Promise.resolve() };

interface GraphEvent {
  id: string;
  subject: string;
  transactionId?: string;
  isCancelled: boolean;
  isOrganizer: boolean;
  start: { dateTime: string };
  end: { dateTime: string };
  onlineMeeting: { joinUrl: string } | null;
  isOnlineMeeting: boolean;
  attendees: { emailAddress: { address: string }; status: { response: string } }[];
}

/** Every event in someone's calendar over the window (read directly from the tenant, as they would see it). */
async function calendarOf(
  user: string,
  subject = `${REFERENCE}: practitioner conversation`,
): Promise<GraphEvent[]> {
  const res = await t.graph(
    `/me/calendarView?startDateTime=${WINDOW.start}&endDateTime=${WINDOW.end}&$top=1000&$select=id,subject,transactionId,isCancelled,isOrganizer,start,end,onlineMeeting,isOnlineMeeting,attendees`,
    { as: user },
  );
  const body = (await res.json()) as { value: GraphEvent[] };
  return body.value.filter((e) => e.subject === subject);
}

describe('free/busy for the case group', () => {
  it('reads 32 people in one round trip (two getSchedule calls of at most 20 in one batch), someone in another organisation as unknown', async () => {
    const { client, counter } = connect(t, ORGANISER);
    const people = [...fixture.people, { id: 'police', address: POLICE_OFFICER, name: 'PC Nadia Blake' }];
    const availability = await readAvailability(
      client,
      { people, window: WINDOW, timeZone: 'Europe/London' },
      noWait,
    );
    expect(counter.total).toBe(1);
    const requests = JSON.parse(JSON.stringify(counter.log));
    expect(requests).toEqual([
      { method: 'POST', path: expect.stringMatching(/\/\$batch$/) as string, status: 200 },
    ]);
    const police = availability.people.find((p) => p.id === 'police')!;
    expect(police).toMatchObject({ availability: 'unknown', busy: [] });
    const fifth = availability.people.find((p) => p.id === 'practitioner-5')!;
    expect(fifth).toMatchObject({
      availability: 'known',
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday'],
        startTime: '08:30:00.0000000',
        timeZone: 'Europe/London',
      },
    });
    // About 20% of eight hours a day over twenty days is busy.
    const busyMinutes = (fifth.busy ?? []).reduce(
      (sum, b) => sum + (Date.parse(b.end) - Date.parse(b.start)) / 60_000,
      0,
    );
    expect(busyMinutes).toBeGreaterThan(0.2 * 8 * 60 * 20 * 0.9);
  });
});

describe('meeting events', () => {
  const invitation = conversationInvitation({ referenceCode: REFERENCE, durationMinutes: 90 });
  const spec = async (key: string, start: string, end: string) => ({
    key,
    mailbox: 'me' as const,
    transactionId: await eventTransactionId({ referenceCode: REFERENCE, kind: 'test', id: key }),
    start,
    end,
    invitation,
    attendees: [{ address: fixture.practitioners[0]! }, { address: SECOND_REVIEWER }],
  });

  it('never runs more than four parts to one mailbox at once: more go on one dependsOn chain', () => {
    const jobs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        key: `e${i}`,
        mailbox: 'me' as const,
        part: { method: 'POST' as const, url: '/me/events' },
        settle: () => undefined,
      }));
    expect(chainByMailbox(jobs(4)).map((p) => p.dependsOn ?? [])).toEqual([[], [], [], []]);
    expect(chainByMailbox(jobs(6)).map((p) => p.dependsOn ?? [])).toEqual([
      [],
      ['e0'],
      ['e1'],
      ['e2'],
      ['e3'],
      ['e4'],
    ]);
  });

  it('creates a Teams meeting once however often it is sent, moves it keeping its link, and cancels it with a message', async () => {
    const { client } = connect(t, ORGANISER);
    const one = await spec('single', '2026-04-20T09:00:00Z', '2026-04-20T10:30:00Z');
    const first = await createMeetingEvents(client, [one], noWait);
    const again = await createMeetingEvents(client, [one], noWait);
    expect(first.failed).toEqual([]);
    expect(again.done[0]!.eventId).toBe(first.done[0]!.eventId);
    expect(first.done[0]!.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const mine = await t.graph(`/me/events?$filter=transactionId eq '${one.transactionId}'`, {
      as: ORGANISER,
    });
    expect(((await mine.json()) as { value: unknown[] }).value).toHaveLength(1);

    const moved = await rescheduleEvents(
      client,
      [
        {
          key: 'single',
          mailbox: 'me',
          eventId: first.done[0]!.eventId,
          start: '2026-04-21T13:00:00Z',
          end: '2026-04-21T14:30:00Z',
        },
      ],
      noWait,
    );
    expect(moved.done[0]).toMatchObject({
      eventId: first.done[0]!.eventId,
      joinUrl: first.done[0]!.joinUrl,
      start: '2026-04-21T13:00:00.000Z',
    });
    const copy = (await t
      .graph(`/me/events?$filter=iCalUId eq '${first.done[0]!.iCalUId}'`, { as: SECOND_REVIEWER })
      .then((r) => r.json())) as {
      value: GraphEvent[];
    };
    expect(copy.value[0]!.start.dateTime).toMatch(/^2026-04-21T13:00:00/);

    const cancelled = await cancelEvents(
      client,
      [
        {
          key: 'single',
          mailbox: 'me',
          eventId: first.done[0]!.eventId,
          message: 'This conversation is no longer needed.',
        },
      ],
      noWait,
    );
    expect(cancelled.failed).toEqual([]);
    const gone = await readEventResponses(
      client,
      [{ key: 'single', mailbox: 'me', eventId: first.done[0]!.eventId }],
      noWait,
    );
    expect(gone.done[0]).toMatchObject({ exists: false });
    const theirs = (await t
      .graph(`/me/events/${copy.value[0]!.id}`, { as: SECOND_REVIEWER })
      .then((r) => r.json())) as GraphEvent;
    expect(theirs.isCancelled).toBe(true);
  });

  it('refuses to send an invitation the guard refuses, and sends nothing for it', async () => {
    const { client, counter } = connect(t, ORGANISER);
    const result = await createMeetingEvents(
      client,
      [await spec('guarded', '2026-04-22T09:00:00Z', '2026-04-22T10:30:00Z')],
      {
        ...noWait,
        guard: () => ({ ok: false, reason: 'it names someone in the identity register.' }),
      },
    );
    expect(result.done).toEqual([]);
    expect(result.failed).toEqual([
      {
        key: 'guarded',
        status: 0,
        reason: 'The invitation was not sent: it names someone in the identity register.',
      },
    ]);
    expect(counter.total).toBe(0);
  });
});

describe('scheduling the whole case group', () => {
  it('refuses bad input before anything is read or sent', async () => {
    const { client, counter } = connect(t, ORGANISER);
    await expect(
      scheduleConversations(client, {
        referenceCode: REFERENCE,
        site: fixture.site,
        organiser: { address: ORGANISER, mailbox: 'me' },
        people: fixture.people.map((p) => (p.id === 'practitioner-1' ? { ...p, address: '' } : p)),
        conversations: fixture.conversations.map((stored) => ({ stored })),
        now: NOW.toISOString(),
        timeZone: 'Europe/London',
        window: WINDOW,
      }),
    ).rejects.toThrow(ValidationError);
    expect(counter.total).toBe(0);
  });

  it('30 practitioners over four weeks with 20% of requests failing (429, 503, answers lost after the write) and a dropped connection: every conversation scheduled exactly once, no duplicate event, statuses as the calendars show', async () => {
    const { client, counter } = connect(t, ORGANISER);
    t.tenant.faults.configure({
      seed: 2026,
      rules: [
        // One dropped connection: the first batch request.
        { path: '^/\\$batch$', drop: 1, times: 1 },
        // Creating events and saving statuses: throttled, unavailable, or the answer lost after the write.
        {
          path: '/events$',
          method: 'POST',
          throttle: 0.05,
          unavailable: 0.05,
          gatewayTimeoutAfterWrite: 0.1,
          retryAfterSeconds: 0,
        },
        {
          path: '/fields$',
          method: 'PATCH',
          throttle: 0.05,
          unavailable: 0.05,
          gatewayTimeoutAfterWrite: 0.1,
          retryAfterSeconds: 0,
        },
        // Every other part: 429 with Retry-After, or 503.
        { path: '.*', throttle: 0.1, unavailable: 0.1, retryAfterSeconds: 0 },
      ],
    });
    const input = {
      referenceCode: REFERENCE,
      site: fixture.site,
      organiser: { address: ORGANISER, mailbox: 'me' as const },
      people: fixture.people,
      conversations: fixture.conversations.map((stored) => ({ stored })),
      now: NOW.toISOString(),
      timeZone: 'Europe/London',
      window: WINDOW,
      rules: { maxPerReviewerPerDay: 3 },
    };
    const outcome = await scheduleConversations(client, input, noWait);
    const faults = (
      (await (await fetch(`${t.tenant.url}/_local/stats`)).json()) as { faultsInjected: number }
    ).faultsInjected;
    expect(faults).toBeGreaterThan(5);
    expect(outcome.unplaced).toEqual([]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.scheduled).toHaveLength(30);
    expect(counter.total).toBeGreaterThanOrEqual(5);
    t.tenant.faults.configure({ rules: [] });

    // The organiser's calendar: exactly one Teams meeting per conversation, at the time recorded.
    const events = await calendarOf(ORGANISER);
    expect(events).toHaveLength(30);
    expect(new Set(events.map((e) => e.transactionId)).size).toBe(30);
    const loaded = await new ReviewStore(client, fixture.site).load();
    const ours = loaded.conversations.filter((c) => /^conversation-\d+$/.test(c.value.id));
    expect(ours).toHaveLength(30);
    for (const c of ours) {
      expect(c.value.status).toBe('scheduled');
      const event = events.find((e) => e.id === c.value.calendarEvent?.eventId);
      expect(event).toBeDefined();
      expect(Date.parse(`${event!.start.dateTime}Z`)).toBe(Date.parse(c.value.scheduled!.start));
      expect(event!.isOnlineMeeting).toBe(true);
      expect(c.value.calendarEvent).toMatchObject({
        organiser: ORGANISER,
        status: 'sent',
        joinUrl: event!.onlineMeeting!.joinUrl,
      });
      const practitioner = fixture.people.find((p) => p.id === c.value.participant)!.address;
      expect(event!.attendees.map((a) => a.emailAddress.address).sort()).toEqual(
        [practitioner, SECOND_REVIEWER].sort(),
      );
    }
    // Each practitioner has one invitation; the second reviewer has 30, never two at once.
    for (const address of fixture.practitioners) expect(await calendarOf(address)).toHaveLength(1);
    const declan = (await calendarOf(SECOND_REVIEWER)).map((e) => [
      Date.parse(`${e.start.dateTime}Z`),
      Date.parse(`${e.end.dateTime}Z`),
    ]);
    expect(declan).toHaveLength(30);
    declan.sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < declan.length; i++)
      expect(declan[i]![0]).toBeGreaterThanOrEqual(declan[i - 1]![1]! + 15 * 60_000);

    // Sending again creates nothing.
    const again = await scheduleConversations(
      client,
      { ...input, conversations: ours.map((stored) => ({ stored })) },
      noWait,
    );
    expect(again.alreadyScheduled).toHaveLength(30);
    expect(await calendarOf(ORGANISER)).toHaveLength(30);

    // A practitioner declines: the conversation's calendar status says so (the dashboard's "needs attention").
    const first = ours.find((c) => c.value.id === 'conversation-1')!;
    const practitioner = fixture.practitioners[0]!;
    const copy = (await calendarOf(practitioner))[0]!;
    await t.graph(`/me/events/${copy.id}/decline`, {
      method: 'POST',
      as: practitioner,
      json: { sendResponse: true },
    });
    const second = ours.find((c) => c.value.id === 'conversation-2')!;
    const copy2 = (await calendarOf(fixture.practitioners[1]!))[0]!;
    await t.graph(`/me/events/${copy2.id}/accept`, {
      method: 'POST',
      as: fixture.practitioners[1],
      json: { sendResponse: true },
    });
    const refreshed = await refreshConversationResponses(
      client,
      [first, second],
      fixture.people,
      () => 'me',
      noWait,
    );
    const byId = new Map(refreshed.changed.map((c) => [c.next.id, c.next.calendarEvent]));
    expect(byId.get('conversation-1')).toMatchObject({
      status: 'declined',
      responses: { 'practitioner-1': 'declined', 'note-taker': 'none' },
    });
    expect(byId.get('conversation-2')).toMatchObject({
      status: 'tentative',
      responses: { 'practitioner-2': 'accepted' },
    });
  });
});

describe('saving conversations whose answers are lost', () => {
  it('reports a conversation saved when its write landed and only 504s came back after', async () => {
    // Found by npm run drill: the status write was made, its answer lost (a 504), and every resend
    // met a 504 too; the conversation was reported "could not be saved" though it was scheduled.
    const { client } = connect(t, ORGANISER);
    const base = await new ReviewStore(client, fixture.site, noWait).create('conversation', {
      participant: fixture.people[2]!.id,
      reviewers: [fixture.people[0]!.id],
      status: 'proposed',
    });
    const next = { ...base.value, status: 'cancelled' as const };
    t.tenant.faults.configure({
      rules: [{ path: '/fields$', method: 'PATCH', gatewayTimeoutAfterWrite: 1 }],
    });
    let waits = 0;
    const result = await saveConversations(client, fixture.site, [{ base, next }], {
      sleep: async () => {
        // After the first round (written, answer lost), every resend fails before the write.
        if (++waits === 1)
          t.tenant.faults.configure({ rules: [{ path: '/fields$', method: 'PATCH', gatewayTimeout: 1 }] });
      },
    });
    t.tenant.faults.configure({ rules: [] });
    expect(result.failed).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.saved.map((s) => s.value)).toEqual([next]);
    const loaded = await new ReviewStore(client, fixture.site).load();
    expect(loaded.conversations.find((c) => c.value.id === base.value.id)?.value.status).toBe('cancelled');
  });
});
