import { QUESTIONS } from '../../diagnosis/triage-tree';
import { stillFailing as stillFailingClick } from '../actions/still-failing';
import { ask } from '../triage/show';
import { plain, type CommandDef } from './command';

export interface StillFailingCommand {
  id: 'stillFailing';
}

/** The advice button, typed. */
export const stillFailing: CommandDef<StillFailingCommand> = {
  pattern:
    /^(?:still failing|still broken|still fails|didn'?t help|did not help|fejler stadig|hjalp ikke|virker stadig ikke)$/i,
  read: plain('stillFailing'),
  danish: ['fejler', 'hjalp', 'virker'],
  async handle(turn) {
    const { current, shown } = turn.state;
    if (current) return stillFailingClick.handle(turn, { verb: 'stillFailing', step: current, tried: shown });
    return ask(turn, QUESTIONS.symptom);
  },
};
