/**
 * Dates of birth as people write them: "14 May 2026", "14th May 2026", "14th of May 2026",
 * "14/05/2026", "14/5/26", "14.05.2026", "14-05-2026", "2026-05-14", "May 14, 2026", "14May2026".
 * Numeric dates are read day first (the UK's order); a month-first form ("05/14/2026") is matched
 * too when the day is above 12, where it cannot be another date.
 */
import { foldPhrase } from './folded-text';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Written forms of each month: full, three letters, and "sept". */
const monthForms = (month: number): string[] => {
  const full = MONTHS[month - 1]!;
  return [...new Set([full, full.slice(0, 3), ...(month === 9 ? ['sept'] : [])])];
};

const validDate = (year: number, month: number, day: number): CalendarDate | undefined => {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
};

const fourDigitYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * A date of birth written in one of the forms above (two-digit years read as 20xx), or undefined.
 * Used to check a register entry and to build its patterns.
 */
export function parseDateOfBirth(text: string): CalendarDate | undefined {
  const t = text.trim().toLowerCase().replace(/[,]/g, ' ').replace(/\s+/g, ' ');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(t);
  if (m) return validDate(fourDigitYear(m[3]!), Number(m[2]), Number(m[1]));
  const monthOf = (word: string) => {
    const i = MONTHS.findIndex((name) => word.length >= 3 && name.startsWith(word.replace(/\.$/, '')));
    return i < 0 ? undefined : i + 1;
  };
  m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+\.?) (\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? validDate(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? validDate(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
}

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
