import { tenantIdsOf } from '../../adapter/middleware/tenant';
import { MAX_WATCH_CHANNELS, MAX_WATCHED_MAS } from '../../run-watch/watch-channels';
import { shownAsText } from '../../lib/shown-as-text';
import { channelIdOf } from '../escalation/support-channel';
import { tell, type Turn } from '../triage/turn';
import type { CommandDef } from './command';

export interface WatchRunsCommand {
  id: 'watchRuns';
  /** MA names as typed; empty: every MA. */
  mas: string[];
}

export interface StopWatchingRunsCommand {
  id: 'stopWatchingRuns';
}

const MAX_MA_NAME = 100;

/** Who may point run alerts at a channel: a support admin, typing in that channel. */
function checkWatchTurn(turn: Turn): { channelId: string; tenantId: string; serviceUrl: string } | null {
  const { desk, runAlerts } = turn.services;
  const activity = turn.context.activity;
  if (!runAlerts || !desk) {
    tell(turn, 'reply.watch.off');
    return null;
  }
  if (!desk.isSupportAdmin(activity)) {
    tell(turn, 'reply.watch.notAdmin');
    return null;
  }
  const channelId = channelIdOf(activity);
  const [tenantId] = tenantIdsOf(activity);
  if (!channelId || !tenantId || typeof activity.serviceUrl !== 'string') {
    tell(turn, 'reply.watch.notChannel');
    return null;
  }
  return { channelId, tenantId, serviceUrl: activity.serviceUrl };
}

/** "watch runs here [for <MA>, <MA>]": a support admin has run alerts posted in this channel too. */
export const watchRuns: CommandDef<WatchRunsCommand> = {
  pattern: /^(?:watch runs here|overvåg kørsler her|overvaag koersler her)(?: for (.+))?$/i,
  read(match) {
    const mas = (match[1] ?? '')
      .split(',')
      .map((ma) => ma.trim())
      .filter((ma) => ma !== '');
    if (mas.some((ma) => ma.length > MAX_MA_NAME)) return null;
    return { id: 'watchRuns', mas };
  },
  danish: ['overvåg', 'overvaag', 'kørsler', 'koersler'],
  async handle(turn, command) {
    const target = checkWatchTurn(turn);
    if (!target) return;
    if (command.mas.length > MAX_WATCHED_MAS)
      return tell(turn, 'reply.watch.tooManyMas', { n: MAX_WATCHED_MAS });
    const from = turn.context.activity.from;
    const result = await turn.services.runAlerts?.watch.channels.add(
      target,
      command.mas.length > 0 ? command.mas : null,
      { id: from?.id ?? '', name: from?.name ?? '' },
    );
    if (result === 'too-many') return tell(turn, 'reply.watch.tooMany', { n: MAX_WATCH_CHANNELS });
    if (command.mas.length === 0) return tell(turn, 'reply.watch.addedAll');
    tell(turn, 'reply.watch.addedSome', { mas: command.mas.map((ma) => shownAsText(ma)).join(', ') });
  },
};

/** "stop watching runs": this channel gets no more run alerts. */
export const stopWatchingRuns: CommandDef<StopWatchingRunsCommand> = {
  pattern: /^(?:stop watching runs|stop overvågning af kørsler|stop overvaagning af koersler)$/i,
  read: () => ({ id: 'stopWatchingRuns' }),
  danish: ['overvågning', 'overvaagning', 'kørsler', 'koersler'],
  async handle(turn) {
    const target = checkWatchTurn(turn);
    if (!target) return;
    const removed = await turn.services.runAlerts?.watch.channels.remove(target.channelId);
    tell(turn, removed ? 'reply.watch.stopped' : 'reply.watch.notWatching');
  },
};
