/**
 * Two gaps a council user would hit in scheduling, through the tab's scheduling gateway against a
 * seeded local tenant over real HTTP, signed in as the business support officer who books in the
 * lead reviewer's shared calendar:
 * - stopping partway: what was sent stays sent and recorded, the rest stay proposed with nothing in
 *   any calendar, and sending the rest duplicates nothing;
 * - finding another time for a declined conversation: the practitioner declines, another time is
 *   found (never the declined one), sent once however often it is asked, the declined event
 *   cancelled, and the conversation no longer needs attention; the same for a practitioner in
 *   another organisation who declined every one of three times offered.
 */
import { GatewayError } from '../../src/core/errors';
import { needsAttention } from '../../src/core/model/calendar-event';
import { needsAnotherTime, type ConversationPlanForm } from '../../src/core/scheduling';
import { type SendProgress } from '../../src/graph/workspace';
import { EVENT_KIND, touch, type StoredEvent } from '../../src/local-tenant/calendar/events';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { BUSINESS_SUPPORT, gatewaysFor } from './helpers';

jest.setTimeout(120_000);

/** Friday 6 March 2026, 09:00. */
const NOW = new Date('2026-03-06T09:00:00Z');
const RUTH = 'ruth.okonkwo-hale@northmoor.example';
const OWEN = 'owen.hartley@northmoor.example';
const SUBJECT = 'CR-2026-014: practitioner conversation';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
});
afterAll(() => t?.close());
afterEach(() => t.tenant.faults.configure({ rules: [] }));

const gateways = (user = BUSINESS_SUPPORT) => gatewaysFor(t, user);

async function reviewId(): Promise<string> {
  return (await gateways().workspace.reviewTeams()).find((x) => x.reference === 'CR-2026-014')!.id;
}

interface GraphEvent {
  id: string;
  subject: string;
  start: { dateTime: string };
  end: { dateTime: string };
  showAs: string;
  isCancelled: boolean;
  attendees: { emailAddress: { address: string } }[];
}

async function calendarOf(user: string, subject = SUBJECT): Promise<GraphEvent[]> {
  const res = await t.graph(
    `/me/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-05-30T00:00:00Z&$top=1000&$select=id,subject,start,end,attendees,showAs,isCancelled`,
    { as: user },
  );
  return ((await res.json()) as { value: GraphEvent[] }).value.filter((e) => e.subject.startsWith(subject));
}

const at = (e: { dateTime: string }) => Date.parse(`${e.dateTime}Z`);

const form = (over: Partial<ConversationPlanForm> = {}): ConversationPlanForm => ({
  practitioners: [],
  reviewers: ['lead-reviewer-1', 'review-team-1'],
  durationMinutes: 90,
  bufferMinutes: 15,
  maxPerReviewerPerDay: 2,
  preference: 'earliest',
  firstDay: '2026-03-09',
  lastDay: '2026-03-20',
  now: NOW.toISOString(),
  ...over,
});

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

async function addPractitioner(name: string, email: string, organisation: 'internal' | 'external') {
  const g = gateways();
  const id = await reviewId();
  await g.people.add(id, 'caseGroupMember', {
    label: `${name} (role)`,
    name,
    role: 'Practitioner',
    agency: organisation === 'external' ? 'Police' : 'Education',
    email,
    organisation,
  } as never);
  return (await g.workspace.openReview(id)).people.find((p) => p.role === 'case-group' && p.name === name)!
    .id;
}

