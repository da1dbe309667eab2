import { deepFreeze } from '../lib/deep-freeze';
import { LruCache } from '../lib/lru-cache';
import { decide } from './decide';
import { recognize } from './recognize';
import { planReply, type ReplyKind, type ReplyPlan } from './reply-plan';
import type { Decision, Recognition, Route, StepId } from './types';

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
}

export interface Diagnosis {
  recognition: Recognition;
  decision: Decision;
  reply: ReplyPlan;
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
  const recognition = recognize(text);
  const decision = decide(recognition);
  return { recognition, decision, reply: planReply(decision) };
}

export function toResult(id: string, { decision, reply }: Diagnosis): DiagnoseResult {
  return {
    id,
    step: decision.route,
    kind: reply.kind,
    statusCode: decision.statusCode,
    objectCode: decision.objectCode,
    candidates: decision.candidates.map((c) => c.step),
    confidence: decision.confidence,
    product: decision.product ?? null,
  };
}
