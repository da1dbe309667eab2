import { isFromChannel } from '../escalation/support-channel';
import { sendCard, tell } from '../triage/turn';
import { runsOverviewView } from '../views/runs-view';
import { plain, type CommandDef } from './command';

export interface RunsCommand {
  id: 'runs';
}

/** "runs": the last result per MA per server and the last day's failures, where run alerts go. */
export const runs: CommandDef<RunsCommand> = {
  pattern: /^(?:runs|kørsler|koersler)$/i,
  read: plain('runs'),
  danish: ['kørsler', 'koersler'],
  async handle(turn) {
    const { desk, runAlerts } = turn.services;
    if (!runAlerts || !desk) return tell(turn, 'reply.watch.off');
    const activity = turn.context.activity;
    const support = await desk.supportChannel();
    const watching = await runAlerts.watch.channels.list();
    const here =
      desk.isSupportAdmin(activity) ||
      (support !== null && isFromChannel(activity, support)) ||
      watching.some((c) => isFromChannel(activity, c));
    if (!here) return tell(turn, 'reply.runs.notHere');
    const watches = await runAlerts.watch.store.overview();
    sendCard(turn, 'list', runsOverviewView(watches, turn.lang, Date.now()));
  },
};
