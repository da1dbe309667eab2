import { isStepId, type StepId } from '../../diagnosis/types';
import { recordOutcome } from '../escalation/feedback';
import { showMessage } from '../triage/show';
import { startNewCase } from '../triage/state';
import { isOldAdviceCard } from '../triage/turn';
import type { DialogVerb } from './verb';

/** "That fixed it" on an advice card: the case is closed. */
export interface FixedAction {
  verb: 'fixed';
  step: StepId;
}

export const fixed: DialogVerb<FixedAction> = {
  scope: 'dialog',
  read: (data) => (isStepId(data.step) ? { verb: 'fixed', step: data.step } : null),
  async handle(turn, action) {
    if (isOldAdviceCard(turn, action.step)) return;
    await recordOutcome(turn, action.step, 'fixed');
    startNewCase(turn.state, turn.lang);
    showMessage(turn, 'reply.fixed.title', 'reply.fixed.text');
  },
};
