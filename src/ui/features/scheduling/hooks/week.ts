/**
 * The week view's geometry and words: working weeks (Monday to Friday) of the window, the day and
 * minutes of an instant in the review's time zone, and times in en-GB ("Mon 9 March 2026", "09:30").
 */
import { instantAt, isoInZone, localTime, REVIEW_TIME_ZONE } from '../../../../core/scheduling';
import { formatDay } from '../../../shell/dates';

const ZONE = REVIEW_TIME_ZONE;
const DAY_MS = 86_400_000;
/** The hours the grid shows. */
export const GRID_START = 8 * 60;
export const GRID_END = 18 * 60;
export const STEP = 15;

const pad = (n: number) => String(n).padStart(2, '0');

/** 'yyyy-mm-dd' of an instant in London. */
export function dayOf(instant: string | number): string {
  const t = localTime(typeof instant === 'number' ? instant : Date.parse(instant), ZONE);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** Minutes past midnight in London. */
export const minutesOf = (instant: string | number) =>
  localTime(typeof instant === 'number' ? instant : Date.parse(instant), ZONE).minutes;

/** "09:30" */
export const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** "09:30–11:00" */
export const span = (start: string, end: string) => `${clock(minutesOf(start))}–${clock(minutesOf(end))}`;

/** The instant a day's clock shows `minutes`, as ISO with London's offset. */
export function at(day: string, minutes: number): string {
  const [year, month, d] = day.split('-').map(Number) as [number, number, number];
  return isoInZone(instantAt({ year, month, day: d }, minutes, ZONE), ZONE);
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();

/** The working weeks (Monday's date and its five days) that the window touches. */
export function weeksOf(window: { start: string; end: string }): { monday: string; days: string[] }[] {
  const first = dayOf(window.start);
  const last = dayOf(Date.parse(window.end) - 1);
  let monday = addDays(first, -((weekday(first) + 6) % 7));
  const weeks: { monday: string; days: string[] }[] = [];
  while (monday <= last) {
    weeks.push({ monday, days: [0, 1, 2, 3, 4].map((i) => addDays(monday, i)) });
    monday = addDays(monday, 7);
  }
  return weeks;
}

/** The next or previous working day. */
export function workingDay(day: string, direction: 1 | -1): string {
  let next = addDays(day, direction);
  while (weekday(next) === 0 || weekday(next) === 6) next = addDays(next, direction);
  return next;
}

export { formatDay };

/** The next working day after today, and the Friday three weeks on: a first window to offer. */
export function defaultWindow(today: string): { firstDay: string; lastDay: string } {
  const firstDay = workingDay(today, 1);
  const friday = addDays(firstDay, (5 - weekday(firstDay) + 7) % 7);
  return { firstDay, lastDay: addDays(friday, 14) };
}
