import { eventTimeToIso } from '../../../src/diagnosis/readers/event-time';

describe('eventTimeToIso', () => {
  it.each([
    ['en-US, 12-hour clock, month first', '2/3/2024 2:05:11 PM', '2024-02-03T14:05:11'],
    ['en-US midnight', '11/15/2023 12:01:09 AM', '2023-11-15T00:01:09'],
    ['en-US noon', '11/15/2023 12:01:09 PM', '2023-11-15T12:01:09'],
    ['da-DK, day first with dashes', '03-02-2024 14:05:11', '2024-02-03T14:05:11'],
    ['da-DK with dots in the time', '03-02-2024 14.05.11', '2024-02-03T14:05:11'],
    ['en-GB, slashes and a 24-hour clock: day first', '03/02/2024 14:05:11', '2024-02-03T14:05:11'],
    ['fi/de, dots', '17.2.2010 9:23:03', '2010-02-17T09:23:03'],
    ['a day above 12 settles the order', '2/13/2024 14:05:11', '2024-02-13T14:05:11'],
    ['XML view SystemTime, 7 decimals', '2024-02-03T14:05:11.4632451Z', '2024-02-03T14:05:11.463Z'],
    ['XML view SystemTime, 9 decimals', '2024-03-12T01:00:42.000000000Z', '2024-03-12T01:00:42.000Z'],
    ['ISO with an offset', '2024-02-03T15:05:11+0100', '2024-02-03T15:05:11+01:00'],
    ['Event Viewer left-to-right marks', '\u200e2/3/2024 2:05:11 PM\u200e', '2024-02-03T14:05:11'],
  ])('%s', (_name, raw, iso) => {
    expect(eventTimeToIso(raw)).toBe(iso);
  });

  it.each([
    ['Feb 03 14:05'],
    ['31-02-2024 10:00:00'],
    ['13/13/2024 10:00:00'],
    ['2/3/2024 13:05:11 PM'],
    ['yesterday'],
  ])('null for what cannot be dated: %s', (raw) => {
    expect(eventTimeToIso(raw)).toBeNull();
  });
});
