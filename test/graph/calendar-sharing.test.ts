import {
  checkCalendarAccess,
  refreshConversationResponses,
  scheduleConversations,
} from '../../src/graph/calendar';
import { buildIdentifierMatcher } from '../../src/core/anonymity/identifier-matcher';
import { checkInvitationTemplate, invitationFromTemplate } from '../../src/core/scheduling';
import { reviewFromDemo } from '../../src/core';
import demo from '../../src/local-tenant/seed/child-s-review.json';
import {
  invitationTemplateOf,
  saveInvitationTemplate,
} from '../../src/graph/review-site/invitation-template';
import { ReviewStore } from '../../src/graph/review-site/store';
import { startTestTenant, type TestTenant } from '../support/tenant';
import {
  createCaseGroup,
  ORGANISER,
  REFERENCE,
  SECOND_REVIEWER,
  type CaseGroupFixture,
} from './calendar-fixture';
import { BUSINESS_SUPPORT, REGISTER_MEMBER, connect, REVIEW_TEAM, teamIdByName } from './helpers';

/**
 * Booking for the lead reviewers as business support (Amira Khan), against the local tenant's
 * calendar sharing (seeded: both lead reviewers share with edit rights, Priya Raman read-only, Sam
 * Okafor nothing).
 */
jest.setTimeout(120_000);

const NOW = new Date('2026-10-30T09:00:00Z');
const WINDOW = { start: '2026-11-02T00:00:00Z', end: '2026-11-14T00:00:00Z' };
const SECOND_LEAD = 'declan.marsh@northmoor.example';
const READ_ONLY = 'priya.raman@northmoor.example';
const NOT_SHARED = 'sam.okafor@northmoor.example';
const noWait = { sleep: () => Promise.resolve() };

let t: TestTenant;
let fixture: CaseGroupFixture;
beforeAll(async () => {
  t = await startTestTenant({ now: () => NOW });
  const { client } = connect(t, ORGANISER);
  fixture = await createCaseGroup(t.tenant, client, await teamIdByName(t, REVIEW_TEAM, ORGANISER), {
    practitioners: 3,
    firstMonday: '2026-11-02',
    weeks: 2,
    busyShare: 0.2,
    seed: 7,
  });
});
afterAll(() => t.close());

interface GraphEvent {
  id: string;
  subject: string;
  isOrganizer: boolean;
  organizer: { emailAddress: { address: string } };
}
async function calendarOf(user: string): Promise<GraphEvent[]> {
  const res = await t.graph(
    `/me/calendarView?startDateTime=${WINDOW.start}&endDateTime=${WINDOW.end}&$top=1000&$select=id,subject,isOrganizer,organizer`,
    { as: user },
  );
  const body = (await res.json()) as { value: GraphEvent[] };
  return body.value.filter((e) => e.subject.startsWith(REFERENCE));
}

describe('checking whose calendars can be booked in', () => {
  it('one round trip: edit shares are editable; read-only and unshared say how to share', async () => {
    const { client, counter } = connect(t, BUSINESS_SUPPORT);
    const before = counter.total;
    const access = await checkCalendarAccess(client, [
      { address: ORGANISER, name: 'Ruth Okonkwo-Hale' },
      { address: SECOND_LEAD, name: 'Declan Marsh' },
      { address: READ_ONLY, name: 'Priya Raman' },
      { address: NOT_SHARED, name: 'Sam Okafor' },
    ]);
    expect(access.roundTrips).toBe(1);
    expect(counter.total - before).toBe(1);
    expect([...access.editable].sort()).toEqual([SECOND_LEAD, ORGANISER].sort());
    expect(access.notShared).toEqual([
      expect.objectContaining({ address: READ_ONLY, access: 'read' }),
      expect.objectContaining({ address: NOT_SHARED, access: 'none' }),
    ]);
    const sam = access.notShared.find((n) => n.address === NOT_SHARED)!;
    expect(sam.message).toContain(
      "Ask Sam Okafor to share their calendar with you with 'Can edit' in Outlook: Calendar > Share.",
    );
  });
});

