import type { RunHistoryReading } from './run-history-types';

/** The short shape a CLI prints per run: who ran what, how each step ended, errors per error-type. */
export interface RunSummary {
  ma: string | null;
  profile: string | null;
  number: number | null;
  steps: { number: number | null; type: string | null; result: string | null }[];
  errorTypes: Record<string, number>;
}

/** Key used in errorTypes for errors that carried no error-type (a bare cd-error paste). */
export const UNSPECIFIED_ERROR_TYPE = '(unspecified)';

export function summarizeRunHistory(reading: RunHistoryReading): RunSummary[] {
  return reading.runs.map((run) => {
    const errorTypes: Record<string, number> = {};
    for (const step of run.steps) {
      for (const group of step.errorGroups) {
        const key = group.errorType ?? UNSPECIFIED_ERROR_TYPE;
        errorTypes[key] = (errorTypes[key] ?? 0) + group.count;
      }
    }
    return {
      ma: run.maName,
      profile: run.runProfile,
      number: run.runNumber,
      steps: run.steps.map((s) => ({ number: s.stepNumber, type: s.stepType, result: s.result })),
      errorTypes,
    };
  });
}
