import { MessageFactory, type TurnContext } from 'botbuilder';
// Deep imports: the package's index also loads prompts and the recognizers-text suite (~0.5 s, ~30 MB).
import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import { advise, nextStep } from '../diagnosis/advise';
import { getObjectError, getRunStatus } from '../diagnosis/knowledge';
import { recognize } from '../diagnosis/recognize';
import { QUESTIONS, clarifyQuestion, type AnswerValue, type QuestionNode } from '../diagnosis/triage-tree';
import {
  isStepId,
  type Decision,
  type Lang,
  type Recognition,
  type Route,
  type StepId,
} from '../diagnosis/types';
import { t } from '../i18n';
import { adviceView } from './advice-view';
import type { CardAction } from './card-actions';
import { cardAttachment, expandCard } from './cards';
import { caseSummary } from './case-summary';
import type { EscalationDesk } from './escalation-desk';
import { commandLanguage, parseCommand, type Command } from './commands';
import { resolveLanguage, type LanguagePreference } from './language';
import { errorView, messageView, welcomeView } from './message-views';
import { answeredQuestionView, choiceLabel, questionView } from './question-view';
import { readInput } from './read-input';
import { caseCommand, openCase, recordOutcome, showCaseForm } from './triage-escalation';
import { decideOn, readMessage } from './message-reading';
import {
  newState,
  remember,
  usableState,
  type PendingQuestion,
  type TriageState,
  type Turn,
} from './triage-state';
import { sendCard, tell } from './turn-replies';
import { ANSWERED_CARD_KEY, BAD_CLICK_KEY, STALE_CLICK_KEY } from './turn-keys';
import { answerFromText } from './typed-answer';

// Existing imports of these from the dialog keep working.
export {
  ANSWERED_CARD_KEY,
  BAD_CLICK_KEY,
  CASE_OPENED_THIS_TURN_KEY,
  INVOKE_MESSAGE_KEY,
  STALE_CLICK_KEY,
} from './turn-keys';
export type { TriageState } from './triage-state';
export { answerFromText } from './typed-answer';

export const TRIAGE_DIALOG_ID = 'triage';

/** A candidate needs at least this score to be suggested after "still failing". */
const PLAUSIBLE_SCORE = 2;

export interface TriageDialogOptions {
  /** Opens and lists support cases; without it (the terminal chat) the bot offers no escalation. */
  escalation?: EscalationDesk;
  /** Deletes the user's own bot state (dialog and language) for "delete my data". */
  forgetUserState?: (context: TurnContext) => Promise<void>;
}

/**
 * The one dialog that walks the triage tree. It never ends by itself: each turn it reads what the
 * user sent (text, a card click, a command) and answers, asking a question only when the step is
 * uncertain or when an answer would sharpen advice already given.
 */
export class TriageDialog extends Dialog {
  constructor(
    private readonly languages: LanguagePreference,
    private readonly options: TriageDialogOptions = {},
  ) {
    super(TRIAGE_DIALOG_ID);
  }

  private get desk(): EscalationDesk | undefined {
    return this.options.escalation;
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    dc.activeDialog!.state = await this.handleTurn(dc.context, newState());
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    dc.activeDialog!.state = await this.handleTurn(dc.context, dc.activeDialog!.state);
    return Dialog.EndOfTurn;
  }

