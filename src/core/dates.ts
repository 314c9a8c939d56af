/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings. A date has no time or zone, so arithmetic runs on
 * UTC midnights; nothing here reads the clock: callers pass `today` in.
 */
import { DomainError } from './errors';
import type { IsoDate } from './model/common';

const DAY_MS = 86_400_000;

const dayNumber = (date: IsoDate): number => {
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) throw new DomainError(`"${date}" is not a date written as YYYY-MM-DD.`);
  return ms / DAY_MS;
};

const fromDayNumber = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The date for a year, month (1-12) and day; out-of-range days roll over (day 0 is the previous month's last). */
export const dateOf = (year: number, month: number, day: number): IsoDate =>
  fromDayNumber(Date.UTC(year, month - 1, day) / DAY_MS);

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

/** 0 = Sunday ... 6 = Saturday. */
export const dayOfWeek = (date: IsoDate): number => new Date(dayNumber(date) * DAY_MS).getUTCDay();

export const isWeekend = (date: IsoDate): boolean => dayOfWeek(date) % 6 === 0;

/** Calendar months later; a day the target month lacks becomes its last day (31 August + 6 months = 28 or 29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const from = new Date(dayNumber(date) * DAY_MS);
  const month = from.getUTCMonth() + 1 + months;
  const lastDay = new Date(Date.UTC(from.getUTCFullYear(), month, 0)).getUTCDate();
  return dateOf(from.getUTCFullYear(), month, Math.min(from.getUTCDate(), lastDay));
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "5 October 2026". */
export const formatDate = (date: IsoDate): string =>
  longDate.format(new Date(dayNumber(date) * DAY_MS + DAY_MS / 2));
