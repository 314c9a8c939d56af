/**
 * What the person scheduling fills in (whole days in the review's time zone, one lead reviewer and
 * an optional note-taker for every conversation, the rules), as the finder's request, and the
 * finder's checks of it put beside the fields they are about. The tab checks a form with these
 * before anything is sent; the gateway builds the same request, so the two cannot disagree.
 */
import {
  ValidMeetingRequest,
  ValidSchedulingRequest,
  type MeetingRequest,
  type SchedulingRequest,
} from './schema';
import { instantAt, isoInZone } from './time-zone';

/** Reviews run in England: days, working hours and the per-day rule follow London's clocks. */
export const REVIEW_TIME_ZONE = 'Europe/London';

/** A person as the plan needs them: ids from the review's people, the address invitations go to. */
export interface PlanPerson {
  id: string;
  name?: string;
  address?: string;
}

export interface ConversationPlanForm {
  /** Case group members' ids, one conversation each. */
  practitioners: string[];
  /** The lead reviewer (the organiser) first, then the note-taker if any. */
  reviewers: string[];
  durationMinutes: number;
  bufferMinutes: number;
  maxPerReviewerPerDay: number;
  preference: 'earliest' | 'spread';
  /** The first and last days of the window, 'yyyy-mm-dd', both included. */
  firstDay: string;
  lastDay: string;
  /** The present (the core reads no clock). */
  now: string;
}

export type PlanField =
  | 'practitioners'
  | 'reviewers'
  | 'durationMinutes'
  | 'bufferMinutes'
  | 'maxPerReviewerPerDay'
  | 'firstDay'
  | 'lastDay'
  | 'invitees';

export type PlanIssues = Partial<Record<PlanField, string[]>>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateOf(text: string): { year: number; month: number; day: number } | undefined {
  const m = DAY.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
}

/** From the start of the first day to the end of the last, in the zone; undefined for a date that is not one. */
export function windowOfDays(
  firstDay: string,
  lastDay: string,
  zone = REVIEW_TIME_ZONE,
): { start: string; end: string } | undefined {
  const first = dateOf(firstDay);
  const last = dateOf(lastDay);
  if (!first || !last) return undefined;
  const after = new Date(Date.UTC(last.year, last.month - 1, last.day + 1));
  return {
    start: isoInZone(instantAt(first, 0, zone), zone),
    end: isoInZone(
      instantAt(
        { year: after.getUTCFullYear(), month: after.getUTCMonth() + 1, day: after.getUTCDate() },
        0,
        zone,
      ),
      zone,
    ),
  };
}

/** The finder's request for the form: `conversationIdOf` names each practitioner's conversation. */
export function conversationPlanRequest(
  form: ConversationPlanForm,
  people: readonly PlanPerson[],
  conversationIdOf: (practitioner: string) => string = (p) => `conversation-with-${p}`,
  window = windowOfDays(form.firstDay, form.lastDay),
): SchedulingRequest {
  const involved = [...new Set([...form.practitioners, ...form.reviewers])];
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    now: form.now,
    timeZone: REVIEW_TIME_ZONE,
    window: window ?? { start: form.now, end: form.now },
    people: involved.map((id) => {
      const p = byId.get(id);
      return { id, name: p?.name, address: p?.address || undefined };
    }),
    conversations: form.practitioners.map((practitioner) => ({
      id: conversationIdOf(practitioner),
      practitioner,
      reviewers: form.reviewers,
    })),
    durationMinutes: form.durationMinutes,
    bufferMinutes: form.bufferMinutes,
    rules: {
      maxPerReviewerPerDay: form.maxPerReviewerPerDay,
      workingHoursOnly: true,
      preference: form.preference,
    },
  };
}

const add = (issues: PlanIssues, field: PlanField, message: string) => {
  const list = (issues[field] ??= []);
  if (!list.includes(message)) list.push(message);
};

