import { sendCard, tell } from '../triage/turn';
import { statsView } from '../views/case-views';
import { plain, type CommandDef } from './command';

export interface StatsCommand {
  id: 'stats';
}

/** How often each step fixed things, for the support channel and support admins. */
export const stats: CommandDef<StatsCommand> = {
  pattern: /^(?:stats|statistics|statistik)$/i,
  read: plain('stats'),
  danish: ['statistik'],
  async handle(turn) {
    const { desk } = turn.services;
    if (!desk) return tell(turn, 'reply.casesUnavailable');
    if (!(await desk.isSupport(turn.context.activity))) return tell(turn, 'reply.supportOnly');
    sendCard(turn, 'list', statsView(await desk.stats(), turn.lang));
  },
};
