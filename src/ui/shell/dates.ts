/** Dates as people in England read them: "Mon 3 March 2026", "in 4 working days". */
import { workingDaysBetween } from '../../core/review/working-days';
import type { IsoDate } from '../../core/model/common';

const day = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Mon 3 March 2026" (en-GB puts a comma after the weekday; the product's style has none). */
export function formatDay(date: IsoDate): string {
  return day
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .map((part) => (part.type === 'literal' ? part.value.replace(',', ' ') : part.value))
    .join('')
    .replace(/\s+/g, ' ');
}

const plural = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/** "in 4 working days", "due today", "2 working days late". */
export function workingDaysPhrase(due: IsoDate, today: IsoDate): string {
  if (due === today) return 'due today';
  if (due > today) return `in ${plural(workingDaysBetween(today, due))}`;
  return `${plural(Math.max(1, workingDaysBetween(due, today)))} late`;
}

/** Today in Europe/London, as the core's dates are written. The core never reads the clock. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}
