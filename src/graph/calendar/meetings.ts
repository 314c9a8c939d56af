/**
 * Case group meetings and review team meetings: one Teams meeting for many attendees, at the time
 * the core's meeting finder chooses (most required attendees, then most optional ones, then the
 * earliest), stored as the review's meeting entity (the Meetings list) once its event exists.
 *
 * - Proposing reads everyone's free/busy in one round trip (availability.ts) and asks the finder;
 *   nothing is written.
 * - Booking creates the event (one batch, with a transactionId derived from the meeting's id, so a
 *   booking sent again after a lost answer finds the event it made instead of a second one), then
 *   writes the meeting as "scheduled" with its event (a create keyed by the meeting's id, so that
 *   too is made once). A failed invitation writes nothing and says why.
 * - The invitation is the product's own text from the reference code and the kind of meeting,
 *   checked by the same guard as conversations' invitations.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { ValidationError, parseOrThrow } from '../../core/errors';
import type { IdentifierMatcher } from '../../core/anonymity/identifier-matcher';
import type { CalendarResponse } from '../../core/model/calendar-event';
import type { MeetingInvitee, MeetingKind, ReviewMeeting } from '../../core/model/meeting';
import {
  findMeetingTime,
  invitationGuard,
  meetingInvitation,
  ValidMeetingRequest,
  type InvitationGuard,
  type MeetingProposal,
  type MeetingRequest,
} from '../../core/scheduling';
import type { ProvisionedSite } from '../review-site/provisioning';
import { ReviewStore, type Stored } from '../review-site/store';
import { readAvailability } from './availability';
import { createMeetingEvents, type CalendarOptions, type Mailbox } from './events';
import { refreshCalendarResponses, type RefreshedResponses } from './refresh-responses';
import { eventTransactionId } from './transaction-id';

export interface MeetingPerson {
  id: string;
  address: string;
  name?: string;
}

export interface MeetingPlan {
  people: MeetingPerson[];
  invitees: MeetingInvitee[];
  now: string;
  timeZone: string;
  window: { start: string; end: string };
  durationMinutes: number;
  workingHoursOnly?: boolean;
  alternatives?: number;
}

export interface MeetingPlanAnswer {
  proposal: MeetingProposal;
  /** The finder's request with everyone's availability, for checking another time chosen by hand. */
  request: MeetingRequest;
  /** Invitees whose calendars could not be read (other organisations): ids. */
  unknown: string[];
  roundTrips: number;
}

const requestOf = (plan: MeetingPlan, people: MeetingRequest['people']): MeetingRequest => ({
  now: plan.now,
  timeZone: plan.timeZone,
  window: plan.window,
  people,
  attendees: plan.invitees.map((i) => ({ person: i.person, required: i.required })),
  durationMinutes: plan.durationMinutes,
  workingHoursOnly: plan.workingHoursOnly ?? true,
  alternatives: plan.alternatives ?? 3,
});

/** The best time (and a few others) for a meeting; reads free/busy, writes nothing. */
export async function proposeReviewMeeting(
  client: Client,
  plan: MeetingPlan,
  options: CalendarOptions = {},
): Promise<MeetingPlanAnswer> {
  const invited = new Set(plan.invitees.map((i) => i.person));
  const people = plan.people.filter((p) => invited.has(p.id));
  // Bad input (no attendees, no address, the same person twice, a window in the past or too short,
  // a length of 0 or over 8 hours): refused before anything is read.
  parseOrThrow(ValidMeetingRequest, requestOf(plan, people), 'The meeting');
  const availability = await readAvailability(
    client,
    { people, window: plan.window, timeZone: plan.timeZone },
    options,
  );
  const request = requestOf(plan, availability.people);
  return {
    proposal: findMeetingTime(request),
    request,
    unknown: availability.people.filter((p) => p.availability === 'unknown').map((p) => p.id),
    roundTrips: availability.roundTrips,
  };
}

