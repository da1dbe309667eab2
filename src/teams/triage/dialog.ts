import { MessageFactory, type TurnContext } from 'botbuilder';
// Deep imports: the package's index also loads prompts and the recognizers-text suite (~0.5 s, ~30 MB).
import { Dialog, DialogTurnStatus, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import { advise, nextStep } from '../../diagnosis/advise';
import { diagnose, type Diagnosis } from '../../diagnosis/diagnose';
import { lookUpBuild, lookUpCode, stepOfRunStatus, type LookUp } from '../../diagnosis/look-up';
import { plausibleSteps } from '../../diagnosis/reply-plan';
import { QUESTIONS, clarifyQuestion, type AnswerValue, type QuestionNode } from '../../diagnosis/triage-tree';
import { isStepId, type Lang, type StepId } from '../../diagnosis/types';
import { t } from '../../i18n';
import { adviceView } from '../views/advice-view';
import type { CardAction } from '../actions/card-action';
import { cardAttachment, expandCard } from '../views/cards';
import { caseSummary } from './case-summary';
import type { EscalationDesk } from '../escalation/desk';
import { commandLanguage, parseCommand, type Command } from '../commands/parse';
import { resolveLanguage, type LanguagePreference } from '../language';
import { errorView, messageView, welcomeView } from '../views/message-views';
import { answeredQuestionView, choiceLabel, questionView } from '../views/question-view';
import { readInput } from '../input/read-input';
import { caseCommand, openCase, recordOutcome, showCaseForm } from '../escalation/triage';
import {
  newState,
  remember,
  usableState,
  type PendingQuestion,
  type TriageState,
  type Turn,
} from './state';
import { newOutcome, type TurnOutcome } from '../turn-outcome';
import { sendCard, tell } from './replies';
import { answerFromText } from '../input/typed-answer';

export const TRIAGE_DIALOG_ID = 'triage';

/** How the bot begins the dialog: with the case a user had under the property used before 0.2, if any. */
export interface TriageBeginOptions {
  state?: unknown;
}

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
export class TriageDialog extends Dialog<TriageBeginOptions> {
  constructor(
    private readonly languages: LanguagePreference,
    private readonly options: TriageDialogOptions = {},
  ) {
    super(TRIAGE_DIALOG_ID);
  }

  private get desk(): EscalationDesk | undefined {
    return this.options.escalation;
  }

  /** The first turn of a conversation (or the first since the dialog was lost): a new case, or an earlier one. */
  override async beginDialog(
    dc: DialogContext,
    options?: TriageBeginOptions,
  ): Promise<DialogTurnResult<TurnOutcome>> {
    return this.turn(dc, options?.state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult<TurnOutcome>> {
    return this.turn(dc, dc.activeDialog?.state);
  }

  /** The dialog never ends by itself: each turn it waits for the next, and hands the bot what to do. */
  private async turn(dc: DialogContext, stored: unknown): Promise<DialogTurnResult<TurnOutcome>> {
    const state = usableState(stored);
    const outcome = await this.handleTurn(dc.context, state);
    // "delete my data" drops the cached dialog state during the turn: then nothing is written back.
    if (dc.activeDialog) dc.activeDialog.state = state;
    return { status: DialogTurnStatus.waiting, result: outcome };
  }

  /** One turn of triage on the case; changes the case in place and returns what the turn does. */
  private async handleTurn(context: TurnContext, state: TriageState): Promise<TurnOutcome> {
    const input = readInput(context.activity);
    const chosen = await this.languages.get(context);
    const locale = context.activity.locale;
    switch (input.kind) {
      case 'text': {
        const command = parseCommand(input.text);
        const diagnosis = command ? null : diagnose(input.text);
        const written = command ? commandLanguage(input.text) : (diagnosis?.recognition.lang ?? null);
        const turn = this.start(context, state, resolveLanguage(chosen, written, state.lang, locale));
        state.lang = turn.lang;
        if (command) await this.onCommand(turn, command);
        else if (diagnosis) {
          await this.onText(turn, diagnosis);
          // After onText: a new problem starts a new case, and this message is its first.
          remember(state, input.text);
        }
        return turn.out;
      }
      case 'action': {
        const turn = this.start(context, state, resolveLanguage(chosen, null, state.lang, locale));
        await this.onAction(turn, input.action);
        return turn.out;
      }
      case 'badAction': {
        const out = newOutcome(resolveLanguage(chosen, null, state.lang, locale));
        out.note = 'unreadable';
        return out;
      }
      default: {
        const turn = this.start(context, state, resolveLanguage(chosen, null, state.lang, locale));
        tell(turn, input.kind === 'attachment' ? 'reply.attachment' : 'reply.empty');
        return turn.out;
      }
    }
  }

  private start(context: TurnContext, state: TriageState, lang: Lang): Turn {
    return { context, state, lang, out: newOutcome(lang) };
  }

  // ---- what the user typed

  private async onText(turn: Turn, diagnosis: Diagnosis): Promise<void> {
    const pending = turn.state.pending;
    if (pending) {
      const node = this.nodeOf(pending);
      const answer = answerFromText(node, diagnosis.recognition);
      if (answer) return this.onAnswer(turn, answer);
    }
    return this.onProblem(turn, diagnosis);
  }

  private async onProblem(turn: Turn, { recognition, decision, reply }: Diagnosis): Promise<void> {
    const { state, lang } = turn;
    // A new message with its own evidence starts a new case; answers to questions add to it.
    Object.assign(state, newState(lang, state.seq));
    state.facts.findings = [...recognition.findings];
    state.ranked = plausibleSteps(decision);
    switch (reply.kind) {
      case 'answer':
        return this.showAdvice(turn, reply.step, {
          secondary: reply.secondary,
          lowConfidence: reply.lowConfidence,
        });
      case 'clarify':
        return this.ask(turn, clarifyQuestion(reply.candidates));
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
          turn.out.note = 'stale';
          return;
        }
        turn.out.replace = {
          card: expandCard('question', answeredQuestionView(node, choiceLabel(choice, lang), lang)),
          everyone: true,
        };
        return this.onAnswer(turn, choice.answer);
      }
      case 'showStep':
        return this.showAdvice(turn, action.step, {});
      case 'fixed':
        if (this.isOldAdviceCard(turn, action.step)) return;
        await recordOutcome(this.desk, turn, action.step, 'fixed');
        Object.assign(state, newState(lang, state.seq));
        return sendCard(
          turn,
          'message',
          messageView(t(lang, 'reply.fixed.title'), t(lang, 'reply.fixed.text')),
        );
      case 'stillFailing': {
        if (this.isOldAdviceCard(turn, action.step)) return;
        await recordOutcome(this.desk, turn, action.step, 'still-failing');
        const shown = [...new Set([...state.shown, ...action.tried])];
        const next = nextStep(action.step, shown, state.ranked);
        if (next) {
          tell(turn, 'reply.next.title');
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
  private isOldAdviceCard(turn: Turn, step: StepId): boolean {
    const { state } = turn;
    if (!state.current || state.current === step) return false;
    turn.out.note = 'stale';
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
        tell(turn, 'reply.startOver');
        return this.ask(turn, QUESTIONS.symptom);
      case 'language':
        await this.languages.set(context, command.lang);
        // The new language is the turn's from here on: the confirmation and every other reply.
        state.lang = command.lang;
        turn.lang = command.lang;
        turn.out.lang = command.lang;
        tell(turn, 'reply.languageSet');
        return;
      case 'fixed':
      case 'stillFailing':
        if (state.current)
          return this.onAction(turn, { verb: command.id, step: state.current, tried: state.shown });
        return this.ask(turn, QUESTIONS.symptom);
      case 'status': {
        const found = lookUpCode(command.code);
        if (!found) return tell(turn, 'reply.unknownCode', { code: command.code.slice(0, 80) });
        return this.showLookUp(turn, found);
      }
      case 'version': {
        const found = lookUpBuild(command.build);
        if (!found) return tell(turn, 'reply.unknownBuild', { build: command.build.slice(0, 40) });
        return this.showLookUp(turn, found);
      }
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
    const { context, state } = turn;
    const removed = this.desk ? await this.desk.forget(context.activity.from?.id ?? '') : 0;
    Object.assign(state, newState(null, state.seq));
    await this.options.forgetUserState?.(context);
    tell(turn, 'reply.deleted', { n: removed });
  }

  /** `status <code>` and `version <build>`: the case starts again from what the look-up found. */
  private async showLookUp(turn: Turn, found: LookUp): Promise<void> {
    Object.assign(turn.state, newState(turn.lang, turn.state.seq));
    turn.state.facts.findings = [found.finding];
    return this.showAdvice(turn, found.step, {});
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
          const step = stepOfRunStatus(answer.value);
          if (step) return this.showAdvice(turn, step, {}, true);
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
    options: { secondary?: StepId | null; lowConfidence?: boolean },
    refined = false,
  ): Promise<void> {
    const { state, lang } = turn;
    const advice = advise(step, state.facts, state.asked);
    state.current = step;
    if (!state.shown.includes(step)) state.shown.push(step);
    const secondary = options.secondary ?? null;
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
