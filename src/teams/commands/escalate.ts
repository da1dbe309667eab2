import { showCaseForm } from '../escalation/case-form';
import { plain, type CommandDef } from './command';

export interface EscalateCommand {
  id: 'escalate';
}

export const escalate: CommandDef<EscalateCommand> = {
  pattern: /^(?:escalate|escalate to support|eskalér|eskaler|eskalér til support|eskaler til support)$/i,
  read: plain('escalate'),
  danish: ['eskalér', 'eskaler'],
  handle: (turn) => showCaseForm(turn),
};
