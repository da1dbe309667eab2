import { isStepId, type Decision, type StepId } from './types';

/** A candidate needs at least this score to be offered again after "Still failing". */
const PLAUSIBLE_SCORE = 2;
/** Below this confidence an answer says that it is unsure. */
const SURE_CONFIDENCE = 0.5;

/** What the bot does with a message: answer with a step, ask which of a few, or neither. */
export type ReplyPlan =
  | { kind: 'answer'; step: StepId; secondary: StepId | null; lowConfidence: boolean }
  | { kind: 'clarify'; candidates: StepId[] }
  | { kind: 'out-of-scope' }
  | { kind: 'no-signal' };

export type ReplyKind = ReplyPlan['kind'];

/**
 * The decision as the bot acts on it. A `clarify` decision with one candidate only is answered
 * (marked unsure): a question with a single choice is no question.
 */
export function planReply(decision: Decision): ReplyPlan {
  switch (decision.kind) {
    case 'answer':
      return {
        kind: 'answer',
        step: decision.route as StepId,
        secondary: decision.secondary && isStepId(decision.secondary) ? decision.secondary : null,
        lowConfidence: decision.confidence < SURE_CONFIDENCE,
      };
    case 'clarify': {
      const candidates = decision.candidates.map((c) => c.step);
      if (candidates.length >= 2) return { kind: 'clarify', candidates };
      return { kind: 'answer', step: decision.route as StepId, secondary: null, lowConfidence: true };
    }
    case 'out-of-scope':
      return { kind: 'out-of-scope' };
    case 'no-signal':
      return { kind: 'no-signal' };
  }
}

/** The steps worth suggesting later in the case: only those with real evidence. */
export function plausibleSteps(decision: Decision): StepId[] {
  return decision.candidates.filter((c) => c.score >= PLAUSIBLE_SCORE).map((c) => c.step);
}
