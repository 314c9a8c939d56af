/**
 * The window as a grid of equal steps (15 minutes by default) from its first step boundary in the
 * review's time zone, and for each person the steps they cannot meet in: outside their working hours
 * (in their own zone, so a change to or from summer time moves the hours with the clocks) or busy
 * (with the buffer around each busy item). Kept as prefix sums so that "is this person free for the
 * whole meeting from step t?" is one subtraction.
 */
import type { z } from 'zod';
import type { SchedulingPerson, WorkingHours } from './schema';
import { WEEKDAYS } from './schema';
import {
  instantAt,
  localTime,
  minutesOfClock,
  nextDate,
  offsetMinutes,
  weekdayOf,
  type LocalDate,
} from './time-zone';

const MINUTE_MS = 60_000;

export type ParsedPerson = z.output<typeof SchedulingPerson>;

export interface GridPerson {
  id: string;
  label: string;
  unknown: boolean;
  hours: WorkingHours;
  /** Busy items (and times they declined) as instants. */
  busy: { start: number; end: number }[];
  /** Prefix sums over steps outside working hours (when that rule applies). */
  offHours: Int32Array;
  /** Prefix sums over steps blocked by busy items widened by the buffer. */
  busySteps: Int32Array;
}

export interface Grid {
  zone: string;
  /** Instant of step 0. */
  origin: number;
  stepMs: number;
  steps: number;
  /** Local day number (0 = the window's first day) of each step, in the review's zone. */
  dayOf: Uint16Array;
  days: number;
  people: GridPerson[];
  index: Map<string, number>;
}

export const stepStart = (g: Grid, t: number) => g.origin + t * g.stepMs;

const sum = (prefix: Int32Array, from: number, to: number) => prefix[to]! - prefix[from]!;

/** Steps of person `p` in [from, to) that are blocked (busy or, when applied, outside working hours). */
export function blockedCount(
  g: Grid,
  p: number,
  from: number,
  to: number,
  workingHoursOnly: boolean,
): number {
  const person = g.people[p]!;
  return sum(person.busySteps, from, to) + (workingHoursOnly ? sum(person.offHours, from, to) : 0);
}

function prefix(marks: Uint8Array): Int32Array {
  const out = new Int32Array(marks.length + 1);
  for (let i = 0; i < marks.length; i++) out[i + 1] = out[i]! + marks[i]!;
  return out;
}

/** The working hours' spans (instants) over the local dates that touch [from, to). */
export function workingSpans(
  hours: WorkingHours,
  from: number,
  to: number,
): { start: number; end: number }[] {
  const zone = hours.timeZone;
  const days = new Set(hours.daysOfWeek.map((d) => WEEKDAYS.indexOf(d)));
  const startMin = minutesOfClock(hours.startTime);
  const endMin = minutesOfClock(hours.endTime);
  const first = localTime(from, zone);
  let date: LocalDate = { year: first.year, month: first.month, day: first.day };
  const spans: { start: number; end: number }[] = [];
  for (let guard = 0; guard < 400; guard++) {
    const dayStart = instantAt(date, 0, zone);
    if (dayStart >= to) break;
    if (days.has(weekdayOf(date))) {
      const s = instantAt(date, startMin, zone);
      const e = instantAt(date, endMin, zone);
      if (e > from && s < to) spans.push({ start: s, end: e });
    }
    date = nextDate(date);
  }
  return spans;
}

export function buildGrid(input: {
  zone: string;
  windowStart: number;
  windowEnd: number;
  stepMinutes: number;
  bufferMinutes: number;
  people: ParsedPerson[];
  defaultHours: WorkingHours;
}): Grid {
  const { zone, stepMinutes } = input;
  const stepMs = stepMinutes * MINUTE_MS;
  // The first step boundary at or after the window's start, on the zone's clock (09:00, 09:15...).
  const offsetMs = offsetMinutes(input.windowStart, zone) * MINUTE_MS;
  const origin = Math.ceil((input.windowStart + offsetMs) / stepMs) * stepMs - offsetMs;
  const steps = Math.max(0, Math.floor((input.windowEnd - origin) / stepMs));
  const end = origin + steps * stepMs;

  // Days in the review's zone: the step's local date, numbered from the first.
  const dayOf = new Uint16Array(steps);
  const firstLocal = localTime(origin, zone);
  let date: LocalDate = { year: firstLocal.year, month: firstLocal.month, day: firstLocal.day };
  let day = 0;
  let nextMidnight = instantAt(nextDate(date), 0, zone);
  for (let t = 0; t < steps; t++) {
    const at = origin + t * stepMs;
    while (at >= nextMidnight) {
      day++;
      date = nextDate(date);
      nextMidnight = instantAt(nextDate(date), 0, zone);
    }
    dayOf[t] = day;
  }

  const bufferMs = input.bufferMinutes * MINUTE_MS;
  const people = input.people.map((p): GridPerson => {
    const unknown = p.availability === 'unknown';
    const hours = p.workingHours ?? input.defaultHours;
    const off = new Uint8Array(steps).fill(1);
    for (const span of workingSpans(hours, origin, end)) {
      const from = Math.max(0, Math.ceil((span.start - origin) / stepMs));
      const to = Math.min(steps, Math.floor((span.end - origin) / stepMs));
      off.fill(0, from, Math.max(from, to));
    }
    const busyMarks = new Uint8Array(steps);
    const toSpan = (b: { start: string; end: string }) => ({
      start: Date.parse(b.start),
      end: Date.parse(b.end),
    });
    const busy = unknown ? [] : p.busy.map(toSpan);
    for (const b of busy) {
      if (b.end <= b.start) continue;
      const from = Math.max(0, Math.floor((b.start - bufferMs - origin) / stepMs));
      const to = Math.min(steps, Math.ceil((b.end + bufferMs - origin) / stepMs));
      if (to > from) busyMarks.fill(1, from, to);
    }
    // Times they declined: blocked whether or not their calendar can be read (no buffer; every overlap counts).
    const declined = p.declined.map(toSpan).filter((b) => b.end > b.start);
    for (const b of declined) {
      const from = Math.max(0, Math.floor((b.start - origin) / stepMs));
      const to = Math.min(steps, Math.ceil((b.end - origin) / stepMs));
      if (to > from) busyMarks.fill(1, from, to);
    }
    busy.push(...declined);
    return {
      id: p.id,
      label: p.name || p.address || p.id,
      unknown,
      hours,
      busy,
      offHours: prefix(off),
      busySteps: prefix(busyMarks),
    };
  });
  return {
    zone,
    origin,
    stepMs,
    steps,
    dayOf,
    days: steps ? dayOf[steps - 1]! + 1 : 0,
    people,
    index: new Map(people.map((p, i) => [p.id, i])),
  };
}
