/**
 * Scheduling a case group's conversations end to end: read everyone's free/busy (one round trip),
 * find one timetable in the core, create the Teams meetings (batches of 20, each once), and save
 * each conversation as scheduled with its event (batches of 20). For 30 conversations with 32
 * people: 1 + 2 + 2 round trips, where one request per availability, event and status takes 90.
 *
 * A conversation becomes "scheduled" only once its event exists; a failure leaves it as it was,
 * with the reason. Sending again never duplicates: a conversation that already has a live event is
 * left alone, and one whose save was lost gets the same transactionId, so Exchange hands back the
 * event it already made (at the time it was made for) instead of a second one.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Conversation } from '../../core/model/conversation';
import {
  type CheckedTemplate,
  findTimetable,
  parseSchedulingRequest,
  type InvitationGuard,
  type Reason,
  type SchedulingRequest,
  type Timetable,
} from '../../core/scheduling';
import type { IdentifierMatcher } from '../../core/anonymity/identifier-matcher';
import type { ProvisionedSite } from '../review-site/provisioning';
import type { Stored } from '../review-site/store';
import { readAvailability } from './availability';
import type { CalendarOptions, Mailbox } from './events';
import { refreshCalendarResponses, type RefreshedResponses } from './refresh-responses';
import { checkCalendarAccess, type CalendarNotShared } from './sharing';
import { attendeesOf, sendTimetable } from './send-timetable';
import { ValidationError } from '../../core/errors';

export interface SchedulingPerson {
  id: string;
  address: string;
  name?: string;
}

export interface ConversationSchedulingInput {
  referenceCode: string;
  site: Pick<ProvisionedSite, 'siteId' | 'lists'>;
  /**
   * Whose calendar the events go in: the signed-in person's own ("me"), with their address; or
   * `{ bookFor: 'lead-reviewer' }`: each conversation's first reviewer's calendar, shared with the
   * signed-in person with edit rights (checked first, one round trip), with the reviewer as organiser.
   */
  organiser: { address: string; mailbox: Mailbox } | { bookFor: 'lead-reviewer' };
  /** Everyone who may attend, with their addresses. */
  people: SchedulingPerson[];
  conversations: { stored: Stored<Conversation>; lineManager?: string }[];
  now: string;
  timeZone: string;
  window: { start: string; end: string };
  durationMinutes?: number;
  bufferMinutes?: number;
  rules?: SchedulingRequest['rules'];
  /**
   * The review's invitation template (from its review record), checked by the register's matcher
   * when it was saved; the product's own when absent. Only a checked template can be given, so
   * someone who cannot read the register sends only what a register member saved.
   */
  template?: CheckedTemplate;
  /**
   * The identity register's matcher, for those who can read the register: each invitation is
   * checked again before it is sent (the register may have grown since the template was saved);
   * one naming any entry is refused with the kind of identifier, never sent.
   */
  matcher?: IdentifierMatcher;
  /** Any further check of each invitation before it is sent. */
  guard?: InvitationGuard;
}

export interface SchedulingOutcome {
  timetable: Timetable;
  /** Conversations saved as scheduled, with their events. */
  scheduled: Stored<Conversation>[];
  /** Conversations that already had an event: left alone. */
  alreadyScheduled: string[];
  /** Conversations the finder could not place, with its reasons. */
  unplaced: { conversationId: string; reasons: Reason[] }[];
  /** Conversations whose invitation or save failed: still unscheduled, with the reason. */
  failed: { conversationId: string; reason: string }[];
  /**
   * Booking for the lead reviewers: reviewers whose calendar is not shared with edit rights, with
   * their conversations (nothing was sent for them) and how to share it.
   */
  notShared: (CalendarNotShared & { conversationIds: string[] })[];
  roundTrips: { access: number; availability: number; events: number; statuses: number };
}

/** The outcome when no conversation is left to read calendars for or invite to: nothing was sent. */
const nothingToSend = (
  alreadyScheduled: string[],
  notShared: SchedulingOutcome['notShared'],
  accessRoundTrips: number,
): SchedulingOutcome => ({
  timetable: { placed: [], unplaced: [], searchExhausted: false },
  scheduled: [],
  alreadyScheduled,
  unplaced: [],
  failed: [],
  notShared,
  roundTrips: { access: accessRoundTrips, availability: 0, events: 0, statuses: 0 },
});

const live = (c: Conversation) => c.calendarEvent !== undefined && c.calendarEvent.status !== 'cancelled';

