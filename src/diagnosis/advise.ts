import { getEventId, getObjectError, getRunStatus } from './knowledge';
import { EXCEPTION_MEANINGS } from './knowledge/exceptions';
import { getStep } from './knowledge/steps';
import { REFINE_AFTER, type QuestionId } from './triage-tree';
import { versionGaps, type VersionGap } from './version-gap';
import type {
  ConnectorId,
  EventIdInfo,
  Finding,
  Localized,
  ObjectError,
  RunStatus,
  Step,
  StepId,
} from './types';

/** What is known about the case so far: findings from messages plus answers to questions. */
export interface CaseFacts {
  findings: Finding[];
  mimBuild: string | null;
  connector: ConnectorId | null;
  statusCode: string | null;
}

export interface Advice {
  step: Step;
  runStatus: RunStatus | null;
  objectError: ObjectError | null;
  events: { id: number; info: EventIdInfo | null }[];
  exceptions: { name: string; meaning: Localized | null }[];
  mimBuild: string | null;
  connectorBuild: string | null;
  /** Where the MIM and connector builds stand against their version histories. */
  versions: VersionGap[];
  /** Findings worth showing back to the user ("what I recognised"). */
  recognised: Finding[];
  /** The question that would sharpen this advice, if its answer is still missing. */
  refine: Exclude<QuestionId, 'clarify' | 'symptom'> | null;
}

export function emptyFacts(): CaseFacts {
  return { findings: [], mimBuild: null, connector: null, statusCode: null };
}

/** Which steps to try next when a step did not help, in order. Data, not code paths. */
const FALLBACK: Readonly<Record<StepId, readonly StepId[]>> = {
  'update-mim': [],
  'update-connectors': ['update-mim'],
  'run-error-codes': ['update-mim'],
  'extension-dll-exception': ['run-error-codes', 'update-mim'],
  'pcns-6025': ['update-mim'],
  'fim-ma-slow-full-sync': ['update-mim'],
  'fim-ma-failed-creation': ['run-error-codes', 'update-mim'],
};

const SHOWN_KINDS = new Set<Finding['kind']>([
  'run-status',
  'object-error',
  'event-id',
  'mim-build',
  'connector-build',
  'connector',
  'exception',
  'hresult',
]);

function first(findings: readonly Finding[], kind: Finding['kind']): Finding | undefined {
  let best: Finding | undefined;
  for (const f of findings) if (f.kind === kind && (!best || f.confidence > best.confidence)) best = f;
  return best;
}

function isSlotFilled(question: Exclude<QuestionId, 'clarify' | 'symptom'>, facts: CaseFacts): boolean {
  switch (question) {
    case 'mimBuild':
      return facts.mimBuild !== null || facts.findings.some((f) => f.kind === 'mim-build');
    case 'connector':
      return (
        facts.connector !== null ||
        facts.findings.some((f) => f.kind === 'connector' || f.kind === 'connector-build')
      );
    case 'runStatus':
      return (
        facts.statusCode !== null ||
        facts.findings.some((f) => f.kind === 'run-status' || f.kind === 'object-error')
      );
  }
}

/** What the user told us by answering questions, shown like what we recognised. */
function answeredFacts(facts: CaseFacts): Finding[] {
  const told: Finding[] = [];
  const has = (kind: Finding['kind']) => facts.findings.some((f) => f.kind === kind);
  if (facts.connector && !has('connector')) {
    told.push({ kind: 'connector', value: facts.connector, raw: facts.connector, confidence: 1 });
  }
  if (facts.statusCode && !has('run-status')) {
    told.push({ kind: 'run-status', value: facts.statusCode, raw: facts.statusCode, confidence: 1 });
  }
  if (facts.mimBuild && !has('mim-build')) {
    told.push({ kind: 'mim-build', value: facts.mimBuild, raw: facts.mimBuild, confidence: 1 });
  }
  return told;
}

/** Turn a chosen step and the facts of the case into advice: the step plus everything known that bears on it. */
export function advise(
  stepId: StepId,
  facts: CaseFacts,
  askedAlready: readonly QuestionId[] = [],
  now: Date = new Date(),
): Advice {
  const { findings } = facts;
  const mimBuild = facts.mimBuild ?? first(findings, 'mim-build')?.value ?? null;
  const connectorBuild = first(findings, 'connector-build')?.value ?? null;
  const statusCode = facts.statusCode ?? first(findings, 'run-status')?.value ?? null;
  const objectCode = first(findings, 'object-error')?.value ?? null;
  const refine = REFINE_AFTER[stepId] ?? null;
  return {
    step: getStep(stepId),
    runStatus: statusCode ? (getRunStatus(statusCode) ?? null) : null,
    objectError: objectCode ? (getObjectError(objectCode) ?? null) : null,
    events: findings
      .filter((f) => f.kind === 'event-id')
      .map((f) => ({ id: Number(f.value), info: getEventId(Number(f.value)) ?? null })),
    exceptions: findings
      .filter((f) => f.kind === 'exception')
      .map((f) => ({ name: f.raw, meaning: EXCEPTION_MEANINGS[f.value] ?? null })),
    mimBuild,
    connectorBuild,
    versions: versionGaps(mimBuild, connectorBuild, now),
    recognised: [...findings.filter((f) => SHOWN_KINDS.has(f.kind)), ...answeredFacts(facts)],
    refine: refine && !isSlotFilled(refine, facts) && !askedAlready.includes(refine) ? refine : null,
  };
}

/**
 * The next step to suggest after `current` did not help, skipping what was already shown: the other
 * plausible candidates first, then the fallbacks of the step the case started with, then of `current`.
 */
export function nextStep(
  current: StepId,
  shown: readonly StepId[],
  ranked: readonly StepId[],
): StepId | null {
  const tried = new Set([...shown, current]);
  const origin = shown[0] ?? current;
  for (const step of [...ranked, ...FALLBACK[origin], ...FALLBACK[current]])
    if (!tried.has(step)) return step;
  return null;
}