function dayIssues(firstDay: string, lastDay: string, issues: PlanIssues) {
  if (!dateOf(firstDay)) add(issues, 'firstDay', 'Enter the first day as a date, for example 06/04/2026.');
  if (!dateOf(lastDay)) add(issues, 'lastDay', 'Enter the last day as a date, for example 24/04/2026.');
  else if (dateOf(firstDay) && lastDay < firstDay)
    add(issues, 'lastDay', 'The last day must be on or after the first day.');
}

/** The finder's own checks of the form, each beside its field; empty when it can be sent. */
export function conversationPlanIssues(
  form: ConversationPlanForm,
  people: readonly PlanPerson[],
): PlanIssues {
  const issues: PlanIssues = {};
  dayIssues(form.firstDay, form.lastDay, issues);
  if (form.reviewers.length === 0)
    add(issues, 'reviewers', 'Choose the lead reviewer for the conversations.');
  if (form.reviewers.length === 2 && form.reviewers[0] === form.reviewers[1])
    add(issues, 'reviewers', 'The note-taker must be someone other than the lead reviewer.');
  for (const id of form.reviewers)
    if (form.practitioners.includes(id))
      add(issues, 'practitioners', 'A reviewer cannot also be one of the practitioners they meet.');
  const request = conversationPlanRequest(form, people);
  const parsed = ValidSchedulingRequest.safeParse(request);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      if (head === 'conversations')
        add(issues, index === undefined ? 'practitioners' : 'reviewers', issue.message);
      else if (head === 'people') {
        const person = request.people[Number(index)];
        add(
          issues,
          person && form.practitioners.includes(person.id) ? 'practitioners' : 'reviewers',
          issue.message,
        );
      } else if (head === 'durationMinutes') add(issues, 'durationMinutes', issue.message);
      else if (head === 'bufferMinutes')
        add(
          issues,
          'bufferMinutes',
          'The gap between meetings must be a whole number of minutes from 0 to 240.',
        );
      else if (head === 'rules')
        add(
          issues,
          'maxPerReviewerPerDay',
          'The most conversations a reviewer has a day must be a whole number from 1 to 12.',
        );
      else if (head === 'window' && !issues.firstDay && !issues.lastDay)
        add(issues, index === 'end' ? 'lastDay' : 'firstDay', issue.message);
    }
  return issues;
}

export interface MeetingPlanForm {
  required: string[];
  optional: string[];
  durationMinutes: number;
  firstDay: string;
  lastDay: string;
  now: string;
}

export function meetingPlanRequest(
  form: MeetingPlanForm,
  people: readonly PlanPerson[],
  window = windowOfDays(form.firstDay, form.lastDay),
): MeetingRequest {
  const byId = new Map(people.map((p) => [p.id, p]));
  const invited = [...form.required, ...form.optional];
  return {
    now: form.now,
    timeZone: REVIEW_TIME_ZONE,
    window: window ?? { start: form.now, end: form.now },
    people: [...new Set(invited)].map((id) => {
      const p = byId.get(id);
      return { id, name: p?.name, address: p?.address || undefined };
    }),
    attendees: [
      ...form.required.map((person) => ({ person, required: true })),
      ...form.optional.map((person) => ({ person, required: false })),
    ],
    durationMinutes: form.durationMinutes,
    workingHoursOnly: true,
    alternatives: 3,
  };
}

export function meetingPlanIssues(form: MeetingPlanForm, people: readonly PlanPerson[]): PlanIssues {
  const issues: PlanIssues = {};
  dayIssues(form.firstDay, form.lastDay, issues);
  if (form.required.length === 0 && form.optional.length > 0)
    add(issues, 'invitees', 'Choose at least one required attendee: they decide the time.');
  const parsed = ValidMeetingRequest.safeParse(meetingPlanRequest(form, people));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      if (head === 'attendees' || head === 'people') add(issues, 'invitees', issue.message);
      else if (head === 'durationMinutes') add(issues, 'durationMinutes', issue.message);
      else if (head === 'window' && !issues.firstDay && !issues.lastDay)
        add(issues, index === 'end' ? 'lastDay' : 'firstDay', issue.message);
    }
  return issues;
}

export const hasIssues = (issues: PlanIssues) =>
  Object.values(issues).some((list) => list && list.length > 0);
