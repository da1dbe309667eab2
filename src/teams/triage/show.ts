import { advise } from '../../diagnosis/advise';
import type { LookUp } from '../../diagnosis/look-up';
import type { QuestionNode } from '../../diagnosis/triage-tree';
import { QUESTIONS } from '../../diagnosis/triage-tree';
import { isStepId, type StepId } from '../../diagnosis/types';
import { t, type StringKey } from '../../i18n';
import { ownerOf } from '../actions/verb';
import { adviceView } from '../views/advice-view';
import { messageView, welcomeView } from '../views/message-views';
import { questionView } from '../views/question-view';
import { startNewCase } from './state';
import { sendCard, type ClickTurn, type Turn } from './turn';
import { MessageFactory } from 'botbuilder';
import type { RunFacts } from '../../run-watch/run-facts';
import { summarizeFindings } from '../../escalation';
import { cardAttachment } from '../views/cards';

// The dialog's replies that many handlers share: advice, a question, help, a short message card.

export interface AdviceOptions {
  secondary?: StepId | null;
  lowConfidence?: boolean;
  /** Advice sharpened by an answer: it says nothing about being unsure. */
  refined?: boolean;
  /** The failed run of the message's run history, for the summary at the top of the card. */
  run?: RunFacts | null;
}

/** The advice card for a step, and the question that would sharpen it when its answer is missing. */
export async function showAdvice(turn: Turn, step: StepId, options: AdviceOptions = {}): Promise<void> {
  const { state, lang } = turn;
  const advice = advise(step, state.facts, state.asked);
  state.current = step;
  if (!state.shown.includes(step)) state.shown.push(step);
  const reply = MessageFactory.attachment(
    cardAttachment(
      'advice',
      adviceView(advice, {
        lang,
        shown: state.shown,
        secondary: options.secondary ?? null,
        lowConfidence: !options.refined && options.lowConfidence,
        escalate: turn.services.desk !== undefined,
        run: options.run,
      }),
    ),
  );
  // Teams' thumbs under the answer; the bot keeps which advice the message gave (see bot.ts).
  reply.channelData = { feedbackLoop: { type: 'default' } };
  turn.out.replies.push(reply);
  const codes = summarizeFindings(state.facts, step);
  (turn.out.advice ??= []).push({
    reply,
    given: { step, statusCode: codes.statusCodes[0] ?? null, objectCode: codes.objectCodes[0] ?? null },
  });
  if (advice.refine) {
    state.asked.push(advice.refine);
    await ask(turn, QUESTIONS[advice.refine]);
  } else {
    state.pending = null;
  }
}

/** Asks a question of the tree; its id carries a nonce so a click on an older card is recognised. */
export async function ask(turn: Turn, node: QuestionNode): Promise<void> {
  const { state } = turn;
  state.seq += 1;
  const questionId = `${node.id}#${state.seq}`;
  state.pending = {
    questionId,
    node: node.id,
    candidates: node.id === 'clarify' ? node.choices.map((c) => c.id).filter(isStepId) : [],
  };
  sendCard(turn, 'question', questionView(node, questionId, turn.lang, ownerOf(turn.context.activity)));
}

/** What a `status` or `version` look-up found starts a case of its own. */
export async function showLookUp(turn: Turn, found: LookUp): Promise<void> {
  startNewCase(turn.state, turn.lang);
  turn.state.facts.findings = [found.finding];
  return showAdvice(turn, found.step);
}

/** Welcome and help share one card; the escalation commands are listed where cases can be opened. */
export function showHelp(turn: ClickTurn): void {
  sendCard(turn, 'welcome', welcomeView(turn.lang, { escalation: turn.services.desk !== undefined }));
}

/** A message card with a title and a text from the language tables. */
export function showMessage(turn: ClickTurn, title: StringKey, text: StringKey): void {
  sendCard(turn, 'message', messageView(t(turn.lang, title), t(turn.lang, text)));
}
