import type { EscalationCase } from './case';

const DAY_MS = 86_400_000;

/**
 * Whether opening one more case would pass the requester's daily cap: cases they opened in the
 * last 24 hours count, whatever became of them. A submission that already opened one of them is a
 * repeat (double click, redelivery), which opens nothing new and is never refused.
 */
export function overDailyCaseLimit(
  theirCases: readonly EscalationCase[],
  submissionId: string,
  now: number,
  perDay: number,
): boolean {
  if (theirCases.some((c) => c.submissionId === submissionId)) return false;
  const since = now - DAY_MS;
  return theirCases.filter((c) => Date.parse(c.createdAt) > since).length >= perDay;
}
