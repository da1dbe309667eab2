/** What a case opened from a run alert records: the run's codes as the case's findings. */
import type { FindingsSummary } from '../escalation/case';
import type { RunAlert } from './watch-store';

/** One alert opens one case: a second click, or a click on its card in another channel, finds it. */
export function alertSubmissionId(alertId: string): string {
  return `run-alert:${alertId}`;
}

export function findingsOfAlert(alert: RunAlert): FindingsSummary {
  const last = alert.last;
  return {
    stepId: last.step,
    symptoms: [],
    statusCodes: [alert.result],
    objectCodes: [...new Set(last.errors.map((e) => e.errorType).filter((t) => t !== 'unspecified'))],
    eventIds: [],
    exceptions: [],
    mimBuild: null,
    connector: null,
    connectorBuilds: [],
  };
}
