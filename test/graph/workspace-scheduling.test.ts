/**
 * The tab's scheduling gateway against a seeded local tenant over real HTTP, signed in as the
 * business support officer who books in the lead reviewer's shared calendar: bad input refused with
 * nothing read or sent; a case group of five proposed (someone in another organisation unknown),
 * one conversation moved and re-checked by the core, every invitation sent once with progress, a
 * second send changing nothing; a calendar shared read-only named with how to share it; a case group
 * meeting at the time most required people can come, stored in the Meetings list, and a decline
 * read back for the dashboard.
 */
import { GatewayError } from '../../src/core/errors';
import { checkMove, type ConversationPlanForm } from '../../src/core/scheduling';
import { type SendProgress } from '../../src/graph/workspace';
import { EVENT_KIND, touch, type StoredEvent } from '../../src/local-tenant/calendar/events';
import { startTestTenant, type TestTenant } from '../support/tenant';
import { BUSINESS_SUPPORT, gatewaysFor } from './helpers';

jest.setTimeout(120_000);

/** Friday 6 March 2026, 09:00; the window is the two working weeks after. */
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
  attendees: { type: string; emailAddress: { address: string } }[];
}

async function calendarOf(user: string, subject: string): Promise<GraphEvent[]> {
  const res = await t.graph(
    `/me/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-30T00:00:00Z&$top=1000&$select=id,subject,start,attendees`,
    { as: user },
  );
  return ((await res.json()) as { value: GraphEvent[] }).value.filter((e) => e.subject === subject);
}

