/**
 * Event times as Windows prints them, to ISO 8601. Event Viewer and PowerShell print local time in the
 * machine's culture: en-US "2/3/2024 2:05:11 PM" (month first), da-DK "03-02-2024 14:05:11" (day first),
 * and the XML view gives UTC ("2024-02-03T13:05:11.1234567Z"). Local times come back without a zone.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:?\d{2})?$/;
const NUMERIC =
  /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}),?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,](\d+))?\s*([AaPp]\.?[Mm]\.?)?$/;

export function eventTimeToIso(raw: string): string | null {
  const value = raw.trim().replace(/\u200e|\u200f/g, ''); // Event Viewer copies carry LTR marks around dates
  const iso = ISO.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    if (!valid(+y, +mo, +d, +h, +mi, +s)) return null;
    const ms = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : '';
    const z =
      zone === undefined
        ? ''
        : zone === 'Z'
          ? 'Z'
          : zone.length === 5
            ? `${zone.slice(0, 3)}:${zone.slice(3)}`
            : zone;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${z}`;
  }
  const m = NUMERIC.exec(value);
  if (!m) return null;
  const [, a, separator, b, y, hh, mi, ss, frac, ampm] = m;
  let hour = Number(hh);
  if (ampm) {
    const pm = ampm[0].toLowerCase() === 'p';
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  // A 12-hour clock or slashes with a 12-hour clock mean en-US (month first); otherwise day first,
  // unless one of the two numbers can only be a day.
  let monthFirst = Boolean(ampm) && separator === '/';
  if (Number(a) > 12) monthFirst = false;
  else if (Number(b) > 12) monthFirst = true;
  const month = Number(monthFirst ? a : b);
  const day = Number(monthFirst ? b : a);
  const sec = ss === undefined ? 0 : Number(ss);
  if (!valid(Number(y), month, day, hour, Number(mi), sec)) return null;
  const ms = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : '';
  return `${y}-${pad(month)}-${pad(day)}T${pad(hour)}:${mi}:${pad(sec)}${ms}`;
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