test('stopping partway: what was sent stays sent and recorded, the rest stay proposed and unsent; sending the rest duplicates nothing', async () => {
  const id = await reviewId();
  const g = gateways();
  const rachel = await addPractitioner('Rachel Moss', 'rachel.moss@northmoor.example', 'internal');
  const dan = await addPractitioner('Dan Whitfield', 'dan.whitfield@northmoor.example', 'internal');
  const plan = await g.scheduling.planConversations(
    id,
    form({ practitioners: ['case-group-5', 'case-group-10', 'case-group-11', rachel, dan] }),
  );
  expect(plan.timetable.placed).toHaveLength(5);

  // Stopped before anything went: nothing in the calendar, every conversation still proposed.
  const early = new AbortController();
  early.abort();
  const none = await g.scheduling.sendInvitations(plan, plan.timetable.placed, undefined, {
    signal: early.signal,
  });
  expect(none).toMatchObject({ scheduled: [], failed: [] });
  expect(none.notSent).toHaveLength(5);
  expect(await calendarOf(RUTH)).toEqual([]);

  // Stopped once the first invitations are in the calendar (the person presses "Stop sending").
  const stop = new AbortController();
  const progress: SendProgress[] = [];
  const partly = await g.scheduling.sendInvitations(
    plan,
    plan.timetable.placed,
    (p) => {
      progress.push(p);
      if (p.done > 0) stop.abort();
    },
    { signal: stop.signal },
  );
  // The first wave is four (then twenty at a time): the stop lands after it.
  expect(partly.scheduled).toHaveLength(4);
  expect(partly.notSent).toHaveLength(1);
  expect(partly.scheduled.length + partly.notSent.length).toBe(5);
  expect(partly.failed).toEqual([]);
  expect(progress[progress.length - 1]).toEqual({
    done: partly.scheduled.length,
    scheduled: partly.scheduled.length,
    total: 5,
  });
  // Exactly the sent ones are in the calendar and recorded as scheduled; the rest are proposed.
  expect(await calendarOf(RUTH)).toHaveLength(partly.scheduled.length);
  let conversations = (await g.workspace.openReview(id)).conversations;
  for (const c of plan.conversations) {
    const stored = conversations.find((x) => x.id === c.conversationId)!;
    if (partly.scheduled.includes(c.conversationId))
      expect(stored).toMatchObject({ status: 'scheduled', calendarEvent: { organiser: RUTH } });
    else {
      expect(stored.status).toBe('proposed');
      expect(stored.calendarEvent).toBeUndefined();
    }
  }

  // "Send the rest": only those not sent go; each conversation once in the calendar.
  const rest = await g.scheduling.sendInvitations(plan, plan.timetable.placed);
  expect(rest.scheduled.sort()).toEqual([...partly.notSent].sort());
  expect(rest.alreadyScheduled.sort()).toEqual([...partly.scheduled].sort());
  expect(rest.notSent).toEqual([]);
  expect(await calendarOf(RUTH)).toHaveLength(5);
  conversations = (await g.workspace.openReview(id)).conversations;
  expect(plan.conversations.map((c) => conversations.find((x) => x.id === c.conversationId)!.status)).toEqual(
    Array(5).fill('scheduled'),
  );
});

