/**
 * Working days in England and Wales: not a weekend, not a bank holiday. Bank holidays follow the
 * rules of the Banking and Financial Dealings Act 1971 and the annual proclamations: computed for
 * any year, with a table for the days that were moved or added by proclamation. A new one-off
 * (a jubilee, a state funeral) must be added to the table when it is announced.
 */
import { z } from 'zod';
import { addDays, dateOf, dayOfWeek, daysBetween, isWeekend } from '../dates';
import { IsoDate } from '../model/common';

export const BankHoliday = z.object({ date: IsoDate, name: z.string() });
export type BankHoliday = z.infer<typeof BankHoliday>;

/** Usual date -> the date it moved to that year. */
const MOVED: Readonly<Record<IsoDate, IsoDate>> = {
  '1995-05-01': '1995-05-08', // VE Day 50th anniversary
  '2002-05-27': '2002-06-04', // Golden Jubilee
  '2012-05-28': '2012-06-04', // Diamond Jubilee
  '2020-05-04': '2020-05-08', // VE Day 75th anniversary
  '2022-05-30': '2022-06-02', // Platinum Jubilee
};

const ONE_OFF: readonly BankHoliday[] = [
  { date: '1999-12-31', name: 'Millennium celebrations' },
  { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  { date: '2011-04-29', name: 'Royal wedding bank holiday' },
  { date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
];

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return dateOf(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

const firstMonday = (year: number, month: number): IsoDate => {
  const first = dateOf(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
};

const lastMonday = (year: number, month: number): IsoDate => {
  const last = dateOf(year, month + 1, 0);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
};

/**
 * Fixed-date holidays that fall at a weekend move to the next weekday not already a holiday:
 * Christmas on a Saturday gives Monday 27 and (for Boxing Day) Tuesday 28 December.
 */
function withSubstitutes(holidays: readonly BankHoliday[]): BankHoliday[] {
  const taken = new Set(holidays.filter((h) => !isWeekend(h.date)).map((h) => h.date));
  return holidays.map((holiday) => {
    if (!isWeekend(holiday.date)) return holiday;
    let date = holiday.date;
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    return { date, name: `${holiday.name} (substitute day)` };
  });
}

/** The England and Wales bank holidays of a year, in date order. */
export function bankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const byRule: BankHoliday[] = [
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
  ];
  return [
    ...withSubstitutes([
      { date: dateOf(year, 1, 1), name: "New Year's Day" },
      { date: dateOf(year, 12, 25), name: 'Christmas Day' },
      { date: dateOf(year, 12, 26), name: 'Boxing Day' },
    ]),
    ...byRule.map((holiday) => ({ ...holiday, date: MOVED[holiday.date] ?? holiday.date })),
    ...ONE_OFF.filter((holiday) => holiday.date.startsWith(`${year}-`)),
  ].sort((x, y) => x.date.localeCompare(y.date));
}

const holidayDates = new Map<number, ReadonlySet<IsoDate>>();

/** A year's bank holiday dates, worked out once. */
function holidaysOf(year: number): ReadonlySet<IsoDate> {
  let dates = holidayDates.get(year);
  if (!dates) {
    dates = new Set(bankHolidays(year).map((holiday) => holiday.date));
    holidayDates.set(year, dates);
  }
  return dates;
}

const isBankHoliday = (date: IsoDate): boolean => holidaysOf(Number(date.slice(0, 4))).has(date);

export const isWorkingDay = (date: IsoDate): boolean => !isWeekend(date) && !isBankHoliday(date);

/** The date `days` working days after `date` ("within 5 working days of 7 September" = by 14 September). */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Cannot add ${days} working days.`);
  let result = date;
  for (let left = days; left > 0;) {
    result = addDays(result, 1);
    if (isWorkingDay(result)) left -= 1;
  }
  return result;
}

/**
 * Working days after `from` up to and including `to`; 0 when `to` is not after `from`. Counted by
 * whole weeks and then the bank holidays in between, not day by day: the dashboard asks it for
 * every conversation of a review, some of them years back.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const days = daysBetween(from, to);
  if (days <= 0) return 0;
  let weekdays = Math.floor(days / 7) * 5;
  // The last part-week: at most six days, after the whole weeks.
  for (let date = addDays(from, days - (days % 7) + 1); date <= to; date = addDays(date, 1))
    if (!isWeekend(date)) weekdays += 1;
  let holidays = 0;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1)
    for (const date of holidaysOf(year)) if (date > from && date <= to && !isWeekend(date)) holidays += 1;
  return weekdays - holidays;
}
