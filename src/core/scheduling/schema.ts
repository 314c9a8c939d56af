/**
 * What the slot finder is asked and what it answers, as zod schemas. Everything that crosses into
 * the finder is checked here first, with messages for the person setting up the scheduling (never
 * a detail of the child or family: only professionals' names and addresses appear).
 */
import { z } from 'zod';
import { englishList } from '../phrasing';
import { Id } from '../model/common';
import { isKnownTimeZone, minutesOfClock } from './time-zone';

export const MAX_DURATION_MINUTES = 8 * 60;
export const DEFAULT_DURATION_MINUTES = 90;
export const DEFAULT_BUFFER_MINUTES = 15;
export const DEFAULT_STEP_MINUTES = 15;

const instant = (label: string) =>
  z.iso.datetime({
    offset: true,
    error: `${label} must be a date and time with its UTC offset, for example 2026-03-30T10:00:00+01:00.`,
  });

/** A span of time, e.g. a busy item from getSchedule. */
export const Interval = z.object({ start: instant('The start'), end: instant('The end') });
export type Interval = z.infer<typeof Interval>;

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export const Weekday = z.enum(WEEKDAYS, { error: 'A working day must be a day of the week, e.g. "monday".' });
export type Weekday = z.infer<typeof Weekday>;

const clock = (label: string) =>
  z
    .string({ error: `${label} must be a time of day such as 09:00.` })
    .regex(
      /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,7})?)?$/,
      `${label} must be a time of day such as 09:00.`,
    );

const timeZoneName = z.string({ error: 'The time zone is required.' }).refine(isKnownTimeZone, {
  error: (issue) =>
    `"${String(issue.input)}" is not a time zone this device knows; use a name such as Europe/London.`,
});

/** Working hours as getSchedule gives them, with an IANA time zone (the gateway maps Windows names). */
export const WorkingHours = z
  .object({
    daysOfWeek: z.array(Weekday).min(1, 'Working hours need at least one working day.'),
    startTime: clock('The start of working hours'),
    endTime: clock('The end of working hours'),
    timeZone: timeZoneName,
  })
  .refine((w) => minutesOfClock(w.endTime) > minutesOfClock(w.startTime), {
    message: 'Working hours must end after they start.',
    path: ['endTime'],
  });
export type WorkingHours = z.infer<typeof WorkingHours>;

/**
 * Someone who may attend: their address and, when their calendar could be read, their busy times
 * and working hours. `unknown`: their calendar could not be read (another organisation): they are
 * never taken to be free, only placed at the best time for the others and flagged.
 */
export const SchedulingPerson = z.object({
  id: Id,
  /** How messages name them ("Jade Whitcombe"); the address when absent. */
  name: z.string().trim().max(255).optional(),
  address: z.string().trim().optional(),
  availability: z.enum(['known', 'unknown']).default('known'),
  busy: z.array(Interval).default([]),
  /**
   * Times this person has already declined for the meeting being placed: never proposed again, even
   * when their calendar cannot be read (unlike `busy`, which is only read for people whose calendar
   * is known). Any overlap is refused; no buffer is kept around them.
   */
  declined: z.array(Interval).default([]),
  workingHours: WorkingHours.optional(),
});
export type SchedulingPerson = z.input<typeof SchedulingPerson>;

export const ConversationToPlace = z.object({
  id: Id,
  /** The case group member's person id. */
  practitioner: Id,
  /** One or two reviewers (a lead reviewer and a note-taker). */
  reviewers: z
    .array(Id)
    .min(1, 'A conversation needs a reviewer.')
    .max(2, 'A conversation has at most two reviewers.'),
  /** The practitioner's line manager, when they are to attend. */
  lineManager: Id.optional(),
  /** Overrides the request's duration for this conversation. */
  durationMinutes: z.number().optional(),
});
export type ConversationToPlace = z.input<typeof ConversationToPlace>;

export const SchedulingRules = z.object({
  /** At most this many conversations for one reviewer on one day. */
  maxPerReviewerPerDay: z
    .number()
    .int('The most conversations a reviewer has a day must be a whole number.')
    .min(1, 'A reviewer must be able to hold at least one conversation a day.')
    .max(12)
    .default(2),
  /** Only inside everyone's working hours. */
  workingHoursOnly: z.boolean().default(true),
  /** Earliest first, or spread out over the days of the window. */
  preference: z.enum(['earliest', 'spread']).default('earliest'),
});
export type SchedulingRules = z.infer<typeof SchedulingRules>;

const duration = z.number({ error: 'The length of a conversation must be a number of minutes.' });

