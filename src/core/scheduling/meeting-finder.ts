/**
 * One meeting for many attendees (a case group meeting, a review team meeting): the time that most
 * required attendees can come to, then most optional ones, then the earliest. Everyone is checked at
 * every step of the window (an exhaustive scan of the grid, so the answer is the best there is).
 * People whose calendars cannot be read count as neither able nor unable to come: they are listed
 * as unknown for each time offered.
 */
import { parseOrThrow } from '../errors';
import { describeHours, describeSpans } from './explain';
import { buildGrid, stepStart } from './grid';
import { ValidMeetingRequest, type MeetingRequest } from './schema';
import { defaultWorkingHours } from './slot-finder';
import { isoInZone } from './time-zone';

const MINUTE_MS = 60_000;

export interface MeetingAbsence {
  person: string;
  required: boolean;
  reason: 'busy' | 'working-hours';
  message: string;
}

export interface MeetingOption {
  start: string;
  end: string;
  /** Person ids who can come (their calendar says free, inside their working hours). */
  requiredAttending: string[];
  optionalAttending: string[];
  /** Who cannot come, and why in plain words. */
  absent: MeetingAbsence[];
  /** Whose calendar could not be read. */
  unknown: string[];
}

export interface MeetingProposal {
  best?: MeetingOption;
  /** Other good times, on other days where possible, best first. */
  alternatives: MeetingOption[];
}

export function findMeetingTime(input: MeetingRequest): MeetingProposal {
  const r = parseOrThrow(ValidMeetingRequest, input, 'The meeting request');
  const grid = buildGrid({
    zone: r.timeZone,
    windowStart: Math.max(Date.parse(r.window.start), Date.parse(r.now)),
    windowEnd: Date.parse(r.window.end),
    stepMinutes: r.stepMinutes,
    bufferMinutes: 0,
    people: r.people,
    defaultHours: r.defaultWorkingHours ?? defaultWorkingHours(r.timeZone),
  });
  const steps = Math.ceil(r.durationMinutes / r.stepMinutes);
  const durationMs = r.durationMinutes * MINUTE_MS;
  const attendees = r.attendees.map((a) => ({ ...a, index: grid.index.get(a.person)! }));

  type Scored = { t: number; required: number; optional: number };
  const scored: Scored[] = [];
  for (let t = 0; t + steps <= grid.steps; t++) {
    if (grid.dayOf[t] !== grid.dayOf[t + steps - 1]) continue;
    let required = 0;
    let optional = 0;
    for (const a of attendees) {
      const p = grid.people[a.index]!;
      if (p.unknown) continue;
      const off = r.workingHoursOnly ? p.offHours[t + steps]! - p.offHours[t]! : 0;
      if (off === 0 && p.busySteps[t + steps]! - p.busySteps[t]! === 0) {
        if (a.required) required++;
        else optional++;
      }
    }
    // Only times inside the working hours of at least one attendee whose hours are known or assumed.
    const someoneWorks = attendees.some(
      (a) => grid.people[a.index]!.offHours[t + steps]! - grid.people[a.index]!.offHours[t]! === 0,
    );
    if (r.workingHoursOnly && !someoneWorks) continue;
    scored.push({ t, required, optional });
  }
  scored.sort((a, b) => b.required - a.required || b.optional - a.optional || a.t - b.t);

  const option = ({ t }: Scored): MeetingOption => {
    const start = stepStart(grid, t);
    const end = start + durationMs;
    const out: MeetingOption = {
      start: isoInZone(start, grid.zone),
      end: isoInZone(end, grid.zone),
      requiredAttending: [],
      optionalAttending: [],
      absent: [],
      unknown: [],
    };
    for (const a of attendees) {
      const p = grid.people[a.index]!;
      if (p.unknown) {
        out.unknown.push(p.id);
        continue;
      }
      const outside = r.workingHoursOnly && p.offHours[t + steps]! - p.offHours[t]! > 0;
      const clashes = p.busy.filter((b) => b.start < end && b.end > start);
      if (outside)
        out.absent.push({
          person: p.id,
          required: a.required,
          reason: 'working-hours',
          message: `${p.label} does not work then (${describeHours(p.hours)}).`,
        });
      else if (clashes.length)
        out.absent.push({
          person: p.id,
          required: a.required,
          reason: 'busy',
          message: `${p.label} is busy ${describeSpans(clashes, grid.zone)}.`,
        });
      else (a.required ? out.requiredAttending : out.optionalAttending).push(p.id);
    }
    return out;
  };

  const [first, ...rest] = scored;
  if (!first) return { alternatives: [] };
  // Alternatives: the best time of each other day first, then the next best times overall.
  const picked: Scored[] = [];
  const days = new Set([grid.dayOf[first.t]]);
  for (const s of rest) {
    if (picked.length >= r.alternatives) break;
    if (days.has(grid.dayOf[s.t])) continue;
    days.add(grid.dayOf[s.t]);
    picked.push(s);
  }
  for (const s of rest) {
    if (picked.length >= r.alternatives) break;
    if (
      !picked.includes(s) &&
      Math.abs(s.t - first.t) >= steps &&
      picked.every((p) => Math.abs(p.t - s.t) >= steps)
    )
      picked.push(s);
  }
  return { best: option(first), alternatives: picked.map(option) };
}
