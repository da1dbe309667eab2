import type { TurnContext } from 'botbuilder';
import { emptyFacts, type CaseFacts } from '../diagnosis/advise';
import type { QuestionId } from '../diagnosis/triage-tree';
import type { Lang, StepId } from '../diagnosis/types';
import { transcriptExcerpt, type FeedbackOutcome } from '../escalation';

/** The user's messages kept for an escalation: as many, and as long, as a case keeps. */
const TRANSCRIPT_LIMITS = { maxMessages: 10, maxChars: 500 };

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

export function newState(lang: Lang | null = null, seq = 0): TriageState {
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

/** Turn state and dialog state travel together through the handlers of one turn. */
export interface Turn {
  context: TurnContext;
  state: TriageState;
  lang: Lang;
}

/** Keeps the user's message for an escalation: redacted, capped, only the last few. */
export function remember(state: TriageState, text: string): void {
  state.messages = transcriptExcerpt([...state.messages, text], TRANSCRIPT_LIMITS).map((line) => line.text);
}
