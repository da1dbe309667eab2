import { emptyFacts, type CaseFacts } from '../../diagnosis/advise';
import { QUESTIONS, clarifyQuestion, type QuestionId, type QuestionNode } from '../../diagnosis/triage-tree';
import type { Lang, StepId } from '../../diagnosis/types';
import { transcriptExcerpt, type FeedbackOutcome } from '../../escalation';

export interface PendingQuestion {
  /** Node id plus nonce, as sent in the card's buttons. */
  questionId: string;
  node: QuestionId;
  /** For the clarify node: the steps it offered. */
  candidates: StepId[];
}

/** Everything the dialog remembers between turns; plain JSON so any Storage can hold it. */
export interface TriageState {
  facts: CaseFacts;
  pending: PendingQuestion | null;
  asked: QuestionId[];
  shown: StepId[];
  ranked: StepId[];
  current: StepId | null;
  lang: Lang | null;
  seq: number;
  /** What the user said after each step ("That fixed it" / "Still failing"); goes with an escalation. */
  outcomes: Partial<Record<StepId, FeedbackOutcome>>;
  /** The user's last messages in this case, redacted and capped; they go with an escalation. */
  messages: string[];
}

function newState(lang: Lang | null = null, seq = 0): TriageState {
  return {
    facts: emptyFacts(),
    pending: null,
    asked: [],
    shown: [],
    ranked: [],
    current: null,
    lang,
    seq,
    outcomes: {},
    messages: [],
  };
}

/**
 * Stored state as the dialog can use it. State written by an older version may lack fields, or be
 * missing altogether: start the case again rather than crash. Fields added later (escalation) are
 * simply empty in older state.
 */
export function usableState(stored: unknown): TriageState {
  if (typeof stored !== 'object' || stored === null) return newState();
  const state = stored as Partial<TriageState>;
  if (!state.facts || !Array.isArray(state.shown) || !Array.isArray(state.asked)) {
    return newState(state.lang ?? null, typeof state.seq === 'number' ? state.seq : 0);
  }
  const current = state as TriageState;
  if (typeof current.outcomes !== 'object' || current.outcomes === null) current.outcomes = {};
  if (!Array.isArray(current.messages)) current.messages = [];
  return current;
}

/** Keeps the user's message for an escalation: redacted, capped, as many as a case keeps. */
export function remember(state: TriageState, text: string): void {
  state.messages = transcriptExcerpt([...state.messages, text]).map((line) => line.text);
}

/** The question a pending question stands for (the clarify node is rebuilt from its candidates). */
export function nodeOf(pending: PendingQuestion): QuestionNode {
  return pending.node === 'clarify' ? clarifyQuestion(pending.candidates) : QUESTIONS[pending.node];
}

/** A new case in place of the old one; the question nonce keeps counting so old cards stay stale. */
export function startNewCase(state: TriageState, lang: Lang | null): void {
  Object.assign(state, newState(lang, state.seq));
}
