/**
 * What an alert needs to know about one run, taken from the run-history reader's RunDetails: small,
 * plain data that is stored with the alert and rendered later (the card is drawn at send time).
 */
import { diagnoseRunHistory } from '../diagnosis/diagnose';
import type { ErrorGroup, RunDetails, RunHistoryReading, StepDetails } from '../diagnosis/readers';
import { stepResultRank } from '../diagnosis/readers';
import type { StepId } from '../diagnosis/types';

export interface RunErrorFacts {
  errorType: string;
  count: number;
  /** The first object MIM listed with this error. */
  exampleDn: string | null;
  /** The first cd-error code of the group (a connector's own code, such as an LDAP result). */
  cdErrorCode: string | null;
  /** The first error text MIM or the connector gave for it (error-literal, else server-error-detail). */
  errorText: string | null;
}

export interface RunFacts {
  maId: string | null;
  maName: string | null;
  profile: string | null;
  number: number | null;
  /** ISO 8601: the latest end-date of its steps (null when MIM wrote none). */
  endedAt: string | null;
  /** The worst step result (see step-results.ts). */
  result: string | null;
  failedStep: { number: number | null; type: string | null; result: string | null } | null;
  /** The failed step's connection, when it did not succeed. */
  connection: { result: string; server: string | null } | null;
  /** The largest error groups over all steps, largest first. */
  errors: RunErrorFacts[];
  totalErrors: number;
  /** The recommended step for this run, null when the run's codes point to none. */
  step: StepId | null;
}

/** Error groups kept per run: a card shows a few; the count says how many there were. */
export const MAX_ERROR_GROUPS = 3;

export function runFactsOf(run: RunDetails): RunFacts {
  const failed = worstStep(run.steps);
  const byType = new Map<string, RunErrorFacts>();
  let totalErrors = 0;
  for (const step of run.steps) {
    for (const group of step.errorGroups) {
      totalErrors += group.count;
      const errorType = group.errorType ?? 'unspecified';
      const known = byType.get(errorType);
      if (known) {
        known.count += group.count;
        continue;
      }
      byType.set(errorType, {
        errorType,
        count: group.count,
        exampleDn: group.firstDns[0] ?? group.examples[0]?.dn ?? null,
        cdErrorCode: group.cdErrors[0]?.code ?? null,
        errorText: errorTextOf(group),
      });
    }
  }
  const decision = diagnoseRunHistory(readingOf(run));
  return {
    maId: run.maId,
    maName: run.maName,
    profile: run.runProfile,
    number: run.runNumber,
    endedAt: latestEnd(run.steps),
    result: run.worstResult,
    failedStep: failed && { number: failed.stepNumber, type: failed.stepType, result: failed.result },
    connection: connectionOf(failed),
    errors: [...byType.values()].sort((a, b) => b.count - a.count).slice(0, MAX_ERROR_GROUPS),
    totalErrors,
    step: decision.route === 'out-of-scope' ? null : decision.route,
  };
}

/** Kept short: a card shows a line of it, the case keeps what MIM wrote in the run history. */
const MAX_ERROR_TEXT = 300;

function errorTextOf(group: ErrorGroup): string | null {
  const tally = group.cdErrors.find((c) => c.literal || c.serverErrorDetail);
  const example = group.examples.find((e) => e.cdError?.literal || e.cdError?.serverErrorDetail)?.cdError;
  const text =
    tally?.literal ?? tally?.serverErrorDetail ?? example?.literal ?? example?.serverErrorDetail ?? null;
  return text ? text.replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_TEXT) : null;
}

function connectionOf(step: StepDetails | null): RunFacts['connection'] {
  const connection = step?.connection;
  if (!connection?.connectionResult || connection.connectionResult === 'success') return null;
  return { result: connection.connectionResult, server: connection.server };
}

function worstStep(steps: readonly StepDetails[]): StepDetails | null {
  let worst: StepDetails | null = null;
  for (const step of steps) {
    if (!step.result || stepResultRank(step.result) <= stepResultRank('success')) continue;
    if (!worst || stepResultRank(step.result) > stepResultRank(worst.result ?? 'success')) worst = step;
  }
  return worst;
}

function latestEnd(steps: readonly StepDetails[]): string | null {
  let latest: string | null = null;
  let latestMs = -Infinity;
  for (const step of steps) {
    const ms = step.endDate ? Date.parse(step.endDate) : NaN;
    if (Number.isFinite(ms) && ms > latestMs) {
      latestMs = ms;
      latest = new Date(ms).toISOString();
    }
  }
  return latest;
}

/** One run as a reading of its own, so the diagnosis sees this run's codes and no other's. */
function readingOf(run: RunDetails): RunHistoryReading {
  return {
    encoding: 'string',
    bom: false,
    recognised: true,
    roots: ['run-history'],
    runs: [run],
    truncated: false,
    dtdRefused: false,
    issues: [],
  };
}
