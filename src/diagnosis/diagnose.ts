import { deepFreeze } from '../lib/deep-freeze';
import { LruCache } from '../lib/lru-cache';
import { decide } from './decide';
import { recognize } from './recognize';
import { planReply, type ReplyKind, type ReplyPlan } from './reply-plan';
import type { Decision, Finding, Recognition, Route, StepId } from './types';
import {
  readPasted,
  runHistoryFindings,
  statusOnlyExceptions,
  stepOfRunHistory,
  type Pasted,
} from './what-was-pasted';
import { stepResultRank, type RunHistoryReading } from './readers';

/** The batch interface's result for one message; its shape is how accuracy is measured: add, never rename. */
export interface DiagnoseResult {
  id: string;
  /** Top route, also when the bot asks. */
  step: Route;
  /** What the bot does: answers with `step`, asks offering exactly `candidates`, or neither. */
  kind: ReplyKind;
  statusCode: string | null;
  objectCode: string | null;
  candidates: StepId[];
  confidence: number;
  /** The neighbouring product an out-of-scope message is about (knowledge/products.ts), else null. */
  product: string | null;
  /** The runs of a pasted run history (a fragment gives one run with what it has). */
  runs: {
    ma: string | null;
    profile: string | null;
    number: number | null;
    steps: { number: number | null; type: string | null; result: string | null }[];
    errorTypes: Record<string, number>;
  }[];
  /** Pasted event-log entries. */
  events: { source: string | null; id: number | null }[];
}

export interface Diagnosis {
  recognition: Recognition;
  decision: Decision;
  reply: ReplyPlan;
  /** Run histories, event-log entries and stack traces in the message, read as documents. */
  pasted: Pasted;
}

/**
 * Identical messages are read once: a failed overnight run brings a whole team with the same paste,
 * and reading (recognizer, word model, decision) is one of the larger costs of a turn. Results are
 * frozen because they are shared: a caller that edits one fails loudly instead of changing the next
 * user's answer.
 */
const cache = new LruCache<string, Diagnosis>(512);
/** Longer messages are pastes that hardly repeat; they would only crowd out the short ones. */
const MAX_CACHED_CHARS = 2000;

/**
 * The one pipeline from a message's text (as the input stage cleaned it) to what the bot does with
 * it: recognise, decide, plan the reply. The bot, the terminal chat, `diagnose` and `eval` all call this.
 */
export function diagnose(text: string): Diagnosis {
  if (text.length > MAX_CACHED_CHARS) return read(text);
  let diagnosis = cache.get(text);
  if (diagnosis === undefined) {
    diagnosis = deepFreeze(read(text));
    cache.set(text, diagnosis);
  }
  return diagnosis;
}

function read(text: string): Diagnosis {
  const pasted = readPasted(text);
  let recognition = recognize(text);
  if (pasted.history) {
    // A pasted run history's error types come from reading it, not from the words of its XML, where
    // element names such as <cd-error> are no errors of their own; its step results join the rest.
    const fromHistory = runHistoryFindings(pasted.history);
    const known = new Set(fromHistory.map((f) => `${f.kind}:${f.value}`));
    // A step that succeeded says nothing about the failure: the worst result is the run's status.
    const succeeded = (f: Finding) =>
      f.kind === 'run-status' && stepResultRank(f.value) <= stepResultRank('success');
    const kept = (f: Finding) =>
      f.kind !== 'object-error' && !succeeded(f) && !known.has(`${f.kind}:${f.value}`);
    recognition = { ...recognition, findings: [...recognition.findings.filter(kept), ...fromHistory] };
  }
  const reports = statusOnlyExceptions(pasted.stack);
  if (reports.size > 0) {
    // The exception is how a caller reported the run's status: the status is the finding, the throw is not.
    const thrown = (f: Finding) =>
      (f.kind === 'exception' && reports.has(f.value)) ||
      (f.kind === 'symptom' && (f.value === 'stack-trace' || f.value === 'exception-word'));
    recognition = { ...recognition, findings: recognition.findings.filter((f) => !thrown(f)) };
  }
  let decision = decide(recognition);
  const specific = pasted.history ? stepOfRunHistory(pasted.history) : null;
  if (specific && decision.route !== 'out-of-scope') decision = preferStep(decision, specific);
  return { recognition, decision, reply: planReply(decision), pasted };
}

/**
 * A run history that arrived on its own (the run watch): its codes are all there is to read, so they
 * decide, and the step its worst error points to is the answer.
 */
export function diagnoseRunHistory(history: RunHistoryReading): Decision {
  const recognition: Recognition = { text: '', findings: runHistoryFindings(history), lang: null };
  const decision = decide(recognition);
  const specific = stepOfRunHistory(history);
  return specific ? preferStep(decision, specific) : decision;
}

/** The run history's own step decides: answered, with the other candidates kept for later. */
function preferStep(decision: Decision, step: StepId): Decision {
  const others = decision.candidates.filter((c) => c.step !== step);
  const top = Math.max(decision.candidates[0]?.score ?? 0, ...decision.candidates.map((c) => c.score));
  return {
    ...decision,
    kind: 'answer',
    route: step,
    candidates: [{ step, score: top }, ...others].slice(0, 3),
    confidence: Math.max(decision.confidence, 0.8),
    secondary: decision.secondary === step ? null : decision.secondary,
  };
}

export function toResult(id: string, { decision, reply, pasted }: Diagnosis): DiagnoseResult {
  return {
    id,
    step: decision.route,
    kind: reply.kind,
    statusCode: decision.statusCode,
    objectCode: decision.objectCode,
    candidates: decision.candidates.map((c) => c.step),
    confidence: decision.confidence,
    product: decision.product ?? null,
    runs: pasted.runs,
    events: pasted.events.map((e) => ({ source: e.source, id: e.eventId })),
  };
}
