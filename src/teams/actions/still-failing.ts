import { nextStep } from '../../diagnosis/advise';
import { isStepId, type StepId } from '../../diagnosis/types';
import { t } from '../../i18n';
import { recordOutcome } from '../escalation/feedback';
import { caseSummary } from '../triage/case-summary';
import { showAdvice } from '../triage/show';
import { isOldAdviceCard, sendCard, tell } from '../triage/turn';
import { messageView } from '../views/message-views';
import type { DialogVerb } from './verb';

/** "Still failing" on an advice card: the next step, else a case for support (or a summary to copy). */
export interface StillFailingAction {
  verb: 'stillFailing';
  step: StepId;
  /** The steps shown when the card was sent: the next step skips them even when the case is gone. */
  tried: StepId[];
}

export const stillFailing: DialogVerb<StillFailingAction> = {
  scope: 'dialog',
  read(data) {
    if (!isStepId(data.step)) return null;
    const tried = Array.isArray(data.tried) ? data.tried.filter(isStepId).slice(0, 7) : [];
    return { verb: 'stillFailing', step: data.step, tried };
  },
  async handle(turn, action) {
    const { state, lang } = turn;
    if (isOldAdviceCard(turn, action.step)) return;
    await recordOutcome(turn, action.step, 'still-failing');
    const shown = [...new Set([...state.shown, ...action.tried])];
    const next = nextStep(action.step, shown, state.ranked);
    if (next) {
      tell(turn, 'reply.next.title');
      return showAdvice(turn, next);
    }
    if (turn.services.desk) {
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
  },
};
