/**
 * Finding another time for a conversation whose invitation was declined (by the practitioner or a
 * reviewer at the time booked, or by a practitioner in another organisation at every one of the
 * times offered), or is no longer in the organiser's calendar (deleted there). The times already
 * declined are never proposed to those who declined them again (the finder blocks them, even for
 * someone whose calendar cannot be read), and a new invitation replaces the old event(s). Pure:
 * the gateway reads calendars and sends.
 */
import { addWorkingDays, isWorkingDay } from '../review/working-days';
import type { IsoDate } from '../model/common';
import type { Conversation } from '../model/conversation';
import { ValidSchedulingRequest, type SchedulingRequest } from './schema';
import { REVIEW_TIME_ZONE, windowOfDays, type PlanIssues, type PlanPerson } from './plan';
import { DEFAULT_BUFFER_MINUTES, DEFAULT_DURATION_MINUTES } from './schema';
import { addDays } from '../dates';

/** A time declined, and by whom (person ids). */
export interface DeclinedTime {
  start: string;
  end: string;
  by: string[];
}

/** What the person asks for: a window of whole days (both included) and the present. */
export interface AnotherTimeForm {
  firstDay: string;
  lastDay: string;
  now: string;
}

/**
 * Whether the conversation's invitation was declined, or is no longer in the organiser's calendar
 * (deleted there), and nothing replaces it yet.
 */
export function needsAnotherTime(c: Conversation): boolean {
  const event = c.calendarEvent;
  if (event?.status === 'missing') return c.status === 'scheduled';
  if (!event || event.status !== 'declined') return false;
  if (c.status === 'scheduled') return true;
  // Offered several times (someone in another organisation) and every time declined.
  return c.status === 'proposed' && (event.candidates?.length ?? 0) > 0;
}

/** Every time declined for this conversation: those of the current invitation(s) and earlier ones. */
export function declinedTimes(c: Conversation): DeclinedTime[] {
  const event = c.calendarEvent;
  const earlier = event?.declinedEarlier ?? [];
  // An invitation gone from the calendar was not declined: its time may be offered again.
  if (!event || event.status === 'missing' || !needsAnotherTime(c)) return [...earlier];
  if (c.status === 'proposed')
    return [
      ...earlier,
      ...event.candidates!.map((t) => ({ start: t.start, end: t.end, by: [c.participant] })),
    ];
  const by = Object.keys(event.responses).filter((id) => event.responses[id] === 'declined');
  return c.scheduled
    ? [...earlier, { start: c.scheduled.start, end: c.scheduled.end, by: by.length ? by : [c.participant] }]
    : [...earlier];
}

/** The length of the conversation as it was booked or offered (minutes); 90 when unknown. */
export function conversationLength(c: Conversation): number {
  const slot = c.scheduled ?? c.calendarEvent?.candidates?.[0];
  const minutes = slot ? Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000) : 0;
  return minutes > 0 ? minutes : DEFAULT_DURATION_MINUTES;
}

/** The window offered first: from today through the next two working weeks (ten working days). */
export function defaultAnotherTimeWindow(today: IsoDate): { firstDay: IsoDate; lastDay: IsoDate } {
  let first = today;
  while (!isWorkingDay(first)) first = addDays(first, 1);
  return { firstDay: today, lastDay: addWorkingDays(first, 9) };
}

/** The finder's request: the one conversation, its people (with busy times when read), the declined times blocked. */
export function anotherTimeRequest(
  c: Conversation,
  people: readonly (PlanPerson &
    Partial<Pick<SchedulingRequest['people'][number], 'busy' | 'availability' | 'workingHours'>>)[],
  form: AnotherTimeForm,
  window = windowOfDays(form.firstDay, form.lastDay),
): SchedulingRequest {
  const declined = declinedTimes(c);
  const involved = [c.participant, ...c.reviewers];
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    now: form.now,
    timeZone: REVIEW_TIME_ZONE,
    window: window ?? { start: form.now, end: form.now },
    people: involved.map((id) => {
      const p = byId.get(id);
      return {
        id,
        name: p?.name,
        address: p?.address || undefined,
        ...(p?.availability ? { availability: p.availability } : {}),
        ...(p?.busy ? { busy: p.busy } : {}),
        ...(p?.workingHours ? { workingHours: p.workingHours } : {}),
        declined: declined.filter((d) => d.by.includes(id)).map(({ start, end }) => ({ start, end })),
      };
    }),
    conversations: [{ id: c.id, practitioner: c.participant, reviewers: c.reviewers }],
    durationMinutes: conversationLength(c),
    bufferMinutes: DEFAULT_BUFFER_MINUTES,
    rules: { maxPerReviewerPerDay: 12, workingHoursOnly: true, preference: 'earliest' },
  };
}

/**
 * The window's problems, beside the first or last day; empty when it can be searched. The rest of
 * the request (people, addresses) is the gateway's to check: the person chose only the days.
 */
export function anotherTimeIssues(
  c: Conversation,
  people: readonly PlanPerson[],
  form: AnotherTimeForm,
): PlanIssues {
  const issues: PlanIssues = {};
  if (!windowOfDays(form.firstDay, form.firstDay))
    issues.firstDay = ['Enter the first day as a date, for example 06/04/2026.'];
  if (!windowOfDays(form.lastDay, form.lastDay))
    issues.lastDay = ['Enter the last day as a date, for example 24/04/2026.'];
  if (issues.firstDay || issues.lastDay) return issues;
  if (form.lastDay < form.firstDay) return { lastDay: ['The last day must be on or after the first day.'] };
  const window = windowOfDays(form.firstDay, form.lastDay);
  const parsed = ValidSchedulingRequest.safeParse(anotherTimeRequest(c, people, form, window));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      if (head !== 'window') continue;
      const field = index === 'end' ? 'lastDay' : 'firstDay';
      (issues[field] ??= []).push(issue.message);
    }
  return issues;
}
