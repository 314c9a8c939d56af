import { candidateTimes, findTimetable, type SchedulingRequest } from '../../src/core/scheduling';
import {
  CANCELLED_CANDIDATE_MESSAGE,
  offerCandidateTimes,
  recordAcceptedCandidates,
  readAvailability,
  resolveCandidateTimes,
} from '../../src/graph/calendar';
import { startTestTenant, type TestTenant } from '../support/tenant';
import {
  createCaseGroup,
  ORGANISER,
  REFERENCE,
  SECOND_REVIEWER,
  type CaseGroupFixture,
} from './calendar-fixture';
import { connect, REVIEW_TEAM, teamIdByName } from './helpers';

/**
 * Three proposed times for a practitioner whose calendar cannot be read, against the local tenant.
 *
 * The local tenant delivers invitations only to mailboxes in its directory (an address in another
 * organisation, or a guest, gets no copy and has no route to answer: src/local-tenant/calendar/
 * events.ts), so an external person's acceptance cannot be made through it. The practitioner here is
 * a directory mailbox whose availability is given to the finder as unknown, as readAvailability
 * reports for another organisation; they accept through their own copy (POST /me/events/{id}/accept),
 * and the organiser's event records it as Exchange does for an external reply.
 */
jest.setTimeout(120_000);

const NOW = new Date('2026-10-30T09:00:00Z');
const WINDOW = { start: '2026-11-02T00:00:00Z', end: '2026-11-14T00:00:00Z' };
const noWait = { sleep: () => Promise.resolve() };

let t: TestTenant;
let fixture: CaseGroupFixture;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
  const { client } = connect(t, ORGANISER);
  fixture = await createCaseGroup(t.tenant, client, await teamIdByName(t, REVIEW_TEAM, ORGANISER), {
    practitioners: 2,
    firstMonday: '2026-11-02',
    weeks: 2,
    busyShare: 0.2,
    seed: 3,
  });
});
afterAll(() => t.close());

interface GraphEvent {
  id: string;
  subject: string;
  showAs: string;
  isCancelled: boolean;
  isOrganizer: boolean;
  start: { dateTime: string };
}
async function calendarOf(user: string): Promise<GraphEvent[]> {
  const res = await t.graph(
    `/me/calendarView?startDateTime=${WINDOW.start}&endDateTime=${WINDOW.end}&$top=1000&$select=id,subject,showAs,isCancelled,isOrganizer,start`,
    { as: user },
  );
  return ((await res.json()) as { value: GraphEvent[] }).value.filter((e) => e.subject.startsWith(REFERENCE));
}

