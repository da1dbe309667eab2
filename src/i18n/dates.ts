import type { Lang } from '../diagnosis/types';

/** The locale whose calendar words each language uses: British English writes "9 January 2029". */
const LOCALES: Record<Lang, string> = { en: 'en-GB', da: 'da-DK' };

// Formatters are costly to build and hold no state: one per language and pattern.
const monthYear = formatters({ month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayMonthYear = formatters({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function formatters(options: Intl.DateTimeFormatOptions): Record<Lang, Intl.DateTimeFormat> {
  return {
    en: new Intl.DateTimeFormat(LOCALES.en, options),
    da: new Intl.DateTimeFormat(LOCALES.da, options),
  };
}

/** The parts of an ISO date (yyyy-mm or yyyy-mm-dd); null when the month is not 1..12. */
function parts(isoDate: string): { year: number; month: number; day: number | null } | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(isoDate);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : null };
}

/** "2021-03-17" -> "March 2021" / "marts 2021". */
export function formatMonth(isoDate: string, lang: Lang): string {
  const p = parts(isoDate);
  return p ? monthYear[lang].format(Date.UTC(p.year, p.month - 1, 1)) : isoDate;
}

/** "2029-01-09" -> "9 January 2029" / "9. januar 2029"; a date without a day as its month. */
export function formatDay(isoDate: string, lang: Lang): string {
  const p = parts(isoDate);
  if (!p || p.day === null) return formatMonth(isoDate, lang);
  return dayMonthYear[lang].format(Date.UTC(p.year, p.month - 1, p.day));
}

/** "2024-05-01 10:00 UTC": one format for both languages, for case times. */
export function when(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