describe('booking conversations for the lead reviewers', () => {
  it('creates events in shared calendars with the reviewer as organiser, and nothing for unshared ones', async () => {
    const { client: ruth } = connect(t, ORGANISER);
    const store = new ReviewStore(ruth, fixture.site, noWait);
    const extra = await store.createMany('conversation', [
      {
        id: 'conversation-declan',
        participant: 'practitioner-1',
        reviewers: ['lead-declan'],
        status: 'proposed',
      },
      {
        id: 'conversation-sam',
        participant: 'practitioner-2',
        reviewers: ['sam', 'note-taker'],
        status: 'proposed',
      },
      { id: 'conversation-priya', participant: 'practitioner-3', reviewers: ['priya'], status: 'proposed' },
    ]);
    const people = [
      ...fixture.people,
      { id: 'lead-declan', address: SECOND_LEAD, name: 'Declan Marsh' },
      { id: 'sam', address: NOT_SHARED, name: 'Sam Okafor' },
      { id: 'priya', address: READ_ONLY, name: 'Priya Raman' },
    ];
    const samBefore = (await calendarOf(NOT_SHARED)).length;
    const priyaBefore = (await calendarOf(READ_ONLY)).length;

    const { client } = connect(t, BUSINESS_SUPPORT);
    const outcome = await scheduleConversations(
      client,
      {
        referenceCode: REFERENCE,
        site: fixture.site,
        organiser: { bookFor: 'lead-reviewer' },
        people,
        conversations: [...fixture.conversations, ...extra].map((stored) => ({ stored })),
        now: NOW.toISOString(),
        timeZone: 'Europe/London',
        window: WINDOW,
      },
      noWait,
    );

    expect(outcome.roundTrips.access).toBe(1);
    expect(outcome.notShared).toEqual([
      expect.objectContaining({ address: NOT_SHARED, access: 'none', conversationIds: ['conversation-sam'] }),
      expect.objectContaining({
        address: READ_ONLY,
        access: 'read',
        conversationIds: ['conversation-priya'],
      }),
    ]);
    expect(outcome.notShared[0]!.message).toContain(
      "Ask Sam Okafor to share their calendar with you with 'Can edit'",
    );
    expect(outcome.failed).toEqual([]);
    expect(outcome.scheduled.map((c) => c.value.id).sort()).toEqual(
      ['conversation-1', 'conversation-2', 'conversation-3', 'conversation-declan'].sort(),
    );

    // The events are the reviewers', with the reviewer as organiser; none in the booker's calendar.
    const ruthEvents = await calendarOf(ORGANISER);
    expect(ruthEvents).toHaveLength(3);
    for (const e of ruthEvents) {
      expect(e.isOrganizer).toBe(true);
      expect(e.organizer.emailAddress.address.toLowerCase()).toBe(ORGANISER);
    }
    const declanEvents = await calendarOf(SECOND_LEAD);
    expect(declanEvents.filter((e) => e.isOrganizer)).toHaveLength(1);
    expect(await calendarOf(BUSINESS_SUPPORT)).toHaveLength(0);
    // Nothing sent for Sam's or Priya's conversations: their calendars and their practitioners' hold no new event.
    expect(await calendarOf(NOT_SHARED)).toHaveLength(samBefore);
    expect(await calendarOf(READ_ONLY)).toHaveLength(priyaBefore);
    expect(await calendarOf(SECOND_REVIEWER)).toHaveLength(3);
    const saved = new Map(outcome.scheduled.map((c) => [c.value.id, c.value.calendarEvent!]));
    expect(saved.get('conversation-1')!.organiser.toLowerCase()).toBe(ORGANISER);
    expect(saved.get('conversation-declan')!.organiser.toLowerCase()).toBe(SECOND_LEAD);

    // A practitioner accepts: the response is read from the reviewer's event, as the booker.
    const practitioner = fixture.practitioners[0]!;
    const copies = (await calendarOf(practitioner)).filter((e) => !e.isOrganizer);
    const fromDeclan = copies.find((e) => e.organizer.emailAddress.address.toLowerCase() === SECOND_LEAD)!;
    await t.graph(`/me/events/${fromDeclan.id}/accept`, {
      method: 'POST',
      as: practitioner,
      json: { sendResponse: true },
    });
    const refreshed = await refreshConversationResponses(
      client,
      outcome.scheduled.filter((c) => c.value.id === 'conversation-declan'),
      people,
      (address) => ({ address }),
      noWait,
    );
    expect(refreshed.changed[0]!.next.calendarEvent).toMatchObject({
      responses: { 'practitioner-1': 'accepted' },
    });
  });
});

