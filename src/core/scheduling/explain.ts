/** Plain words for scheduling: working hours, busy times, lists of people. */
import { englishList } from '../phrasing';
import type { WorkingHours } from './schema';
import { WEEKDAYS } from './schema';
import { describeSpan } from './time-zone';

const DAY_LABELS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Monday to Friday, 09:00–17:00" or "Monday, Tuesday and Thursday, 08:30–16:30". */
export function describeHours(hours: WorkingHours): string {
  const days = [...new Set(hours.daysOfWeek.map((d) => WEEKDAYS.indexOf(d)))].sort(
    (a, b) => ((a + 6) % 7) - ((b + 6) % 7),
  );
  const monFirst = days.map((d) => (d + 6) % 7);
  const consecutive = monFirst.length > 2 && monFirst.every((d, i) => i === 0 || d === monFirst[i - 1]! + 1);
  const dayText = consecutive
    ? `${DAY_LABELS[days[0]!]} to ${DAY_LABELS[days[days.length - 1]!]}`
    : englishList(
        days.map((d) => DAY_LABELS[d]!),
        'and',
      );
  return `${dayText}, ${hours.startTime.slice(0, 5)}–${hours.endTime.slice(0, 5)}`;
}

/** Up to `max` spans in words, then "and N more". */
export function describeSpans(spans: { start: number; end: number }[], zone: string, max = 3): string {
  const shown = spans.slice(0, max).map((s) => describeSpan(s.start, s.end, zone));
  if (spans.length > max) shown.push(`${spans.length - max} more`);
  return englishList(shown, 'and');
}

export const people = (labels: string[]) => englishList(labels, 'and');

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
