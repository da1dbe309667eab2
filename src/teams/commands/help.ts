import { showHelp } from '../triage/show';
import { plain, type CommandDef } from './command';

export interface HelpCommand {
  id: 'help';
}

export const help: CommandDef<HelpCommand> = {
  pattern: /^(?:help|hjælp|hjaelp|\?|menu)$/i,
  read: plain('help'),
  danish: ['hjælp', 'hjaelp'],
  handle: async (turn) => showHelp(turn),
};