export interface MeetingBooking {
  referenceCode: string;
  site: Pick<ProvisionedSite, 'siteId' | 'lists'>;
  /** Whose calendar holds the event: the signed-in person's, or one shared with them with edit rights. */
  organiser: { address: string; mailbox: Mailbox };
  /** The meeting's id is chosen once per meeting (booking it again reuses it: one event, one item). */
  meeting: { id: string; kind: MeetingKind; title: string; invitees: MeetingInvitee[] };
  people: MeetingPerson[];
  start: string;
  end: string;
  matcher?: IdentifierMatcher;
  guard?: InvitationGuard;
}

export type MeetingBookingResult =
  | { ok: true; meeting: Stored<ReviewMeeting>; roundTrips: number }
  | { ok: false; reason: string; roundTrips: number };

/** Sends the meeting's invitation and records the meeting as scheduled with its event. */
export async function bookReviewMeeting(
  client: Client,
  booking: MeetingBooking,
  options: CalendarOptions = {},
): Promise<MeetingBookingResult> {
  const byId = new Map(booking.people.map((p) => [p.id, p]));
  const missing = booking.meeting.invitees.filter((i) => !byId.get(i.person)?.address);
  if (missing.length)
    throw new ValidationError('The meeting', [
      {
        field: 'invitees',
        message: `${missing.map((m) => byId.get(m.person)?.name ?? m.person).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no email address.`,
      },
    ]);
  const durationMinutes = Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60_000);
  const invitation = meetingInvitation({
    referenceCode: booking.referenceCode,
    kind: booking.meeting.kind,
    durationMinutes,
  });
  const organiser = booking.organiser.address.toLowerCase();
  const transactionId = await eventTransactionId({
    referenceCode: booking.referenceCode,
    kind: 'meeting',
    id: booking.meeting.id,
  });
  const guard = invitationGuard(booking.matcher, booking.guard);
  const invitees = booking.meeting.invitees.filter(
    (i) => byId.get(i.person)!.address.toLowerCase() !== organiser,
  );
  const created = await createMeetingEvents(
    client,
    [
      {
        key: booking.meeting.id,
        mailbox: booking.organiser.mailbox,
        transactionId,
        start: booking.start,
        end: booking.end,
        invitation,
        attendees: invitees.map((i) => {
          const p = byId.get(i.person)!;
          return { address: p.address, name: p.name, type: i.required ? 'required' : 'optional' };
        }),
      },
    ],
    { ...options, guard },
  );
  const event = created.done[0];
  if (!event)
    return {
      ok: false,
      reason: created.failed[0]?.reason ?? 'The invitation could not be sent.',
      roundTrips: created.roundTrips,
    };
  const responses: Record<string, CalendarResponse> = Object.fromEntries(
    invitees.map((i) => [i.person, 'none']),
  );
  const meeting = await new ReviewStore(client, booking.site, options).create('reviewMeeting', {
    id: booking.meeting.id,
    kind: booking.meeting.kind,
    title: booking.meeting.title,
    invitees: booking.meeting.invitees,
    scheduled: { start: event.start, end: event.end },
    status: 'scheduled',
    calendarEvent: {
      organiser: booking.organiser.address,
      eventId: event.eventId,
      iCalUId: event.iCalUId,
      transactionId: event.transactionId ?? transactionId,
      joinUrl: event.joinUrl,
      status: 'sent',
      responses,
    },
  });
  return { ok: true, meeting, roundTrips: created.roundTrips + 1 };
}

/**
 * The attendees' responses to each scheduled meeting, read from the organiser's event (one batch
 * for up to 20): the meetings whose calendar status changed, ready to save.
 */
export async function refreshMeetingResponses(
  client: Client,
  meetings: Stored<ReviewMeeting>[],
  people: MeetingPerson[],
  mailboxOf: (organiser: string) => Mailbox,
  options: CalendarOptions = {},
): Promise<RefreshedResponses<ReviewMeeting>> {
  const scheduled = meetings.filter((m) => m.value.status === 'scheduled');
  return refreshCalendarResponses(client, scheduled, people, mailboxOf, options);
}