const baseRequest = {
  /** The present, passed in (the core reads no clock): nothing is placed before it. */
  now: instant('The current time'),
  /** The review's time zone: days, the per-day rule and messages follow it. */
  timeZone: timeZoneName,
  window: Interval,
  stepMinutes: z
    .union([z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60)])
    .default(15),
  people: z.array(SchedulingPerson),
  /** Working hours for people whose own are not known; Monday to Friday 09:00–17:00 in `timeZone` by default. */
  defaultWorkingHours: WorkingHours.optional(),
  /** How much searching the finder may do to place one more conversation (node visits). */
  searchBudget: z.number().int().min(0).max(10_000_000).default(100_000),
};

export const SchedulingRequest = z.object({
  ...baseRequest,
  conversations: z.array(ConversationToPlace),
  durationMinutes: duration.default(DEFAULT_DURATION_MINUTES),
  bufferMinutes: z.number().int().min(0).max(240).default(DEFAULT_BUFFER_MINUTES),
  rules: SchedulingRules.default({ maxPerReviewerPerDay: 2, workingHoursOnly: true, preference: 'earliest' }),
});
export type SchedulingRequest = z.input<typeof SchedulingRequest>;
export type ParsedSchedulingRequest = z.output<typeof SchedulingRequest>;

export const MeetingAttendee = z.object({ person: Id, required: z.boolean().default(true) });

/** One meeting (case group or review team) for many attendees. */
export const MeetingRequest = z.object({
  ...baseRequest,
  attendees: z.array(MeetingAttendee),
  durationMinutes: duration.default(120),
  workingHoursOnly: z.boolean().default(true),
  /** How many other good times to offer besides the best (on other days where possible). */
  alternatives: z.number().int().min(0).max(10).default(3),
});
export type MeetingRequest = z.input<typeof MeetingRequest>;
export type ParsedMeetingRequest = z.output<typeof MeetingRequest>;

// ---------------------------------------------------------------- checks across fields

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

type Ctx = z.core.$RefinementCtx;
const nameOf = (p: { id: string; name?: string | undefined; address?: string | undefined }) =>
  p.name || p.address || `person ${p.id}`;

export function checkPeople(people: readonly z.output<typeof SchedulingPerson>[], ctx: Ctx): void {
  const ids = new Map<string, number>();
  const addresses = new Map<string, string>();
  people.forEach((p, i) => {
    if (ids.has(p.id))
      ctx.addIssue({
        code: 'custom',
        path: ['people', i, 'id'],
        message: `${nameOf(p)} is listed twice (id "${p.id}"): list each person once.`,
      });
    ids.set(p.id, i);
    if (!p.address)
      ctx.addIssue({
        code: 'custom',
        path: ['people', i, 'address'],
        message: `${nameOf(p)} has no email address: add one before scheduling, as invitations go to it.`,
      });
    else if (!EMAIL.test(p.address))
      ctx.addIssue({
        code: 'custom',
        path: ['people', i, 'address'],
        message: `${nameOf(p)}'s email address "${p.address}" is not a valid address.`,
      });
    else {
      const key = p.address.toLowerCase();
      const other = addresses.get(key);
      if (other !== undefined && other !== p.id)
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'address'],
          message: `${nameOf(p)} has the same email address (${p.address}) as someone else in the list: each attendee needs their own.`,
        });
      addresses.set(key, p.id);
    }
  });
}

export function checkTimes(
  r: { now: string; window: Interval; people: readonly z.output<typeof SchedulingPerson>[] },
  longestMinutes: number,
  ctx: Ctx,
): void {
  const start = Date.parse(r.window.start);
  const end = Date.parse(r.window.end);
  const now = Date.parse(r.now);
  if (end <= start) {
    ctx.addIssue({
      code: 'custom',
      path: ['window', 'end'],
      message: 'The window must end after it starts.',
    });
    return;
  }
  if (end <= now) {
    ctx.addIssue({
      code: 'custom',
      path: ['window'],
      message: 'The window is in the past: choose dates from today on.',
    });
    return;
  }
  const usable = (end - Math.max(start, now)) / 60_000;
  if (usable < longestMinutes)
    ctx.addIssue({
      code: 'custom',
      path: ['window'],
      message: `The window (what is left of it from now) is shorter than a ${longestMinutes}-minute meeting.`,
    });
  r.people.forEach((p, i) =>
    p.busy.forEach((b, j) => {
      if (Date.parse(b.end) < Date.parse(b.start))
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'busy', j],
          message: `A busy time of ${nameOf(p)} ends before it starts.`,
        });
    }),
  );
}

