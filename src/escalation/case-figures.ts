/** Case numbers a support lead asks for: how many were opened and taken, and how fast. No user data. */
import type { EscalationCase } from './case';

const DAY_MS = 86_400_000;

export interface CaseFigures {
  opened: number;
  taken: number;
  /** Median minutes from opening to taking, of the cases taken; null when none was. */
  medianMinutesToTake: number | null;
}

/** Cases opened in the last `days` days (counted from `now`). */
export function caseFigures(cases: readonly EscalationCase[], now: number, days: number): CaseFigures {
  const recent = cases.filter((c) => now - Date.parse(c.createdAt) < days * DAY_MS);
  const minutes = recent
    .filter((c) => c.takenAt !== null)
    .map((c) => (Date.parse(c.takenAt as string) - Date.parse(c.createdAt)) / 60_000)
    .filter((m) => Number.isFinite(m) && m >= 0)
    .sort((a, b) => a - b);
  return { opened: recent.length, taken: minutes.length, medianMinutesToTake: median(minutes) };
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value);
}
