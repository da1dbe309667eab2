import { formatDay, formatMonth, when } from '../../src/i18n/dates';

describe('dates in words', () => {
  it('formats months in both languages', () => {
    expect(formatMonth('2019-10', 'en')).toBe('October 2019');
    expect(formatMonth('2023-10-03', 'da')).toBe('oktober 2023');
    expect(formatMonth('2021', 'en')).toBe('2021');
  });

  it('formats days in both languages, and a date without a day as its month', () => {
    expect(formatDay('2029-01-09', 'en')).toBe('9 January 2029');
    expect(formatDay('2029-01-09', 'da')).toBe('9. januar 2029');
    expect(formatDay('2022-10', 'en')).toBe('October 2022');
  });

  it('writes every month name of both languages', () => {
    const months = (lang: 'en' | 'da') =>
      Array.from({ length: 12 }, (_, i) => formatMonth(`2020-${String(i + 1).padStart(2, '0')}`, lang));
    expect(months('en')[2]).toBe('March 2020');
    expect(months('da')).toEqual(
      [
        'januar',
        'februar',
        'marts',
        'april',
        'maj',
        'juni',
        'juli',
        'august',
        'september',
        'oktober',
        'november',
        'december',
      ].map((m) => `${m} 2020`),
    );
  });

  it('writes case times in UTC, the same in both languages', () => {
    expect(when('2024-05-01T10:00:30Z')).toBe('2024-05-01 10:00 UTC');
    expect(when(null)).toBe('');
    expect(when('not a date')).toBe('not a date');
  });
});
