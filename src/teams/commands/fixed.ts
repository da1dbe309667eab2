import { QUESTIONS } from '../../diagnosis/triage-tree';
import { fixed as fixedClick } from '../actions/fixed';
import { ask } from '../triage/show';
import { plain, type CommandDef } from './command';

export interface FixedCommand {
  id: 'fixed';
}

/** The advice button, typed: people often write the label instead of clicking. */
export const fixed: CommandDef<FixedCommand> = {
  pattern: /^(?:that fixed it|fixed|it works|works now|solved|det løste det|løst|det virker|virker nu)$/i,
  read: plain('fixed'),
  danish: ['løste', 'løst', 'virker'],
  async handle(turn) {
    const step = turn.state.current;
    if (step) return fixedClick.handle(turn, { verb: 'fixed', step });
    return ask(turn, QUESTIONS.symptom);
  },
};
