import { QUESTIONS } from '../../diagnosis/triage-tree';
import { ask } from '../triage/show';
import { startNewCase } from '../triage/state';
import type { DialogVerb } from './verb';

/** Forget the case and ask what goes wrong. */
export interface StartOverAction {
  verb: 'startOver';
}

export const startOver: DialogVerb<StartOverAction> = {
  scope: 'dialog',
  read: () => ({ verb: 'startOver' }),
  async handle(turn) {
    startNewCase(turn.state, turn.lang);
    return ask(turn, QUESTIONS.symptom);
  },
};
