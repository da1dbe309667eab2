import { isStepId, type StepId } from '../../diagnosis/types';
import { showCaseForm } from '../escalation/case-form';
import type { DialogVerb } from './verb';

/** Shows the case form; `step` is the advice card's step, when clicked on one. */
export interface EscalateAction {
  verb: 'escalate';
  step?: StepId;
}

export const escalate: DialogVerb<EscalateAction> = {
  scope: 'dialog',
  read(data) {
    if (data.step === undefined) return { verb: 'escalate' };
    return isStepId(data.step) ? { verb: 'escalate', step: data.step } : null;
  },
  handle: (turn, action) => showCaseForm(turn, action.step),
};
