/**
 * A date of birth found in text in any usual form (see date-of-birth.ts); a month-first form
 * ("05/14/2026") is matched too when the day is above 12, where it cannot be another date.
 */
import { monthForms, type CalendarDate } from './date-of-birth';
import { foldPhrase } from './folded-text';

const alternatives = (forms: readonly string[]) =>
  `(?:${[...forms].sort((a, b) => b.length - a.length).join('|')})`;

/**
 * The regular expression source that finds `date` in a folded text's `plain` stream (where every
 * run of separators is one space and letters are folded, see folded-text.ts).
 */
export function dateOfBirthPattern(date: CalendarDate): string {
  const pad = (n: number) => (n < 10 ? `0?${n}` : String(n));
  const day = pad(date.day);
  const month = pad(date.month);
  const yy = String(date.year % 100).padStart(2, '0');
  const year = `(?:${date.year}|${yy})`;
  const ordinal = `(?:${['st', 'nd', 'rd', 'th'].map(foldPhrase).join('|')})?`;
  const of = foldPhrase('of');
  const name = alternatives(monthForms(date.month).map(foldPhrase));
  const gap = ' ?';
  const forms = [
    // 14 May 2026, 14th May 2026, 14th of May 2026, 14May2026
    `${day}${ordinal}${gap}(?:${of} )?${name}${gap}${year}`,
    // May 14, 2026; May 14th 2026
    `${name}${gap}${day}${ordinal}${gap}${year}`,
    // 14/05/2026, 14/5/26, 14.05.2026, 14-05-2026
    `${day} ${month} ${year}`,
    // 2026-05-14, 2026/05/14
    `${date.year} ${month} ${day}`,
  ];
  if (date.day > 12) forms.push(`${month} ${day} ${year}`);
  return `(?<![0-9])(?:${forms.join('|')})(?![0-9])`;
}