  /**
   * One turn of triage on the stored state; returns the state to store. The bot calls this directly
   * with a plain state property: the dialog stack around one never-ending dialog cost more per turn
   * than everything the dialog itself does. The Dialog methods above keep it usable in a DialogSet.
   */
  async handleTurn(context: TurnContext, stored: unknown): Promise<TriageState> {
    const state = usableState(stored);
    const input = readInput(context.activity);
    const chosen = await this.languages.get(context);
    switch (input.kind) {
      case 'text': {
        const command = parseCommand(input.text);
        const recognition = command ? null : readMessage(input.text);
        const written = command ? commandLanguage(input.text) : (recognition?.lang ?? null);
        const lang = resolveLanguage(chosen, written, state.lang, context.activity.locale);
        const turn = { context, state, lang };
        state.lang = lang;
        if (command) await this.onCommand(turn, command);
        else if (recognition) {
          await this.onText(turn, recognition);
          // After onText: a new problem starts a new case, and this message is its first.
          remember(state, input.text);
        }
        break;
      }
      case 'action': {
        const turn = {
          context,
          state,
          lang: resolveLanguage(chosen, null, state.lang, context.activity.locale),
        };
        await this.onAction(turn, input.action);
        break;
      }
      default: {
        const lang = resolveLanguage(chosen, null, state.lang, context.activity.locale);
        if (input.kind === 'badAction' && context.activity.type === 'invoke') {
          // The invoke response carries the answer; a message on top would say it twice.
          context.turnState.set(BAD_CLICK_KEY, true);
          break;
        }
        const key =
          input.kind === 'attachment'
            ? 'reply.attachment'
            : input.kind === 'empty'
              ? 'reply.empty'
              : 'reply.badAction';
        await context.sendActivity(t(lang, key));
      }
    }
    return state;
  }

  // ---- what the user typed

  private async onText(turn: Turn, recognition: Recognition): Promise<void> {
    const pending = turn.state.pending;
    if (pending) {
      const node = this.nodeOf(pending);
      const answer = answerFromText(node, recognition);
      if (answer) return this.onAnswer(turn, answer);
    }
    const decision = decideOn(recognition);
    return this.onProblem(turn, recognition, decision);
  }

  private async onProblem(turn: Turn, recognition: Recognition, decision: Decision): Promise<void> {
    const { state, lang } = turn;
    // A new message with its own evidence starts a new case; answers to questions add to it.
    Object.assign(state, newState(lang, state.seq));
    state.facts.findings = recognition.findings;
    // Only candidates with real evidence are worth offering after "still failing".
    state.ranked = decision.candidates.filter((c) => c.score >= PLAUSIBLE_SCORE).map((c) => c.step);
    switch (decision.kind) {
      case 'answer':
        return this.showAdvice(turn, decision.route as StepId, {
          secondary: decision.secondary,
          lowConfidence: decision.confidence < 0.5,
        });
      case 'clarify': {
        const offered = decision.candidates.map((c) => c.step);
        if (offered.length >= 2) return this.ask(turn, clarifyQuestion(offered));
        // One weak candidate: answer first and say it is uncertain; the card offers Start over.
        return this.showAdvice(turn, decision.route as StepId, { lowConfidence: true });
      }
      case 'out-of-scope':
        return sendCard(
          turn,
          'message',
          messageView(t(lang, 'reply.outOfScope.title'), t(lang, 'reply.outOfScope.text')),
        );
      case 'no-signal':
        return this.ask(turn, QUESTIONS.symptom);
    }
  }

  // ---- card clicks

