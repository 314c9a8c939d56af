/**
 * Case group meetings and review team meetings: one event for many attendees (SCIE Guide 24: two
 * joint meetings test the analysis and the findings; about five review team meetings in a full
 * review). The time is chosen by the core's meeting finder; the event lives in Exchange.
 */
import { z } from 'zod';
import { DomainError } from '../errors';
import { defineLifecycle } from '../lifecycle';
import { CalendarEventRef } from './calendar-event';
import { choice, Id, shortText, TimeSlot } from './common';

export const MEETING_KIND_LABELS = {
  'case-group': 'Case group meeting',
  'review-team': 'Review team meeting',
} as const;
export const MeetingKind = choice('The kind of meeting', MEETING_KIND_LABELS);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const MEETING_STATUS_LABELS = {
  proposed: 'Proposed',
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
} as const;
export const MeetingStatus = choice('The meeting status', MEETING_STATUS_LABELS);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MeetingInvitee = z.object({
  /** A person of the review (lead reviewer, review team member or case group member). */
  person: Id,
  /** Required attendees decide the time; optional ones are invited where they can come. */
  required: z.boolean().default(true),
});
export type MeetingInvitee = z.infer<typeof MeetingInvitee>;

export const ReviewMeeting = z
  .object({
    id: Id,
    kind: MeetingKind,
    /** A plain title without names, e.g. "Case group meeting 1: testing the analysis". */
    title: shortText('The title'),
    invitees: z.array(MeetingInvitee).min(1, 'A meeting needs at least one invitee.'),
    scheduled: TimeSlot.optional(),
    status: MeetingStatus.default('proposed'),
    calendarEvent: CalendarEventRef.optional(),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.invitees.forEach((i, index) => {
      if (seen.has(i.person))
        ctx.addIssue({
          code: 'custom',
          path: ['invitees', index],
          message: 'The same person is invited twice.',
        });
      seen.add(i.person);
    });
  });
export type ReviewMeeting = z.infer<typeof ReviewMeeting>;

export const meetingLifecycle = defineLifecycle<MeetingStatus>({
  subject: 'meeting',
  labels: MEETING_STATUS_LABELS,
  moves: {
    proposed: ['scheduled', 'cancelled'],
    // Rescheduling keeps it scheduled (the same event moves); a held meeting is final.
    scheduled: ['held', 'cancelled'],
    held: [],
    cancelled: [],
  },
  explain: (from, to) => {
    if (from === 'proposed' && to === 'held') return 'A meeting cannot be held before it has been scheduled.';
    if (from === 'cancelled') return 'A cancelled meeting cannot be reopened; propose a new meeting instead.';
    if (from === 'held' && to === 'cancelled') return 'A meeting that has been held cannot be cancelled.';
    return undefined;
  },
});

/** The meeting at its new status; a DomainError with the reason for a move that is not allowed. */
export function transitionMeeting(meeting: ReviewMeeting, to: MeetingStatus): ReviewMeeting {
  meetingLifecycle.check(meeting.status, to);
  if (to === 'scheduled' && (!meeting.scheduled || !meeting.calendarEvent))
    throw new DomainError('A meeting is scheduled only once its calendar event exists.');
  return { ...meeting, status: to };
}
