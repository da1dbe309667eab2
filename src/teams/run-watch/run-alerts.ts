import type { RunWatchSettings } from '../../config/run-watch';
import type { Lang } from '../../diagnosis/types';
import type { KeyValueStore } from '../../escalation/store';
import { RunWatch } from '../../run-watch/run-watch';
import { WatchChannels, type ChannelTarget } from '../../run-watch/watch-channels';
import { RunWatchStore } from '../../run-watch/watch-store';
import type { EscalationDesk } from '../escalation/desk';

/** The run watch as the Teams edge uses it: the service, and the one language its cards are in. */
export interface RunAlerts {
  watch: RunWatch;
  lang: Lang;
}

/**
 * The run watch over the bot's store, delivering through the escalation outbox to the support
 * channel (from the settings or registered in Teams) and to the channels that watch runs.
 * Undefined while RUN_WATCH_KEYS is unset.
 */
export function createRunAlerts(
  settings: RunWatchSettings,
  storage: KeyValueStore,
  desk: EscalationDesk,
  clock?: () => number,
): RunAlerts | undefined {
  if (settings.keys.length === 0) return undefined;
  const store = new RunWatchStore(storage, { quietResults: settings.quietResults, clock });
  const watch = new RunWatch({
    store,
    clock,
    enqueue: (delivery, key) => desk.enqueue(delivery, key),
    channels: new WatchChannels(storage, { clock }),
    supportChannel: async (): Promise<ChannelTarget | null> => {
      const channel = await desk.supportChannel();
      return (
        channel && {
          channelId: channel.channelId,
          serviceUrl: channel.serviceUrl,
          tenantId: channel.tenantId,
        }
      );
    },
  });
  return { watch, lang: settings.lang };
}
