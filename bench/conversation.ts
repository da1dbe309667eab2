/**
 * The turns one bench conversation sends, in order, again and again:
 *   status-code  a pasted run status, answered with an advice card
 *   show-step    a stateless card click ({verb: 'showStep'}), answered with an advice card
 *   greeting     "hi": no evidence, answered with the symptom question
 *   answer-click the click on one of that question's choices ({verb: 'answer', questionId}), advice card
 *   clarify      a message that fits two steps, answered with a clarifying question
 * The answer click must carry the question id the bot generated, `symptom#<seq>`. The dialog numbers
 * its questions per conversation, so the id of cycle k is `symptom#<base + stride * k>`. Base, stride
 * and the clarify text (the first of CLARIFY_CANDIDATES the current recognizer really answers with a
 * clarifying question) are learned from the bot itself in-process (state-size.ts) before any load.
 */
import { cardSubmit, textMessage, type WireActivity } from './activities';

export const TURN_KINDS = ['status-code', 'show-step', 'greeting', 'answer-click', 'clarify'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

export const TEXTS = {
  statusCode: 'ADMA delta import stopped-connectivity every night',
  greeting: 'hi',
} as const;

/** Vague messages that fit two steps; which one yields a clarifying question depends on the recognizer. */
export const CLARIFY_CANDIDATES = [
  'run fails with an error',
  'MIM Service MA full synch runs for 11 hours with ~80k users. is that just how it is?',
  'the MA run stops with an error',
  'AD MA export keeps going stoped-conectivity whenever the DCs get patched on tuesdays',
  'sync errors on some objects after the last run',
] as const;

export const SHOW_STEP = { verb: 'showStep', step: 'pcns-6025' } as const;
/** The symptom question's choice the answer click picks. */
export const ANSWER_CHOICE = 'fim-ma-slow-full-sync';

/** What the script needs from the bot: `symptom#<base + stride * cycle>`, and the clarify text. */
export interface ScriptPlan {
  base: number;
  stride: number;
  clarifyText: string;
}

let activitySequence = 0;
function nextActivityId(): string {
  activitySequence += 1;
  return `bench-activity-${activitySequence}`;
}

export function activityFor(
  kind: TurnKind,
  who: { conversationId: string; user: number; serviceUrl: string },
  questionId: string,
  clarifyText: string,
): WireActivity {
  const full = { ...who, activityId: nextActivityId() };
  switch (kind) {
    case 'status-code':
      return textMessage(TEXTS.statusCode, full);
    case 'show-step':
      return cardSubmit({ ...SHOW_STEP }, full);
    case 'greeting':
      return textMessage(TEXTS.greeting, full);
    case 'answer-click':
      return cardSubmit({ verb: 'answer', questionId, choice: ANSWER_CHOICE }, full);
    case 'clarify':
      return textMessage(clarifyText, full);
  }
}

/** One conversation's position in the script; `next()` gives the body of its next request. */
export class BenchConversation {
  private turn = 0;

  constructor(
    readonly conversationId: string,
    readonly user: number,
    private readonly serviceUrl: string,
    private readonly plan: ScriptPlan,
  ) {}

  /** Index in TURN_KINDS of the turn `next()` sends. */
  get position(): number {
    return this.turn % TURN_KINDS.length;
  }

  nextActivity(): { kind: TurnKind; activity: WireActivity } {
    const cycle = Math.floor(this.turn / TURN_KINDS.length);
    const kind = TURN_KINDS[this.turn % TURN_KINDS.length] as TurnKind;
    this.turn += 1;
    const questionId = `symptom#${this.plan.base + this.plan.stride * cycle}`;
    const who = { conversationId: this.conversationId, user: this.user, serviceUrl: this.serviceUrl };
    return { kind, activity: activityFor(kind, who, questionId, this.plan.clarifyText) };
  }

  next(): string {
    return JSON.stringify(this.nextActivity().activity);
  }
}
