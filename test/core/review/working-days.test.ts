import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  bankHolidays,
  dayOfWeek,
  isWorkingDay,
  workingDaysBetween,
} from '../../../src/core';

const datesOf = (year: number) => bankHolidays(year).map((holiday) => holiday.date);

describe('England and Wales bank holidays', () => {
  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-04-18',
        '2025-04-21',
        '2025-05-05',
        '2025-05-26',
        '2025-08-25',
        '2025-12-25',
        '2025-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-03-26',
        '2027-03-29',
        '2027-05-03',
        '2027-05-31',
        '2027-08-30',
        '2027-12-27',
        '2027-12-28',
      ],
    ],
  ])('match the official list for %i', (year, expected) => {
    expect(datesOf(year)).toEqual(expected);
  });

  it('substitute a weekend Christmas and Boxing Day in the official order', () => {
    expect(bankHolidays(2021).slice(-2)).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
    expect(bankHolidays(2022).slice(-2)).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
  });

  it('substitute a weekend New Year', () => {
    expect(datesOf(2022)[0]).toBe('2022-01-03');
    expect(datesOf(2023)[0]).toBe('2023-01-02');
  });

  it('follow the proclamations that moved or added days', () => {
    expect(datesOf(2020)).toContain('2020-05-08');
    expect(datesOf(2020)).not.toContain('2020-05-04');
    expect(datesOf(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(datesOf(2022)).not.toContain('2022-05-30');
    expect(datesOf(2023)).toEqual(expect.arrayContaining(['2023-05-01', '2023-05-08']));
  });

  it.each([
    [2019, '2019-04-19'],
    [2024, '2024-03-29'],
    [2038, '2038-04-23'],
  ])('put Good Friday %i on %s', (year, goodFriday) => {
    expect(datesOf(year)).toContain(goodFriday);
  });
});

describe('working days', () => {
  it('skip the Christmas holidays', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1);
  });

  it('count nothing when the end is not after the start', () => {
    expect(workingDaysBetween('2026-09-14', '2026-09-14')).toBe(0);
    expect(workingDaysBetween('2026-09-14', '2026-09-07')).toBe(0);
  });

  it('refuse a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-09-07', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-09-07', 1.5)).toThrow(RangeError);
  });

  const anyDate = fc
    .date({
      min: new Date('2015-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));
  const someDays = fc.integer({ min: 1, max: 200 });

  it('never land on a weekend or a bank holiday', () => {
    fc.assert(
      fc.property(anyDate, someDays, (date, days) => {
        const result = addWorkingDays(date, days);
        return (
          isWorkingDay(result) &&
          dayOfWeek(result) % 6 !== 0 &&
          !datesOf(Number(result.slice(0, 4))).includes(result)
        );
      }),
    );
  });

  it('are monotonic and agree with workingDaysBetween', () => {
    fc.assert(
      fc.property(anyDate, someDays, someDays, (date, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        return (
          addWorkingDays(date, fewer) <= addWorkingDays(date, more) &&
          (fewer === more || addWorkingDays(date, fewer) < addWorkingDays(date, more)) &&
          workingDaysBetween(date, addWorkingDays(date, more)) === more
        );
      }),
    );
  });

  it('counts the same as going day by day, across years and bank holidays', () => {
    const dayByDay = (from: string, to: string) => {
      let count = 0;
      for (let date = addDays(from, 1); date <= to; date = addDays(date, 1))
        if (isWorkingDay(date)) count += 1;
      return count;
    };
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -20, max: 1500 }), (from, days) => {
        const to = addDays(from, days);
        return workingDaysBetween(from, to) === dayByDay(from, to);
      }),
    );
    // Christmas to New Year 2026: 25, 26 (Saturday: Monday 28 substitute) and 1 January.
    expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(dayByDay('2026-12-24', '2027-01-04'));
  });
});
