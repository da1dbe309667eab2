/**
 * Watching MIM runs: a run history sent by a MIM server is stored run by run, then every alert of
 * the MAs it names gets its card post and updates queued in the escalation outbox. Queuing is
 * idempotent (dedupe keys per alert and version), so it is done again on every request, duplicates
 * too: whatever a crash between storing and queuing lost is put back by the sender's next try.
 */
import type { Delivery, DeliveryKind } from '../escalation/delivery';
import type { RunHistoryReading } from '../diagnosis/readers';
import { runFactsOf } from './run-facts';
import { SUPPORT_TARGET, watches, type ChannelTarget, type WatchChannels } from './watch-channels';
import type { Person, RunAlert, RunWatchStore } from './watch-store';

export interface AlertDelivery {
  kind: Extract<DeliveryKind, 'run-alert-card' | 'run-alert-update'>;
  key: string;
}

/**
 * A muted alert is never posted; a posted one gets one update per version after the first. Each
 * target (the support channel, a watching channel) has keys of its own.
 */
export function alertDeliveries(alert: RunAlert, target: string = SUPPORT_TARGET): AlertDelivery[] {
  if (alert.muted) return [];
  const base = target === SUPPORT_TARGET ? `run-alert/${alert.id}` : `run-alert/${alert.id}@${target}`;
  const deliveries: AlertDelivery[] = [{ kind: 'run-alert-card', key: base }];
  if (alert.version > 1) deliveries.push({ kind: 'run-alert-update', key: `${base}/v${alert.version}` });
  return deliveries;
}

/** What a run-alert delivery carries besides its channel: which target's card it is. */
export interface AlertPayload {
  target: string;
}

export interface RunWatchOptions {
  store: RunWatchStore;
  enqueue: (delivery: Delivery, key: string) => Promise<void>;
  /** The support channel, null while there is none. */
  supportChannel: () => Promise<ChannelTarget | null>;
  /** Channels that watch runs as well. */
  channels: WatchChannels;
  clock?: () => number;
}

export interface ReceiveResult {
  accepted: number;
  duplicates: number;
  /** False when no channel gets alerts (no support channel, none watching): the runs are only stored. */
  delivered: boolean;
}

export const MUTE_MS = 4 * 60 * 60 * 1000;

export class RunWatch {
  private readonly clock: () => number;

  constructor(private readonly options: RunWatchOptions) {
    this.clock = options.clock ?? Date.now;
  }

  get store(): RunWatchStore {
    return this.options.store;
  }

  async receive(keyId: string, reading: RunHistoryReading): Promise<ReceiveResult> {
    const facts = reading.runs.map(runFactsOf);
    const { accepted, duplicates, alerts } = await this.options.store.ingest(keyId, facts);
    const delivered = await this.queue(alerts);
    return { accepted, duplicates, delivered };
  }

  takeOn(alertId: string, by: Person): Promise<RunAlert | undefined> {
    return this.changed(this.options.store.takeOn(alertId, by));
  }

  mute(alertId: string, by: Person): Promise<RunAlert | undefined> {
    return this.changed(this.options.store.mute(alertId, by, this.clock() + MUTE_MS));
  }

  linkCase(alertId: string, caseId: string): Promise<RunAlert | undefined> {
    return this.changed(this.options.store.linkCase(alertId, caseId));
  }

  private async changed(change: Promise<RunAlert | undefined>): Promise<RunAlert | undefined> {
    const alert = await change;
    if (alert) await this.queue([alert]);
    return alert;
  }

  get channels(): WatchChannels {
    return this.options.channels;
  }

  private async queue(alerts: readonly RunAlert[]): Promise<boolean> {
    const support = await this.options.supportChannel();
    const channels = await this.options.channels.list();
    if (!support && channels.length === 0) return false;
    for (const alert of alerts) {
      const targets: { key: string; target: ChannelTarget }[] = [];
      if (support) targets.push({ key: SUPPORT_TARGET, target: support });
      for (const c of channels) {
        if (c.channelId !== support?.channelId && watches(c, alert.maName))
          targets.push({ key: c.key, target: c });
      }
      for (const { key, target } of targets) {
        const payload: AlertPayload = { target: key };
        const where: ChannelTarget = {
          channelId: target.channelId,
          serviceUrl: target.serviceUrl,
          tenantId: target.tenantId,
        };
        for (const d of alertDeliveries(alert, key)) {
          await this.options.enqueue({ kind: d.kind, caseId: alert.id, payload, target: where }, d.key);
        }
      }
    }
    return true;
  }
}