export async function scheduleConversations(
  client: Client,
  input: ConversationSchedulingInput,
  options: CalendarOptions = {},
): Promise<SchedulingOutcome> {
  let todo = input.conversations.filter((c) => c.stored.value.status === 'proposed' && !live(c.stored.value));
  const alreadyScheduled = input.conversations.filter((c) => !todo.includes(c)).map((c) => c.stored.value.id);
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const bookFor = 'bookFor' in input.organiser;
  const fixed = 'bookFor' in input.organiser ? undefined : input.organiser;
  /** The organiser of a conversation's event: the signed-in person, or its lead (first) reviewer. */
  const organiserOf = (c: Conversation): { address: string; mailbox: Mailbox } => {
    if (fixed) return fixed;
    const lead = byId.get(c.reviewers[0]!);
    if (!lead)
      throw new ValidationError('The conversations', [
        { field: 'reviewers', message: `Conversation ${c.id}'s lead reviewer has no address.` },
      ]);
    return { address: lead.address, mailbox: { address: lead.address } };
  };
  if (todo.length === 0 && alreadyScheduled.length > 0)
    // Everything already has its event: nothing to read or send.
    return nothingToSend(alreadyScheduled, [], 0);
  const requestFor = (todo: { stored: Stored<Conversation>; lineManager?: string }[]): SchedulingRequest => {
    const involved = [...new Set(todo.flatMap(attendeesOf))];
    return {
      now: input.now,
      timeZone: input.timeZone,
      window: input.window,
      people: involved.map((id) => byId.get(id) ?? { id }),
      conversations: todo.map((c) => ({
        id: c.stored.value.id,
        practitioner: c.stored.value.participant,
        reviewers: c.stored.value.reviewers,
        ...(c.lineManager ? { lineManager: c.lineManager } : {}),
      })),
      durationMinutes: input.durationMinutes,
      bufferMinutes: input.bufferMinutes,
      rules: input.rules,
    };
  };
  // Validate before anything is read or sent (bad input: clear errors, nothing sent).
  parseSchedulingRequest(requestFor(todo));
  for (const c of todo) organiserOf(c.stored.value);

  // Booking for the lead reviewers: only in calendars shared with edit rights (one round trip).
  const notShared: SchedulingOutcome['notShared'] = [];
  let accessRoundTrips = 0;
  if (bookFor) {
    const organisers = [...new Set(todo.map((c) => organiserOf(c.stored.value).address.toLowerCase()))];
    const access = await checkCalendarAccess(
      client,
      organisers.map((address) => {
        const person = input.people.find((p) => p.address.toLowerCase() === address);
        return { address, name: person?.name };
      }),
      options,
    );
    accessRoundTrips = access.roundTrips;
    for (const n of access.notShared)
      notShared.push({
        ...n,
        conversationIds: todo
          .filter((c) => organiserOf(c.stored.value).address.toLowerCase() === n.address)
          .map((c) => c.stored.value.id),
      });
    todo = todo.filter((c) => access.editable.has(organiserOf(c.stored.value).address.toLowerCase()));
  }
  if (todo.length === 0) return nothingToSend(alreadyScheduled, notShared, accessRoundTrips);
  const request = requestFor(todo);
  const involved = [...new Set(todo.flatMap(attendeesOf))];

  const availability = await readAvailability(
    client,
    { people: involved.map((id) => byId.get(id)!), window: input.window, timeZone: input.timeZone },
    options,
  );
  const timetable = findTimetable({ ...request, people: availability.people });

  const sent = await sendTimetable(
    client,
    {
      referenceCode: input.referenceCode,
      site: input.site,
      people: input.people,
      conversations: todo,
      placed: timetable.placed,
      organiserOf,
      durationMinutes: input.durationMinutes,
      template: input.template,
      matcher: input.matcher,
      guard: input.guard,
    },
    options,
  );

  return {
    timetable,
    scheduled: sent.scheduled,
    alreadyScheduled,
    unplaced: timetable.unplaced,
    failed: sent.failed,
    notShared,
    roundTrips: {
      access: accessRoundTrips,
      availability: availability.roundTrips,
      events: sent.roundTrips.events,
      statuses: sent.roundTrips.statuses,
    },
  };
}

/**
 * Reads the attendees' responses back from the organiser's events and gives each conversation the
 * status its calendar shows (declines and missing events need attention). Returns only those whose
 * calendar status changed, ready to save.
 */
export async function refreshConversationResponses(
  client: Client,
  conversations: Stored<Conversation>[],
  people: SchedulingPerson[],
  mailboxOf: (organiser: string) => Mailbox,
  options: CalendarOptions = {},
): Promise<RefreshedResponses<Conversation>> {
  return refreshCalendarResponses(client, conversations, people, mailboxOf, options);
}
