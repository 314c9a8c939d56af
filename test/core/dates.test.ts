import { addMonths, DomainError, formatDate } from '../../src/core';

describe('dates', () => {
  it.each([
    ['2026-10-05', '5 October 2026'],
    ['2026-07-01', '1 July 2026'],
    ['2026-03-29', '29 March 2026'],
    ['2026-12-31', '31 December 2026'],
  ])('formats %s as "%s" for UK readers', (date, text) => {
    expect(formatDate(date)).toBe(text);
  });

  it('adds calendar months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-10-05', 6)).toBe('2027-04-05');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('refuses text that is not a date', () => {
    expect(() => formatDate('next Tuesday')).toThrow(
      new DomainError('"next Tuesday" is not a date written as YYYY-MM-DD.'),
    );
  });
});
