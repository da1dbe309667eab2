import { isStepId, type StepId } from '../../diagnosis/types';
import { showAdvice } from '../triage/show';
import type { DialogVerb } from './verb';

/** Shows the advice of a step. */
export interface ShowStepAction {
  verb: 'showStep';
  step: StepId;
}

export const showStep: DialogVerb<ShowStepAction> = {
  scope: 'dialog',
  read: (data) => (isStepId(data.step) ? { verb: 'showStep', step: data.step } : null),
  handle: (turn, action) => showAdvice(turn, action.step),
};
