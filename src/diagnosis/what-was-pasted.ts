import { getObjectError, getRunStatus } from './knowledge';
import {
  readEventLog,
  readRunHistory,
  readStackTrace,
  stepResultRank,
  summarizeRunHistory,
  type EventRecord,
  type RunDetails,
  type RunHistoryReading,
  type RunSummary,
  type StackTraceReading,
  type StepDetails,
} from './readers';
import { isStepId, type Finding, type StepId } from './types';

/** What MIM wrote that the admin pasted, read as the documents they are. */
export interface Pasted {
  runs: RunSummary[];
  history: RunHistoryReading | null;
  events: EventRecord[];
  stack: StackTraceReading | null;
}

// Cheap looks before the readers run: most messages hold none of these.
const RUN_HISTORY_ELEMENT =
  /<(?:run-history|run-details|step-details|synchronization-errors|export-error|import-error|ma-connection|step-result|ma-discovery-errors|mv-retry-errors)\b/;
const EVENT_MARKERS =
  /\b(?:Event ID|EventID|Hændelses-id|ProviderName|EntryType|InstanceId|Log Name|Logfilnavn)\b|<Event[\s>]/;
const STACK_MARKERS = /^[ \t]*(?:at|ved) [\w.`<>[\]]+[.(]|--->|Stack Trace:/m;

export function readPasted(text: string): Pasted {
  const history = RUN_HISTORY_ELEMENT.test(text) ? readRunHistory(text) : null;
  const recognised = history?.recognised && history.runs.length > 0 ? history : null;
  const events = EVENT_MARKERS.test(text) ? readEventLog(text).events : [];
  const stack = STACK_MARKERS.test(text) ? readStackTrace(text) : null;
  return {
    runs: recognised ? summarizeRunHistory(recognised) : [],
    history: recognised,
    events: [...events],
    stack: stack && stack.exceptions.length > 0 ? stack : null,
  };
}

/**
 * A pasted exception that only carries a run's status as its message ("MAExecutionException:
 * stopped-connectivity"): a scheduler or script reporting how the run ended, not code that failed.
 * Returns the exception names to read as that report, none when any exception says more.
 */
export function statusOnlyExceptions(stack: StackTraceReading | null): Set<string> {
  if (!stack || stack.entryPoint) return new Set();
  const all = stack.exceptions;
  const reports = all.every(
    (e) => e.message !== null && getRunStatus(e.message.trim().toLowerCase()) !== undefined,
  );
  return reports ? new Set(all.map((e) => e.name.toLowerCase())) : new Set();
}

/**
 * The codes a run history holds, as findings: the error types of each step (object-level errors are
 * the most specific finding and outrank the run status they came with, routing rule 7 generalised),
 * then the result of each step that did not succeed. They replace the codes the word scan read in the
 * XML, where element names such as `cd-error` are not errors of their own.
 */
export function runHistoryFindings(history: RunHistoryReading): Finding[] {
  const findings = new Map<string, Finding>();
  const add = (kind: 'run-status' | 'object-error', value: string, count: number) => {
    const key = `${kind}:${value}`;
    const existing = findings.get(key);
    if (existing) existing.mentions = (existing.mentions ?? 1) + count;
    else findings.set(key, { kind, value, raw: value, confidence: 1, emphasis: 1, mentions: count });
  };
  for (const run of history.runs) {
    for (const step of run.steps) {
      for (const group of step.errorGroups) {
        if (group.errorType && getObjectError(group.errorType))
          add('object-error', group.errorType, group.count);
      }
      const result = step.result;
      if (result && getRunStatus(result) && stepResultRank(result) > stepResultRank('success'))
        add('run-status', result, 1);
    }
  }
  return [...findings.values()];
}

/** The step of a run history that failed worst, and the run it belongs to. */
export function failedStep(history: RunHistoryReading): { run: RunDetails; step: StepDetails } | null {
  let worst: { run: RunDetails; step: StepDetails; rank: number } | null = null;
  for (const run of history.runs) {
    for (const step of run.steps) {
      const rank = step.result ? stepResultRank(step.result) : stepResultRank('success');
      // A step whose errors were listed counts as failed even when the paste lacks its result.
      const effective =
        step.errorGroups.length > 0 ? Math.max(rank, stepResultRank('completed-errors')) : rank;
      if (effective > stepResultRank('success') && (!worst || effective > worst.rank))
        worst = { run, step, rank: effective };
    }
  }
  return worst && { run: worst.run, step: worst.step };
}

/**
 * Specific before generic: the step a pasted run history points to is that of the most frequent
 * error type of its worst step (an object-level error outranks the run status it came with), else
 * that of the step's result. Null when the history names neither or the bot does not cover it.
 */
export function stepOfRunHistory(history: RunHistoryReading): StepId | null {
  const failed = failedStep(history);
  if (!failed) return null;
  const groups = [...failed.step.errorGroups].sort((a, b) => b.count - a.count);
  for (const group of groups) {
    const step = group.errorType ? getObjectError(group.errorType)?.step : undefined;
    if (step && isStepId(step)) return step;
  }
  const step = failed.step.result ? getRunStatus(failed.step.result)?.step : undefined;
  return step && isStepId(step) ? step : null;
}