  private async onAction(turn: Turn, action: CardAction): Promise<void> {
    const { state, lang } = turn;
    switch (action.verb) {
      case 'answer': {
        const pending = state.pending;
        const node = pending && pending.questionId === action.questionId ? this.nodeOf(pending) : null;
        const choice = node?.choices.find((c) => c.id === action.choice);
        if (!node || !choice) {
          // An invoke gets its answer in the invoke response; a submitted message needs a reply.
          turn.context.turnState.set(STALE_CLICK_KEY, true);
          if (turn.context.activity.type !== 'invoke')
            await turn.context.sendActivity(t(lang, 'reply.staleCard'));
          return;
        }
        turn.context.turnState.set(
          ANSWERED_CARD_KEY,
          expandCard('question', answeredQuestionView(node, choiceLabel(choice, lang), lang)),
        );
        return this.onAnswer(turn, choice.answer);
      }
      case 'showStep':
        return this.showAdvice(turn, action.step, {});
      case 'fixed':
        if (await this.isOldAdviceCard(turn, action.step)) return;
        await recordOutcome(this.desk, turn, action.step, 'fixed');
        Object.assign(state, newState(lang, state.seq));
        return sendCard(
          turn,
          'message',
          messageView(t(lang, 'reply.fixed.title'), t(lang, 'reply.fixed.text')),
        );
      case 'stillFailing': {
        if (await this.isOldAdviceCard(turn, action.step)) return;
        await recordOutcome(this.desk, turn, action.step, 'still-failing');
        const shown = [...new Set([...state.shown, ...action.tried])];
        const next = nextStep(action.step, shown, state.ranked);
        if (next) {
          await turn.context.sendActivity(t(lang, 'reply.next.title'));
          return this.showAdvice(turn, next, {});
        }
        if (this.desk) {
          // A case can be opened: offer it instead of a summary to copy.
          return sendCard(
            turn,
            'message',
            messageView(t(lang, 'reply.exhausted.title'), t(lang, 'reply.exhausted.escalate'), [
              { title: t(lang, 'advice.button.escalate'), data: { verb: 'escalate', step: action.step } },
            ]),
          );
        }
        return sendCard(
          turn,
          'message',
          messageView(
            t(lang, 'reply.exhausted.title'),
            t(lang, 'reply.exhausted.text', { summary: caseSummary(state, action.step, lang) }),
          ),
        );
      }
      case 'startOver':
        Object.assign(state, newState(lang, state.seq));
        return this.ask(turn, QUESTIONS.symptom);
      case 'help':
        return sendCard(turn, 'welcome', welcomeView(lang, { escalation: this.desk !== undefined }));
      case 'escalate':
        return showCaseForm(this.desk, turn, action.step);
      case 'openCase':
        return openCase(this.desk, turn, action);
      case 'takeCase':
      case 'resolveCase':
        // Support card clicks are handled by the bot before any dialog; here only without escalation.
        return tell(turn, 'reply.casesUnavailable');
    }
  }

  /**
   * "That fixed it" / "Still failing" speak about the step the case is at; a click on an earlier
   * advice card would record a wrong outcome. Without a case (expired, another user) the card's own
   * step is taken at its word.
   */
  private async isOldAdviceCard(turn: Turn, step: StepId): Promise<boolean> {
    const { state, context, lang } = turn;
    if (!state.current || state.current === step) return false;
    context.turnState.set(STALE_CLICK_KEY, true);
    if (context.activity.type !== 'invoke') await context.sendActivity(t(lang, 'reply.staleCard'));
    return true;
  }

  // ---- commands typed anywhere

  private async onCommand(turn: Turn, command: Command): Promise<void> {
    const { state, context } = turn;
    switch (command.id) {
      case 'help':
        return sendCard(turn, 'welcome', welcomeView(turn.lang, { escalation: this.desk !== undefined }));
      case 'startOver':
        Object.assign(state, newState(turn.lang, state.seq));
        await context.sendActivity(t(turn.lang, 'reply.startOver'));
        return this.ask(turn, QUESTIONS.symptom);
      case 'language':
        await this.languages.set(context, command.lang);
        state.lang = command.lang;
        await context.sendActivity(t(command.lang, 'reply.languageSet'));
        return;
      case 'fixed':
      case 'stillFailing':
        if (state.current)
          return this.onAction(turn, { verb: command.id, step: state.current, tried: state.shown });
        return this.ask(turn, QUESTIONS.symptom);
      case 'status':
        return this.lookUpCode(turn, command.code);
      case 'version':
        return this.checkVersion(turn, command.build);
      case 'escalate':
        return showCaseForm(this.desk, turn);
      case 'myCases':
      case 'openCases':
      case 'stats':
      case 'useChannel':
        return caseCommand(this.desk, turn, command.id);
      case 'deleteMyData':
        return this.deleteMyData(turn);
    }
  }

  /** The right to be forgotten: the user's cases, their queued messages, and their bot state here. */
  private async deleteMyData(turn: Turn): Promise<void> {
    const { context, lang, state } = turn;
    const removed = this.desk ? await this.desk.forget(context.activity.from?.id ?? '') : 0;
    Object.assign(state, newState(null, state.seq));
    await this.options.forgetUserState?.(context);
    await context.sendActivity(t(lang, 'reply.deleted', { n: removed }));
  }

