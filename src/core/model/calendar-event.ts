/**
 * A meeting's event in Exchange, as the review's records keep it: whose calendar it is in (the
 * organiser's mailbox), its ids, and what the calendar last showed (the attendees' responses). A
 * conversation or a review meeting is "scheduled" only once its event exists.
 */
import { z } from 'zod';
import { choice, Id } from './common';

export const CALENDAR_RESPONSE_LABELS = {
  none: 'Not answered yet',
  accepted: 'Accepted',
  tentative: 'Tentatively accepted',
  declined: 'Declined',
} as const;
export const CalendarResponse = choice('The response', CALENDAR_RESPONSE_LABELS);
export type CalendarResponse = z.infer<typeof CalendarResponse>;

export const CALENDAR_STATUS_LABELS = {
  sent: 'Invitations sent',
  accepted: 'Accepted by everyone',
  tentative: 'Accepted, some tentatively',
  declined: 'Declined by someone',
  cancelled: 'Cancelled',
  missing: 'No longer in the calendar',
} as const;
/** What the calendar shows for the meeting as a whole; "declined" and "missing" need attention. */
export const CalendarStatus = choice('The calendar status', CALENDAR_STATUS_LABELS);
export type CalendarStatus = z.infer<typeof CalendarStatus>;

export const CalendarEventRef = z
  .object({
    /** The organiser's mailbox (address) whose calendar holds the event. */
    organiser: z.email({ error: "The organiser's mailbox must be an email address." }),
    /** Graph's event id in the organiser's mailbox. */
    eventId: z.string().min(1).optional(),
    /** The id every copy of the meeting shares (in attendees' calendars too). */
    iCalUId: z.string().min(1).optional(),
    /** The idempotency key the event was created with. */
    transactionId: z.string().min(1).optional(),
    /** The Teams join link. */
    joinUrl: z.url().optional(),
    status: CalendarStatus.default('sent'),
    /** Each invited person's response, by person id. */
    responses: z.record(Id, CalendarResponse).default({}),
    /**
     * The times offered to a practitioner whose calendar cannot be read, each its own tentative
     * event: while the conversation is "proposed" they are awaiting a choice (the event above is the
     * first of them); once "scheduled", the event above is the one they accepted.
     */
    candidates: z
      .array(
        z.object({
          eventId: z.string().min(1),
          start: z.iso.datetime({ offset: true }),
          end: z.iso.datetime({ offset: true }),
        }),
      )
      .optional(),
    /**
     * Times declined for this meeting before this event was sent (another time was found for them),
     * with who declined each: never offered to those people again.
     */
    declinedEarlier: z
      .array(
        z.object({
          start: z.iso.datetime({ offset: true }),
          end: z.iso.datetime({ offset: true }),
          by: z.array(Id).min(1),
        }),
      )
      .optional(),
  })
  .refine((e) => e.eventId !== undefined || e.iCalUId !== undefined, {
    message: "A calendar event needs the event's id or its iCalUId.",
    path: ['eventId'],
  });
export type CalendarEventRef = z.infer<typeof CalendarEventRef>;

/** The meeting's status from its attendees' responses. A decline comes first, then tentative, then all accepted. */
export function calendarStatusOf(responses: Readonly<Record<string, CalendarResponse>>): CalendarStatus {
  const values = Object.values(responses);
  if (values.includes('declined')) return 'declined';
  if (values.length > 0 && values.every((v) => v === 'accepted')) return 'accepted';
  if (values.includes('tentative') || values.includes('accepted')) return 'tentative';
  return 'sent';
}

/** Whether the dashboard's "needs attention" should list the meeting. */
export const needsAttention = (event: Pick<CalendarEventRef, 'status'>): boolean =>
  event.status === 'declined' || event.status === 'missing';