test('declined by the practitioner: another time, never the declined one, sent once; the declined event cancelled; the dashboard no longer lists it', async () => {
  const id = await reviewId();
  const g = gateways();
  const plan = await g.scheduling.planConversations(
    id,
    form({ practitioners: ['case-group-9'], firstDay: '2026-03-23', lastDay: '2026-03-27' }),
  );
  const conversationId = plan.conversations[0]!.conversationId;
  expect((await g.scheduling.sendInvitations(plan, plan.timetable.placed)).scheduled).toEqual([
    conversationId,
  ]);
  const before = await calendarOf(RUTH);
  const declinedEvent = before.find((e) => e.attendees.some((a) => a.emailAddress.address === OWEN))!;

  // Owen declines in his own calendar; reading the responses records it: it needs attention.
  const [copy] = await calendarOf(OWEN);
  expect(
    (
      await t.graph(`/me/events/${copy!.id}/decline`, {
        as: OWEN,
        method: 'POST',
        json: { sendResponse: true },
      })
    ).status,
  ).toBe(202);
  await g.scheduling.refreshResponses(id);
  let conversation = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(needsAnotherTime(conversation)).toBe(true);
  expect(needsAttention(conversation.calendarEvent!)).toBe(true);

  // Bad input: beside its field, nothing read or sent.
  const past = await refusal(
    g.scheduling.proposeAnotherTime(id, conversationId, {
      firstDay: '2026-02-02',
      lastDay: '2026-02-06',
      now: NOW.toISOString(),
    }),
  );
  expect(past.kind).toBe('invalid-input');
  expect(past.issues).toEqual([{ field: 'firstDay', message: expect.stringMatching(/in the past/) }]);
  const backwards = await refusal(
    g.scheduling.proposeAnotherTime(id, conversationId, {
      firstDay: '2026-03-20',
      lastDay: '2026-03-09',
      now: NOW.toISOString(),
    }),
  );
  expect(backwards.issues).toEqual([
    { field: 'lastDay', message: 'The last day must be on or after the first day.' },
  ]);

  // The window holds the declined time: it is not proposed again.
  const proposal = await g.scheduling.proposeAnotherTime(id, conversationId, {
    firstDay: '2026-03-23',
    lastDay: '2026-04-03',
    now: NOW.toISOString(),
  });
  expect(proposal.declined).toEqual([
    expect.objectContaining({ start: conversation.scheduled!.start, by: ['case-group-9'] }),
  ]);
  expect(proposal.replacing).toEqual([declinedEvent.id]);
  const placed = proposal.placed!;
  expect(
    Date.parse(placed.start) >= Date.parse(conversation.scheduled!.end) ||
      Date.parse(placed.end) <= Date.parse(conversation.scheduled!.start),
  ).toBe(true);
  expect(await calendarOf(RUTH)).toHaveLength(before.length);

  // The first attempt's save fails (the list keeps answering 503): the invitation went, the declined
  // one was withdrawn, the conversation not saved; it says so. A refresh meanwhile shows the
  // withdrawn event as missing.
  t.tenant.faults.configure({ rules: [{ path: '/fields$', method: 'PATCH', unavailable: 1 }], seed: 4 });
  const failed = await g.scheduling.bookAnotherTime(proposal);
  expect(failed).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be saved/) });
  t.tenant.faults.configure({ rules: [] });
  await g.scheduling.refreshResponses(id);
  expect(
    (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!.calendarEvent,
  ).toMatchObject({ eventId: declinedEvent.id, status: 'missing' });

  // Sent again, with an answer lost after the write on the way, and clicked twice at once: still
  // one new event (the same transactionId each time).
  t.tenant.faults.configure({
    rules: [{ path: '/events$', method: 'POST', gatewayTimeoutAfterWrite: 1, times: 1 }],
    seed: 5,
  });
  const [first, second] = await Promise.all([
    g.scheduling.bookAnotherTime(proposal),
    g.scheduling.bookAnotherTime(proposal),
  ]);
  expect(first).toMatchObject({ ok: true, notCancelled: 0 });
  expect(second).toMatchObject({ ok: true });
  const after = await calendarOf(RUTH);
  // The declined event is cancelled (gone from the organiser's calendar); one new one at the new time.
  expect(after.find((e) => e.id === declinedEvent.id)).toBeUndefined();
  const owens = after.filter((e) => e.attendees.some((a) => a.emailAddress.address === OWEN));
  expect(owens).toHaveLength(1);
  expect(at(owens[0]!.start)).toBe(Date.parse(placed.start));
  expect(after).toHaveLength(before.length);
  // Owen's copy of the declined invitation says it is cancelled.
  const owenCopies = await calendarOf(OWEN);
  expect(owenCopies.filter((e) => !e.isCancelled)).toHaveLength(1);

  // Clicked again later: nothing more is sent.
  expect(await g.scheduling.bookAnotherTime(proposal)).toMatchObject({ ok: true, already: true });
  expect(await calendarOf(RUTH)).toHaveLength(before.length);

  // The record: scheduled at the new time with the new event, the declined time remembered; the
  // dashboard's "needs attention" (declined or missing) no longer lists it, even after a refresh.
  await g.scheduling.refreshResponses(id);
  conversation = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(conversation).toMatchObject({
    status: 'scheduled',
    scheduled: { start: expect.any(String) },
    calendarEvent: { eventId: owens[0]!.id, status: 'sent', organiser: RUTH },
  });
  expect(Date.parse(conversation.scheduled!.start)).toBe(Date.parse(placed.start));
  expect(conversation.calendarEvent!.declinedEarlier).toHaveLength(1);
  expect(needsAnotherTime(conversation)).toBe(false);
  expect(needsAttention(conversation.calendarEvent!)).toBe(false);
  // Asking again is refused plainly: it needs no other time.
  await expect(
    g.scheduling.proposeAnotherTime(id, conversationId, {
      firstDay: '2026-03-23',
      lastDay: '2026-04-03',
      now: NOW.toISOString(),
    }),
  ).rejects.toThrow(/has not been declined/);
});