function checkDuration(minutes: number, path: (string | number)[], ctx: Ctx, what: string) {
  if (
    !Number.isFinite(minutes) ||
    minutes <= 0 ||
    minutes > MAX_DURATION_MINUTES ||
    !Number.isInteger(minutes)
  )
    ctx.addIssue({
      code: 'custom',
      path,
      message: `${what} must be a whole number of minutes, more than 0 and at most 8 hours (${MAX_DURATION_MINUTES}).`,
    });
}

export const ValidSchedulingRequest = SchedulingRequest.superRefine((r, ctx) => {
  if (r.conversations.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['conversations'],
      message: 'The case group is empty: choose at least one practitioner to meet.',
    });
    return;
  }
  checkPeople(r.people, ctx);
  checkDuration(r.durationMinutes, ['durationMinutes'], ctx, 'The length of a conversation');
  const byId = new Map(r.people.map((p) => [p.id, p]));
  const seen = new Set<string>();
  let longest = r.durationMinutes;
  r.conversations.forEach((c, i) => {
    if (seen.has(c.id))
      ctx.addIssue({
        code: 'custom',
        path: ['conversations', i, 'id'],
        message: `Conversation "${c.id}" is listed twice.`,
      });
    seen.add(c.id);
    if (c.durationMinutes !== undefined) {
      checkDuration(
        c.durationMinutes,
        ['conversations', i, 'durationMinutes'],
        ctx,
        `The length of conversation "${c.id}"`,
      );
      longest = Math.max(longest, c.durationMinutes);
    }
    const attendees = [c.practitioner, ...c.reviewers, ...(c.lineManager ? [c.lineManager] : [])];
    const missing = attendees.filter((a) => !byId.has(a));
    if (missing.length)
      ctx.addIssue({
        code: 'custom',
        path: ['conversations', i],
        message: `Conversation "${c.id}" names ${englishList(
          missing.map((m) => `"${m}"`),
          'and',
        )}, who ${missing.length === 1 ? 'is' : 'are'} not in the list of people.`,
      });
    const twice = attendees.filter((a, k) => attendees.indexOf(a) !== k);
    if (twice.length)
      ctx.addIssue({
        code: 'custom',
        path: ['conversations', i],
        message: `Conversation "${c.id}" lists ${englishList(
          [...new Set(twice)].map((id) => nameOf(byId.get(id) ?? { id })),
          'and',
        )} more than once: each attendee takes one place.`,
      });
  });
  checkTimes(r, longest, ctx);
});

export const ValidMeetingRequest = MeetingRequest.superRefine((r, ctx) => {
  if (r.attendees.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['attendees'],
      message: 'The meeting has no attendees: choose who to invite.',
    });
    return;
  }
  checkPeople(r.people, ctx);
  checkDuration(r.durationMinutes, ['durationMinutes'], ctx, 'The length of the meeting');
  const byId = new Map(r.people.map((p) => [p.id, p]));
  const seen = new Set<string>();
  r.attendees.forEach((a, i) => {
    if (!byId.has(a.person))
      ctx.addIssue({
        code: 'custom',
        path: ['attendees', i],
        message: `Attendee "${a.person}" is not in the list of people.`,
      });
    if (seen.has(a.person))
      ctx.addIssue({
        code: 'custom',
        path: ['attendees', i],
        message: `${nameOf(byId.get(a.person) ?? { id: a.person })} is invited twice.`,
      });
    seen.add(a.person);
  });
  checkTimes(r, r.durationMinutes, ctx);
});

// ---------------------------------------------------------------- answers

/** Why a conversation could not be placed, in plain words, with the rule or the people concerned. */
export interface Reason {
  kind: 'working-hours' | 'busy' | 'declined' | 'per-day-limit' | 'other-conversations' | 'window';
  /** Person ids the reason is about. */
  people: string[];
  message: string;
}

export interface PlacedConversation {
  conversationId: string;
  /** ISO 8601 in the review's time zone, e.g. 2026-03-30T10:00:00+01:00. */
  start: string;
  end: string;
  /** Person ids: practitioner, reviewers, line manager. */
  attendees: string[];
  /** Attendees whose calendars could not be read: placed at the best time for the others, to be confirmed. */
  unknownAvailability: string[];
}

export interface UnplacedConversation {
  conversationId: string;
  reasons: Reason[];
}

export interface Timetable {
  placed: PlacedConversation[];
  unplaced: UnplacedConversation[];
  /** Whether the search for more conversations ran out of budget before it could prove the count the best. */
  searchExhausted: boolean;
}

export type MoveCheck = { ok: true; unknownAvailability: string[] } | { ok: false; reasons: Reason[] };
