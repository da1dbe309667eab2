import { showHelp } from '../triage/show';
import type { DialogVerb } from './verb';

/** The welcome card again. */
export interface HelpAction {
  verb: 'help';
}

export const help: DialogVerb<HelpAction> = {
  scope: 'dialog',
  read: () => ({ verb: 'help' }),
  handle: async (turn) => showHelp(turn),
};