it('offers three tentative times; when one is accepted the other two are cancelled with a message', async () => {
  const { client } = connect(t, ORGANISER);
  const practitioner = fixture.practitioners[0]!;
  const people = fixture.people.filter((p) => ['lead-ruth', 'note-taker', 'practitioner-1'].includes(p.id));
  const availability = await readAvailability(
    client,
    { people, window: WINDOW, timeZone: 'Europe/London' },
    noWait,
  );
  const request: SchedulingRequest = {
    now: NOW.toISOString(),
    timeZone: 'Europe/London',
    window: WINDOW,
    people: availability.people.map((p) =>
      p.id === 'practitioner-1' ? { ...p, availability: 'unknown' as const, busy: [] } : p,
    ),
    conversations: [
      { id: 'conversation-1', practitioner: 'practitioner-1', reviewers: ['lead-ruth', 'note-taker'] },
    ],
  };
  const timetable = findTimetable(request);
  const offers = candidateTimes(request, timetable);
  expect(offers[0]!.candidates).toHaveLength(3);

  const organiser = { address: ORGANISER, mailbox: 'me' as const };
  const input = { referenceCode: REFERENCE, organiser, people, placed: timetable.placed, offers };
  const offered = await offerCandidateTimes(client, input, noWait);
  expect(offered.failed).toEqual([]);
  expect(offered.offered[0]!.events).toHaveLength(3);
  expect(offered.offered[0]!.awaiting).toEqual([practitioner]);

  // Three invitations in the practitioner's calendar, each tentative and saying which of three it is.
  const copies = await calendarOf(practitioner);
  expect(copies.map((e) => e.subject).sort()).toEqual(
    [1, 2, 3].map((n) => `${REFERENCE}: practitioner conversation (proposed time ${n} of 3)`),
  );
  const mine = await calendarOf(ORGANISER);
  expect(mine.filter((e) => e.isOrganizer)).toHaveLength(3);
  for (const e of mine) expect(e.showAs).toBe('tentative');
  // Offering again (a lost answer, a second click) makes no second set.
  await offerCandidateTimes(client, input, noWait);
  expect(await calendarOf(ORGANISER)).toHaveLength(3);

  // No answer yet: waiting, nothing cancelled.
  const before = await resolveCandidateTimes(client, offered.offered, noWait);
  expect(before).toMatchObject({ accepted: [], waiting: ['conversation-1'], cancelled: [] });

  // The practitioner accepts the second proposed time.
  const second = copies.find((e) => e.subject.endsWith('(proposed time 2 of 3)'))!;
  await t.graph(`/me/events/${second.id}/accept`, {
    method: 'POST',
    as: practitioner,
    json: { sendResponse: true },
  });
  const resolved = await resolveCandidateTimes(client, offered.offered, noWait);
  expect(resolved.failed).toEqual([]);
  expect(resolved.accepted).toHaveLength(1);
  expect(resolved.accepted[0]!.event.key).toBe('conversation-1#2');
  expect(resolved.cancelled.sort()).toEqual(['conversation-1#1', 'conversation-1#3']);

  const after = await calendarOf(practitioner);
  const live = after.filter((e) => !e.isCancelled);
  expect(live.map((e) => e.subject)).toEqual([
    `${REFERENCE}: practitioner conversation (proposed time 2 of 3)`,
  ]);
  // The reviewers' calendars keep only the accepted time.
  expect((await calendarOf(ORGANISER)).filter((e) => !e.isCancelled)).toHaveLength(1);
  expect((await calendarOf(SECOND_REVIEWER)).filter((e) => !e.isCancelled)).toHaveLength(1);
  expect(CANCELLED_CANDIDATE_MESSAGE).not.toMatch(/practitioner-|@/);

  // The conversation is scheduled at the accepted time, with that event.
  const recorded = await recordAcceptedCandidates(
    client,
    fixture.site,
    {
      organiser: ORGANISER,
      conversations: fixture.conversations,
      accepted: resolved.accepted,
      offers: offered.offered,
      people,
    },
    noWait,
  );
  expect(recorded.saved).toHaveLength(1);
  expect(recorded.saved[0]!.value).toMatchObject({
    id: 'conversation-1',
    status: 'scheduled',
    scheduled: { start: resolved.accepted[0]!.event.start },
    calendarEvent: {
      eventId: resolved.accepted[0]!.event.eventId,
      responses: { 'practitioner-1': 'accepted' },
    },
  });
});

it('or books the best time only, as tentative', async () => {
  const { client } = connect(t, ORGANISER);
  const practitioner = fixture.practitioners[1]!;
  const people = fixture.people.filter((p) => ['lead-ruth', 'practitioner-2'].includes(p.id));
  const availability = await readAvailability(
    client,
    { people, window: WINDOW, timeZone: 'Europe/London' },
    noWait,
  );
  const request: SchedulingRequest = {
    now: NOW.toISOString(),
    timeZone: 'Europe/London',
    window: WINDOW,
    people: availability.people.map((p) =>
      p.id === 'practitioner-2' ? { ...p, availability: 'unknown' as const, busy: [] } : p,
    ),
    conversations: [{ id: 'conversation-2', practitioner: 'practitioner-2', reviewers: ['lead-ruth'] }],
  };
  const timetable = findTimetable(request);
  const offers = candidateTimes(request, timetable, 1);
  expect(offers[0]!.candidates).toEqual(
    [{ start: timetable.placed[0]!.start, end: timetable.placed[0]!.end }].map((c) => ({
      start: new Date(c.start).toISOString(),
      end: new Date(c.end).toISOString(),
    })),
  );
  const offered = await offerCandidateTimes(
    client,
    {
      referenceCode: REFERENCE,
      organiser: { address: ORGANISER, mailbox: 'me' },
      people,
      placed: timetable.placed,
      offers,
    },
    noWait,
  );
  expect(offered.offered[0]!.events).toHaveLength(1);
  const copies = await calendarOf(practitioner);
  expect(copies.map((e) => e.subject)).toEqual([`${REFERENCE}: practitioner conversation`]);
  // The organiser's own event is tentative too (an organiser's meeting is busy unless told otherwise).
  const own = (await calendarOf(ORGANISER)).filter(
    (e) => e.subject === `${REFERENCE}: practitioner conversation`,
  );
  expect(own.map((e) => e.showAs)).toEqual(['tentative']);
});
