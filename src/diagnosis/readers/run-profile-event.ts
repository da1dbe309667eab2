/**
 * The Sync service's run-profile events (6050 and its relatives) name the MA and the run profile in
 * quotes and end with error counts:
 *   The management agent "X" failed on run profile "Y" because of connectivity issues.
 *   Additional Information / Discovery Errors : "0" / ... / Warnings : "0"
 * Reads those facts out of the description; the wording around them is MIM's, not ours.
 */

export interface RunProfileEventCounts {
  discoveryErrors: number | null;
  synchronizationErrors: number | null;
  metaverseRetryErrors: number | null;
  exportErrors: number | null;
  warnings: number | null;
}

export interface RunProfileEventFacts {
  maName: string | null;
  runProfile: string | null;
  /** "failed on run profile" or "step execution completed on run profile". */
  outcome: 'failed' | 'completed' | null;
  /** The rest of the first sentence: "because of connectivity issues", "with errors". */
  reason: string | null;
  counts: RunProfileEventCounts;
}

const MA = /management agent\s+["“]([^"”\r\n]+)["”]/i;
/** The profile name, then the rest of its sentence (PowerShell may have wrapped it onto the next line). */
const PROFILE = /run profile\s+["“]([^"”\r\n]+)["”]([^.]*)/i;

const COUNT_LABELS: readonly [keyof RunProfileEventCounts, RegExp][] = [
  ['discoveryErrors', /^\s*Discovery Errors\s*:\s*["“]?(\d+)/im],
  ['synchronizationErrors', /^\s*Synchronization Errors\s*:\s*["“]?(\d+)/im],
  ['metaverseRetryErrors', /^\s*Metaverse Retry Errors\s*:\s*["“]?(\d+)/im],
  ['exportErrors', /^\s*Export Errors\s*:\s*["“]?(\d+)/im],
  ['warnings', /^\s*Warnings\s*:\s*["“]?(\d+)/im],
];

/** null when the description names neither an MA nor a run profile. */
export function readRunProfileEvent(description: string): RunProfileEventFacts | null {
  const ma = MA.exec(description);
  const profile = PROFILE.exec(description);
  if (!ma && !profile) return null;
  const counts: RunProfileEventCounts = {
    discoveryErrors: null,
    synchronizationErrors: null,
    metaverseRetryErrors: null,
    exportErrors: null,
    warnings: null,
  };
  for (const [key, pattern] of COUNT_LABELS) {
    const m = pattern.exec(description);
    if (m) counts[key] = Number(m[1]);
  }
  let outcome: RunProfileEventFacts['outcome'] = null;
  if (/failed on run profile/i.test(description)) outcome = 'failed';
  else if (/completed on run profile/i.test(description)) outcome = 'completed';
  const reason = profile ? profile[2].replace(/\s+/g, ' ').trim() : '';
  return {
    maName: ma ? ma[1].trim() : null,
    runProfile: profile ? profile[1].trim() : null,
    outcome,
    reason: reason === '' ? null : reason,
    counts,
  };
}
