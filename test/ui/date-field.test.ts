/**
 * The date field reads and writes dates day first, as people in England write them, whatever the
 * browser's language, and turns them into the core's ISO dates without moving the day.
 */
import { dateToIso, formatGbDate, isoToDate, parseGbDate } from '../../src/ui/shell/DateField';

const iso = (text: string) => {
  const date = parseGbDate(text);
  return date ? dateToIso(date) : null;
};

describe('the en-GB date field', () => {
  test.each([
    ['3/4/2026', '2026-04-03'],
    ['03/04/2026', '2026-04-03'],
    ['3.4.26', '2026-04-03'],
    ['03-04-2026', '2026-04-03'],
    [' 2026-04-03 ', '2026-04-03'],
    ['29/02/2028', '2028-02-29'],
  ])('"%s" is %s (day first)', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  test.each(['31/02/2026', '29/02/2027', '13/13/2026', '2026-02-30', 'April', '', '3/4', '04/03/2026x'])(
    '"%s" is not a date',
    (text) => {
      expect(parseGbDate(text)).toBeNull();
    },
  );

  test('shows the date as dd/mm/yyyy', () => {
    expect(formatGbDate(isoToDate('2026-03-29'))).toBe('29/03/2026');
    expect(formatGbDate(undefined)).toBe('');
  });

  test('an ISO date goes in and comes out unchanged across the change to summer time', () => {
    for (const day of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25', '2026-10-26']) {
      const date = isoToDate(day);
      expect(date && dateToIso(date)).toBe(day);
    }
  });
});
