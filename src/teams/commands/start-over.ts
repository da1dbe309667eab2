import { QUESTIONS } from '../../diagnosis/triage-tree';
import { ask } from '../triage/show';
import { startNewCase } from '../triage/state';
import { tell } from '../triage/turn';
import { plain, type CommandDef } from './command';

export interface StartOverCommand {
  id: 'startOver';
}

export const startOver: CommandDef<StartOverCommand> = {
  pattern: /^(?:start over|restart|reset|cancel|start forfra|begynd forfra|forfra|annuller|nulstil)$/i,
  read: plain('startOver'),
  danish: ['forfra', 'annuller', 'nulstil'],
  async handle(turn) {
    startNewCase(turn.state, turn.lang);
    tell(turn, 'reply.startOver');
    return ask(turn, QUESTIONS.symptom);
  },
};