test('every one of three offered times declined (another organisation): another time, none of the three, the three cancelled', async () => {
  const id = await reviewId();
  const g = gateways();
  const DETECTIVE = 'sam.achebe@northmoor.police.example';
  const sam = await addPractitioner('Sam Achebe', DETECTIVE, 'external');
  const plan = await g.scheduling.planConversations(
    id,
    form({
      practitioners: [sam],
      reviewers: ['lead-reviewer-1'],
      firstDay: '2026-04-13',
      lastDay: '2026-04-24',
    }),
  );
  const conversationId = plan.conversations[0]!.conversationId;
  const sent = await g.scheduling.sendInvitations(plan, plan.timetable.placed, undefined, {
    unknownChoice: { [conversationId]: 'offer-three' },
  });
  expect(sent.offered).toEqual([conversationId]);
  const three = (await calendarOf(RUTH, `${SUBJECT} (proposed time`)).filter((e) =>
    e.attendees.some((a) => a.emailAddress.address === DETECTIVE),
  );
  expect(three).toHaveLength(3);
  // She declines all three (recorded on the organiser's events, as for an external attendee).
  for (const e of three) {
    const stored = t.tenant.store.get<StoredEvent>(EVENT_KIND, e.id)!;
    for (const a of stored.attendees)
      if (a.emailAddress.address.toLowerCase() === DETECTIVE)
        a.status = { response: 'declined', time: NOW.toISOString() };
    touch(stored, NOW);
    t.tenant.store.put(EVENT_KIND, stored, stored.ownerId);
  }
  await g.scheduling.refreshResponses(id);
  const declined = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(declined.status).toBe('proposed');
  expect(needsAnotherTime(declined)).toBe(true);

  const proposal = await g.scheduling.proposeAnotherTime(id, conversationId, {
    firstDay: '2026-04-13',
    lastDay: '2026-04-24',
    now: NOW.toISOString(),
  });
  expect(proposal.unknown).toEqual([sam]);
  expect(proposal.replacing.sort()).toEqual(three.map((e) => e.id).sort());
  const placed = proposal.placed!;
  for (const e of three)
    expect(Date.parse(placed.start) >= at(e.end) || Date.parse(placed.end) <= at(e.start)).toBe(true);

  expect(await g.scheduling.bookAnotherTime(proposal)).toMatchObject({ ok: true, already: false });
  const now = (await calendarOf(RUTH)).filter((e) =>
    e.attendees.some((a) => a.emailAddress.address === DETECTIVE),
  );
  // The three declined times are gone; one new invitation, tentative (her calendar cannot be read).
  expect(now).toHaveLength(1);
  expect(now[0]).toMatchObject({ subject: SUBJECT, showAs: 'tentative' });
  expect(at(now[0]!.start)).toBe(Date.parse(placed.start));
  const conversation = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(conversation).toMatchObject({
    status: 'scheduled',
    calendarEvent: { eventId: now[0]!.id, status: 'sent' },
  });
  expect(conversation.calendarEvent!.candidates).toBeUndefined();
  expect(conversation.calendarEvent!.declinedEarlier).toHaveLength(3);
  expect(needsAnotherTime(conversation)).toBe(false);
});

test('deleted from the organiser’s calendar: another time (nothing held back, as nothing was declined), sent once; the dashboard no longer lists it', async () => {
  const id = await reviewId();
  const g = gateways();
  const LENA = 'lena.price@northmoor.example';
  const lena = await addPractitioner('Lena Price', LENA, 'internal');
  const plan = await g.scheduling.planConversations(
    id,
    form({ practitioners: [lena], firstDay: '2026-05-04', lastDay: '2026-05-08' }),
  );
  const conversationId = plan.conversations[0]!.conversationId;
  expect((await g.scheduling.sendInvitations(plan, plan.timetable.placed)).scheduled).toEqual([
    conversationId,
  ]);
  const lenas = async () =>
    (await calendarOf(RUTH)).filter((e) => e.attendees.some((a) => a.emailAddress.address === LENA));
  const [gone] = await lenas();

  // Someone deletes it in the organiser's calendar; reading the responses shows it missing.
  expect((await t.graph(`/me/events/${gone!.id}`, { as: RUTH, method: 'DELETE' })).status).toBe(204);
  await g.scheduling.refreshResponses(id);
  let conversation = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(conversation.calendarEvent).toMatchObject({ eventId: gone!.id, status: 'missing' });
  expect(needsAnotherTime(conversation)).toBe(true);

  const proposal = await g.scheduling.proposeAnotherTime(id, conversationId, {
    firstDay: '2026-05-04',
    lastDay: '2026-05-15',
    now: NOW.toISOString(),
  });
  expect(proposal.declined).toEqual([]);
  expect(proposal.replacing).toEqual([gone!.id]);
  const [first, second] = await Promise.all([
    g.scheduling.bookAnotherTime(proposal),
    g.scheduling.bookAnotherTime(proposal),
  ]);
  expect(first).toMatchObject({ ok: true, notCancelled: 0 });
  expect(second).toMatchObject({ ok: true });
  const now = await lenas();
  expect(now).toHaveLength(1);
  expect(at(now[0]!.start)).toBe(Date.parse(proposal.placed!.start));

  await g.scheduling.refreshResponses(id);
  conversation = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(conversation).toMatchObject({
    status: 'scheduled',
    calendarEvent: { eventId: now[0]!.id, status: 'sent' },
  });
  expect(needsAnotherTime(conversation)).toBe(false);
  expect(needsAttention(conversation.calendarEvent!)).toBe(false);
});
