import { getObjectError, getRunStatus } from './knowledge';
import { recognize } from './recognize';
import { isStepId, type Finding, type StepId } from './types';

/** What a `status <code>` or `version <build>` command found, and the step that covers it. */
export interface LookUp {
  finding: Finding;
  step: StepId;
}

/** A run status or an object error code and its step; null when unknown or outside MIM Sync. */
export function lookUpCode(code: string): LookUp | null {
  const found = recognize(code).findings.find((f) => f.kind === 'run-status' || f.kind === 'object-error');
  if (!found) return null;
  const entry = found.kind === 'run-status' ? getRunStatus(found.value) : getObjectError(found.value);
  if (!entry || entry.step === 'out-of-scope') return null;
  return { finding: found, step: entry.step };
}

/** A MIM Sync or a generic connector build and the update step for it; null when it is neither. */
export function lookUpBuild(build: string): LookUp | null {
  const found = recognize(build).findings.find((f) => f.kind === 'mim-build' || f.kind === 'connector-build');
  if (!found) return null;
  return { finding: found, step: found.kind === 'mim-build' ? 'update-mim' : 'update-connectors' };
}

/** The step a run status points to, when it points to one (a status picked from the question). */
export function stepOfRunStatus(code: string): StepId | null {
  const step = getRunStatus(code)?.step;
  return step && isStepId(step) ? step : null;
}