describe("the review's invitation template", () => {
  it('is refused with the kind of identifier when the register names it; without a matcher the checked template is sent', async () => {
    const { client } = connect(t, ORGANISER);
    const store = new ReviewStore(client, fixture.site, noWait);
    const [one, two] = await store.createMany('conversation', [
      {
        id: 'conversation-template-1',
        participant: 'practitioner-3',
        reviewers: ['lead-ruth'],
        status: 'proposed',
      },
      {
        id: 'conversation-template-2',
        participant: 'practitioner-2',
        reviewers: ['lead-ruth'],
        status: 'proposed',
      },
    ]);
    // Saved when the register did not yet hold the street; the register has grown since.
    const saved = checkInvitationTemplate(
      {
        subject: '{reference}: a conversation with the review team',
        body: 'A conversation of {duration} at the office on 14 Mill Lane.',
      },
      buildIdentifierMatcher([]),
    );
    if (!saved.ok) throw new Error(saved.reason);
    const grown = buildIdentifierMatcher([
      { id: 's', kind: 'street', identifier: '14 Mill Lane', replacement: 'a street' },
    ]);
    const base = {
      referenceCode: REFERENCE,
      site: fixture.site,
      organiser: { address: ORGANISER, mailbox: 'me' as const },
      people: fixture.people,
      now: NOW.toISOString(),
      timeZone: 'Europe/London',
      window: WINDOW,
      template: saved.template,
    };
    const before = (await calendarOf(fixture.practitioners[2]!)).length;
    const refused = await scheduleConversations(
      client,
      { ...base, conversations: [{ stored: one! }], matcher: grown },
      noWait,
    );
    expect(refused.scheduled).toEqual([]);
    expect(refused.failed).toHaveLength(1);
    expect(refused.failed[0]!.reason).toContain('a street or address');
    expect(refused.failed[0]!.reason).not.toMatch(/Mill/i);
    expect(await calendarOf(fixture.practitioners[2]!)).toHaveLength(before);

    // Someone who cannot read the register sends the checked template as it was saved.
    const sent = await scheduleConversations(client, { ...base, conversations: [{ stored: two! }] }, noWait);
    expect(sent.scheduled.map((c) => c.value.id)).toEqual(['conversation-template-2']);
    const copies = await calendarOf(fixture.practitioners[1]!);
    expect(copies.map((e) => e.subject)).toContain(`${REFERENCE}: a conversation with the review team`);
  });
});

describe('saving the invitation template on the review record', () => {
  it('a register member saves a checked template; one naming a register entry is refused and nothing is written', async () => {
    const register = reviewFromDemo(demo).identityRegister.entries;
    const matcher = buildIdentifierMatcher(register);
    const { client } = connect(t, REGISTER_MEMBER);
    const store = new ReviewStore(client, fixture.site, noWait);
    const record = (await store.load()).record!;
    const person = register.find((e) => e.kind === 'person')!;
    const refused = await saveInvitationTemplate(
      store,
      record,
      { subject: '{reference}: conversation', body: `About ${person.identifier}, {duration}.` },
      matcher,
    );
    expect(refused.ok).toBe(false);
    const reason = refused.ok ? '' : refused.reason;
    expect(reason).toContain('a family member’s name');
    expect(reason).not.toContain(person.identifier);
    expect((await store.load()).record!.value.invitationTemplate).toBeUndefined();

    const saved = await saveInvitationTemplate(
      store,
      record,
      { subject: '{reference}: talking with the review', body: 'A conversation of {duration}.' },
      matcher,
    );
    expect(saved.ok && saved.result.ok).toBe(true);
    // Someone without the register reads back the checked template and sends it as it is.
    const reread = (await new ReviewStore(connect(t, ORGANISER).client, fixture.site, noWait).load()).record!;
    expect(
      invitationFromTemplate(invitationTemplateOf(reread.value), {
        referenceCode: REFERENCE,
        durationMinutes: 60,
      }),
    ).toEqual({ subject: `${REFERENCE}: talking with the review`, body: 'A conversation of 1 hour.' });
  });
});
