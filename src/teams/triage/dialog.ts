import type { TurnContext } from 'botbuilder';
// Deep imports: the package's index also loads prompts and the recognizers-text suite (~0.5 s, ~30 MB).
import { Dialog, DialogTurnStatus, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import { diagnose } from '../../diagnosis/diagnose';
import { runAction } from '../actions';
import { commandLanguage, parseCommand, runCommand } from '../commands';
import { readInput } from '../input/read-input';
import { resolveLanguage } from '../language';
import { t } from '../../i18n';
import { newOutcome, say, type TurnOutcome } from '../turn-outcome';
import { readFileOfTurn } from './file';
import { onMessage } from './message';
import { remember, usableState, type TriageState } from './state';
import { tell, type TriageServices, type Turn } from './turn';

export const TRIAGE_DIALOG_ID = 'triage';

/** How the bot begins the dialog: with the case a user had under the property used before 0.2, if any. */
export interface TriageBeginOptions {
  state?: unknown;
}

/**
 * The one dialog that walks the triage tree. It never ends by itself: each turn it reads what the
 * user sent and hands it on (a command to its handler in commands/, a click to its verb's handler
 * in actions/, anything else to message.ts), asking a question only when the step is uncertain or
 * when an answer would sharpen advice already given.
 */
export class TriageDialog extends Dialog<TriageBeginOptions> {
  constructor(private readonly services: TriageServices) {
    super(TRIAGE_DIALOG_ID);
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
    const chosen = await this.services.languages.get(context);
    const language = (written: ReturnType<typeof commandLanguage>) =>
      resolveLanguage(chosen, written, state.lang, context.activity.locale);
    switch (input.kind) {
      case 'text': {
        const command = parseCommand(input.text);
        const diagnosis = command ? null : diagnose(input.text);
        const turn = this.start(
          context,
          state,
          language(command ? commandLanguage(input.text) : (diagnosis?.recognition.lang ?? null)),
        );
        state.lang = turn.lang;
        if (command) await runCommand(turn, command);
        else if (diagnosis) {
          await onMessage(turn, diagnosis, input.text);
          // After the message is handled: a new problem starts a new case, and this message is its first.
          remember(state, input.text);
        }
        return turn.out;
      }
      case 'file':
      case 'unsentFile': {
        // What cannot be read is said first; anything typed with the file, or the file's text, is then read like a paste.
        const first = language(null);
        let notice: string | null = null;
        let fileText: string | null = null;
        if (input.kind === 'unsentFile') notice = t(first, 'file.notHere');
        else
          ({ text: fileText, notice } = await readFileOfTurn(
            context,
            input.file,
            this.services.files,
            first,
          ));
        const text = [input.text, fileText].filter((part) => part).join('\n\n');
        const diagnosis = text ? diagnose(text) : null;
        const turn = this.start(context, state, diagnosis ? language(diagnosis.recognition.lang) : first);
        state.lang = turn.lang;
        if (notice) say(turn.out, notice);
        if (diagnosis) {
          await onMessage(turn, diagnosis, text);
          remember(state, text);
        }
        return turn.out;
      }
      case 'action': {
        const turn = this.start(context, state, language(null));
        await runAction(turn, input.action);
        return turn.out;
      }
      case 'badAction': {
        const out = newOutcome(language(null));
        out.note = 'unreadable';
        return out;
      }
      default: {
        const turn = this.start(context, state, language(null));
        tell(turn, input.kind === 'attachment' ? 'reply.attachment' : 'reply.empty');
        return turn.out;
      }
    }
  }

  private start(context: TurnContext, state: TriageState, lang: Turn['lang']): Turn {
    return { context, state, lang, out: newOutcome(lang), services: this.services };
  }
}
