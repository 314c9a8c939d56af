/**
 * Dates of birth as people write them: "14 May 2026", "14th May 2026", "14th of May 2026",
 * "14/05/2026", "14/5/26", "14.05.2026", "14-05-2026", "2026-05-14", "May 14, 2026", "14May2026".
 * Numeric dates are read day first (the UK's order). This module reads a register entry's date
 * (the model checks entries with it); date-of-birth-pattern.ts finds the date in text.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const MONTHS = [
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
export const monthForms = (month: number): string[] => {
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