const form = (over: Partial<ConversationPlanForm> = {}): ConversationPlanForm => ({
  practitioners: ['case-group-5', 'case-group-9', 'case-group-10', 'case-group-11'],
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

test('bad input is refused with the reasons, and nothing is read or sent', async () => {
  const id = await reviewId();
  const g = gateways().scheduling;
  const empty = await refusal(g.planConversations(id, form({ practitioners: [] })));
  expect(empty.kind).toBe('invalid-input');
  expect(empty.message).toMatch(/case group is empty/);
  const long = await refusal(g.planConversations(id, form({ durationMinutes: 600 })));
  expect(long.message).toMatch(/at most 8 hours/);
  const past = await refusal(
    g.planConversations(id, form({ firstDay: '2026-02-02', lastDay: '2026-02-06' })),
  );
  expect(past.message).toMatch(/in the past/);
  expect(await calendarOf(RUTH, SUBJECT)).toEqual([]);
});

test("a lead reviewer's calendar shared read-only is named, with how to share it; nothing can be sent in it", async () => {
  const id = await reviewId();
  const plan = await gateways().scheduling.planConversations(
    id,
    form({
      practitioners: ['case-group-11'],
      reviewers: ['review-team-1'],
      firstDay: '2026-03-23',
      lastDay: '2026-03-27',
    }),
  );
  expect(plan.notShared).toMatchObject({ name: 'Priya Raman', access: 'read' });
  expect(plan.notShared!.message).toMatch(/Can edit/);
});

test('a case group of five: proposed, one moved and re-checked, sent once with progress; sending again changes nothing', async () => {
  const id = await reviewId();
  const g = gateways();
  // A fifth practitioner, in the council (her calendar can be read).
  await g.people.add(id, 'caseGroupMember', {
    label: 'Designated safeguarding lead 1',
    name: 'Rachel Moss',
    role: 'Designated safeguarding lead',
    agency: 'Education',
    email: 'rachel.moss@northmoor.example',
    organisation: 'internal',
  } as never);
  const people = (await g.workspace.openReview(id)).people;
  const rachel = people.find((p) => p.role === 'case-group' && p.name === 'Rachel Moss')!.id;

  const plan = await g.scheduling.planConversations(
    id,
    form({ practitioners: [...form().practitioners, rachel] }),
  );
  expect(plan.organiser).toMatchObject({ address: RUTH, onBehalf: true });
  expect(plan.notShared).toBeUndefined();
  // The GP is in another organisation: unknown, never taken to be free.
  expect(plan.unknown).toEqual(['case-group-5']);
  expect(plan.timetable.placed).toHaveLength(5);
  expect(plan.conversations.every((c) => !c.existing)).toBe(true);

  // Moving one onto another's time is refused with the reason; a free time is accepted.
  const [first, second] = plan.timetable.placed;
  const clash = checkMove(plan.request, plan.timetable, second!.conversationId, first!.start);
  expect(clash.ok).toBe(false);
  if (!clash.ok) expect(clash.reasons.map((r) => r.message).join(' ')).toMatch(/overlaps conversation/);
  // The first half hour in the second week that the finder accepts (people are busy about 40% of the time).
  let moved = plan.timetable.placed;
  for (
    let t0 = Date.parse('2026-03-16T09:00:00Z');
    t0 < Date.parse('2026-03-20T17:00:00Z');
    t0 += 30 * 60_000
  ) {
    const start = new Date(t0).toISOString();
    if (!checkMove(plan.request, plan.timetable, second!.conversationId, start).ok) continue;
    moved = plan.timetable.placed.map((p) =>
      p.conversationId === second!.conversationId
        ? { ...p, start, end: new Date(t0 + 90 * 60_000).toISOString() }
        : p,
    );
    break;
  }
  expect(moved).not.toBe(plan.timetable.placed);

  // Sending: an answer lost after the write, and a 503, on the way.
  t.tenant.faults.configure({
    rules: [{ path: '/events$', method: 'POST', gatewayTimeoutAfterWrite: 0.5, unavailable: 0.3, times: 3 }],
    seed: 3,
  });
  const progress: SendProgress[] = [];
  const summary = await g.scheduling.sendInvitations(plan, moved, (p) => progress.push(p));
  expect(summary.failed).toEqual([]);
  expect(summary.scheduled.sort()).toEqual(plan.conversations.map((c) => c.conversationId).sort());
  expect(progress[0]).toEqual({ done: 0, scheduled: 0, total: 5 });
  expect(progress[progress.length - 1]).toEqual({ done: 5, scheduled: 5, total: 5 });

  // Each conversation once in the lead reviewer's calendar; the moved one at its new time.
  const events = await calendarOf(RUTH, SUBJECT);
  expect(events).toHaveLength(5);
  // The GP's time was chosen without his calendar: tentative, and the invitation says it is to be confirmed.
  const gp = 'imran.sadiq@northmoor-gp.nhs.example';
  const shown = await t.graph(
    `/me/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-30T00:00:00Z&$top=1000&$select=subject,showAs,body,attendees`,
    { as: RUTH },
  );
  const withShow = (
    (await shown.json()) as { value: (GraphEvent & { showAs: string; body: { content: string } })[] }
  ).value.filter((e) => e.subject === SUBJECT);
  for (const e of withShow) {
    const unknown = e.attendees.some((a) => a.emailAddress.address === gp);
    expect(e.showAs).toBe(unknown ? 'tentative' : 'busy');
    expect(e.body.content.includes('to be confirmed')).toBe(unknown);
  }
  expect(withShow.filter((e) => e.showAs === 'tentative')).toHaveLength(1);
  const movedTo = moved.find((p) => p.conversationId === second!.conversationId)!.start;
  expect(events.some((e) => Date.parse(`${e.start.dateTime}Z`) === Date.parse(movedTo))).toBe(true);
  const snapshot = await g.workspace.openReview(id);
  const ours = snapshot.conversations.filter((c) => summary.scheduled.includes(c.id));
  expect(ours.map((c) => c.status)).toEqual(Array(5).fill('scheduled'));
  expect(ours.every((c) => c.calendarEvent?.organiser === RUTH && c.reviewers.length === 2)).toBe(true);

  const again = await g.scheduling.sendInvitations(plan, moved);
  expect(again.scheduled).toEqual([]);
  expect(again.alreadyScheduled).toHaveLength(5);
  expect(await calendarOf(RUTH, SUBJECT)).toHaveLength(5);
  // Planning again leaves them out: they are arranged.
  const replan = await refusal(g.scheduling.planConversations(id, form({ practitioners: ['case-group-9'] })));
  expect(replan.message).toMatch(/already has a conversation arranged/);
});

test('a case group meeting: the time most required people can come, stored with its event; a decline is read back', async () => {
  const id = await reviewId();
  const g = gateways();
  const plan = await g.scheduling.planMeeting(id, {
    kind: 'case-group',
    organiser: 'lead-reviewer-1',
    required: ['lead-reviewer-1', 'lead-reviewer-2', 'case-group-9'],
    optional: ['case-group-10', 'case-group-6'],
    durationMinutes: 120,
    firstDay: '2026-03-23',
    lastDay: '2026-03-27',
    now: NOW.toISOString(),
  });
  const best = plan.proposal.best!;
  expect(best.requiredAttending.length).toBeGreaterThanOrEqual(2);
  // The ED doctor is in another organisation.
  expect(plan.unknown).toEqual(['case-group-6']);
  // Nobody required can come at a time the finder ranks above it.
  for (const other of plan.proposal.alternatives)
    expect(other.requiredAttending.length).toBeLessThanOrEqual(best.requiredAttending.length);

  const booked = await g.scheduling.bookMeeting(plan, best);
  expect(booked).toEqual({ ok: true, meetingId: plan.meetingId });
  expect(await g.scheduling.bookMeeting(plan, best)).toEqual({ ok: true, meetingId: plan.meetingId });
  const events = await calendarOf(RUTH, 'CR-2026-014: case group meeting');
  expect(events).toHaveLength(1);
  const types = Object.fromEntries(events[0]!.attendees.map((a) => [a.emailAddress.address, a.type]));
  expect(types[OWEN]).toBe('required');
  expect(types['bethany.cole@northmoor.example']).toBe('optional');
  let snapshot = await g.workspace.openReview(id);
  expect(snapshot.meetings).toEqual([
    expect.objectContaining({
      id: plan.meetingId,
      kind: 'case-group',
      title: 'Case group meeting 1',
      status: 'scheduled',
      calendarEvent: expect.objectContaining({ organiser: RUTH, status: 'sent' }),
    }),
  ]);

  // Owen declines in his own calendar; the next refresh records it.
  const [copy] = await calendarOf(OWEN, 'CR-2026-014: case group meeting');
  const declined = await t.graph(`/me/events/${copy!.id}/decline`, {
    as: OWEN,
    method: 'POST',
    json: { comment: 'On leave', sendResponse: true },
  });
  expect(declined.status).toBe(202);
  expect(await g.scheduling.refreshResponses(id)).toBeGreaterThanOrEqual(1);
  snapshot = await g.workspace.openReview(id);
  expect(snapshot.meetings[0]!.calendarEvent).toMatchObject({
    status: 'declined',
    responses: expect.objectContaining({ 'case-group-9': 'declined' }),
  });
});

test('a practitioner in another organisation offered three times: accepting the second cancels the others and schedules the conversation once', async () => {
  const id = await reviewId();
  const g = gateways();
  // A detective in the police: her calendar cannot be read.
  const DETECTIVE = 'sam.achebe@northmoor.police.example';
  await g.people.add(id, 'caseGroupMember', {
    label: 'Police officer 2',
    name: 'Sam Achebe',
    role: 'Detective constable',
    agency: 'Police',
    email: DETECTIVE,
    organisation: 'external',
  } as never);
  const sam = (await g.workspace.openReview(id)).people.find(
    (p) => p.role === 'case-group' && p.name === 'Sam Achebe',
  )!.id;
  const plan = await g.scheduling.planConversations(
    id,
    form({ practitioners: [sam], firstDay: '2026-03-30', lastDay: '2026-04-10' }),
  );
  expect(plan.unknown).toEqual([sam]);
  const conversationId = plan.conversations[0]!.conversationId;
  const summary = await g.scheduling.sendInvitations(plan, plan.timetable.placed, undefined, {
    unknownChoice: { [conversationId]: 'offer-three' },
  });
  expect(summary).toMatchObject({ scheduled: [], offered: [conversationId], failed: [] });

  interface Offered extends GraphEvent {
    showAs: string;
    isCancelled: boolean;
    end: { dateTime: string };
  }
  const offered = async (): Promise<Offered[]> => {
    const res = await t.graph(
      `/me/calendarView?startDateTime=2026-03-30T00:00:00Z&endDateTime=2026-04-11T00:00:00Z&$top=1000&$select=id,subject,start,end,attendees,showAs,isCancelled`,
      { as: RUTH },
    );
    return ((await res.json()) as { value: Offered[] }).value.filter((e) =>
      e.subject.startsWith(`${SUBJECT} (proposed time`),
    );
  };
  // Three tentative invitations in the lead reviewer's calendar, each saying which of three it is.
  const three = await offered();
  expect(three.map((e) => e.subject).sort()).toEqual(
    [1, 2, 3].map((n) => `${SUBJECT} (proposed time ${n} of 3)`),
  );
  expect(three.every((e) => e.showAs === 'tentative' && !e.isCancelled)).toBe(true);
  // Sending again makes no second set.
  const again = await g.scheduling.sendInvitations(plan, plan.timetable.placed, undefined, {
    unknownChoice: { [conversationId]: 'offer-three' },
  });
  expect(again.alreadyScheduled).toEqual([conversationId]);
  expect(await offered()).toHaveLength(3);

  // Awaiting a choice: still proposed, with the three times.
  await g.scheduling.refreshResponses(id);
  let conversation = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(conversation.status).toBe('proposed');
  expect(conversation.calendarEvent?.candidates).toHaveLength(3);
  expect((await offered()).filter((e) => !e.isCancelled)).toHaveLength(3);
  // Planning her again is refused: her conversation is arranged, awaiting her choice.
  const replan = await refusal(g.scheduling.planConversations(id, form({ practitioners: [sam] })));
  expect(replan.message).toMatch(/already has a conversation arranged/);

  // She accepts the second. Her reply comes from her own organisation's mailbox, which the local
  // tenant does not have (it delivers no copy outside its directory), so it is recorded on the
  // organiser's event as Exchange records an external attendee's reply.
  const second = three.find((e) => e.subject.endsWith('(proposed time 2 of 3)'))!;
  const stored = t.tenant.store.get<StoredEvent>(EVENT_KIND, second.id)!;
  for (const a of stored.attendees)
    if (a.emailAddress.address.toLowerCase() === DETECTIVE)
      a.status = { response: 'accepted', time: NOW.toISOString() };
  touch(stored, NOW);
  t.tenant.store.put(EVENT_KIND, stored, stored.ownerId);

  expect(await g.scheduling.refreshResponses(id)).toBeGreaterThanOrEqual(1);
  const after = await offered();
  // The other two are cancelled (gone from the organiser's calendar, as Graph's cancel does).
  expect(after.filter((e) => !e.isCancelled).map((e) => e.id)).toEqual([second.id]);
  expect(after).toHaveLength(1);
  conversation = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(conversation.status).toBe('scheduled');
  expect(conversation.calendarEvent).toMatchObject({ eventId: second.id, organiser: RUTH });
  expect(Date.parse(conversation.scheduled!.start)).toBe(Date.parse(`${second.start.dateTime}Z`));
  // Once: no other conversation with her, and reading again changes nothing.
  expect((await g.workspace.openReview(id)).conversations.filter((c) => c.participant === sam)).toHaveLength(
    1,
  );
  // Reading the responses again keeps it scheduled with that event (the reviewers' answers filled in).
  await g.scheduling.refreshResponses(id);
  conversation = (await g.workspace.openReview(id)).conversations.find((c) => c.id === conversationId)!;
  expect(conversation).toMatchObject({ status: 'scheduled', calendarEvent: { eventId: second.id } });
  expect(await offered()).toHaveLength(1);
});
