/**
 * An order on step-result values, so a run with several steps can be summed up by its worst one:
 * success and completed-no-objects are fine, completed-* finished with warnings or object errors,
 * stopped-* and no-start-* mean the step did not do its work.
 */

export const STEP_RESULT_RANKS = {
  ok: 0,
  inProgress: 1,
  completedWithIssues: 2,
  unknown: 3,
  failed: 4,
} as const;

export type StepResultRank = (typeof STEP_RESULT_RANKS)[keyof typeof STEP_RESULT_RANKS];

export function stepResultRank(result: string): StepResultRank {
  const r = result.trim().toLowerCase();
  if (r === 'success' || r === 'completed-no-objects') return STEP_RESULT_RANKS.ok;
  if (r === 'in-progress') return STEP_RESULT_RANKS.inProgress;
  if (r.startsWith('completed-')) return STEP_RESULT_RANKS.completedWithIssues;
  if (r.startsWith('stopped-') || r.startsWith('no-start-')) return STEP_RESULT_RANKS.failed;
  // A value we do not know (a newer build, a typo in a paste) sits below any stop, above warnings.
  return STEP_RESULT_RANKS.unknown;
}

/** The worst of the given results; the first one wins a tie. null when there is none. */
export function worstStepResult(results: Iterable<string | null>): string | null {
  let worst: string | null = null;
  let worstRank = -1;
  for (const result of results) {
    if (result === null || result.trim() === '') continue;
    const rank = stepResultRank(result);
    if (rank > worstRank) {
      worst = result;
      worstRank = rank;
    }
  }
  return worst;
}