  private async lookUpCode(turn: Turn, code: string): Promise<void> {
    const recognition = recognize(code);
    const found = recognition.findings.find((f) => f.kind === 'run-status' || f.kind === 'object-error');
    const entry =
      found && (found.kind === 'run-status' ? getRunStatus(found.value) : getObjectError(found.value));
    if (!found || !entry || entry.step === 'out-of-scope') {
      await turn.context.sendActivity(t(turn.lang, 'reply.unknownCode', { code: code.slice(0, 80) }));
      return;
    }
    Object.assign(turn.state, newState(turn.lang, turn.state.seq));
    turn.state.facts.findings = [found];
    return this.showAdvice(turn, entry.step, {});
  }

  private async checkVersion(turn: Turn, build: string): Promise<void> {
    const recognition = recognize(build);
    const found = recognition.findings.find((f) => f.kind === 'mim-build' || f.kind === 'connector-build');
    if (!found) {
      await turn.context.sendActivity(t(turn.lang, 'reply.unknownBuild', { build: build.slice(0, 40) }));
      return;
    }
    Object.assign(turn.state, newState(turn.lang, turn.state.seq));
    turn.state.facts.findings = [found];
    return this.showAdvice(turn, found.kind === 'mim-build' ? 'update-mim' : 'update-connectors', {});
  }

  // ---- answers to the tree's questions

  private async onAnswer(turn: Turn, answer: AnswerValue): Promise<void> {
    const { state, lang } = turn;
    state.pending = null;
    switch (answer.slot) {
      case 'step':
        if (answer.value) return this.showAdvice(turn, answer.value, {});
        return sendCard(
          turn,
          'message',
          messageView(t(lang, 'reply.noSignal.title'), t(lang, 'reply.outOfScope.text')),
        );
      case 'mimBuild':
        state.facts.mimBuild = answer.value;
        break;
      case 'connector':
        state.facts.connector = answer.value;
        break;
      case 'statusCode':
        state.facts.statusCode = answer.value;
        if (answer.value) {
          const step = getRunStatus(answer.value)?.step;
          if (step && isStepId(step)) return this.showAdvice(turn, step, {}, true);
        }
        break;
    }
    // The refined advice replaces nothing; it follows with what the answer added.
    if (state.current) return this.showAdvice(turn, state.current, {}, true);
  }

  // ---- replies

  private async showAdvice(
    turn: Turn,
    step: StepId,
    options: { secondary?: Route | null; lowConfidence?: boolean },
    refined = false,
  ): Promise<void> {
    const { state, lang } = turn;
    const advice = advise(step, state.facts, state.asked);
    state.current = step;
    if (!state.shown.includes(step)) state.shown.push(step);
    const secondary = options.secondary && isStepId(options.secondary) ? options.secondary : null;
    await sendCard(
      turn,
      'advice',
      adviceView(advice, {
        lang,
        shown: state.shown,
        secondary,
        lowConfidence: !refined && options.lowConfidence,
        escalate: this.desk !== undefined,
      }),
    );
    if (advice.refine) {
      state.asked.push(advice.refine);
      await this.ask(turn, QUESTIONS[advice.refine]);
    } else {
      state.pending = null;
    }
  }

  private async ask(turn: Turn, node: QuestionNode): Promise<void> {
    const { state } = turn;
    state.seq += 1;
    const questionId = `${node.id}#${state.seq}`;
    state.pending = {
      questionId,
      node: node.id,
      candidates: node.id === 'clarify' ? node.choices.map((c) => c.id).filter(isStepId) : [],
    };
    await sendCard(turn, 'question', questionView(node, questionId, turn.lang));
  }

  private nodeOf(pending: PendingQuestion): QuestionNode {
    return pending.node === 'clarify' ? clarifyQuestion(pending.candidates) : QUESTIONS[pending.node];
  }
}

/** The apology card for a turn that failed. */
export async function sendErrorCard(context: TurnContext, lang: Lang): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(cardAttachment('error', errorView(lang))));
}
