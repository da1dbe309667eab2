/**
 * Watching MIM runs: a run history sent by a MIM server is stored run by run, then every alert of
 * the MAs it names gets its card post and updates queued in the escalation outbox. Queuing is
 * idempotent (dedupe keys per alert and version), so it is done again on every request, duplicates
 * too: whatever a crash between storing and queuing lost is put back by the sender's next try.
 */
import type { Delivery, DeliveryKind } from '../escalation/delivery';
import type { RunHistoryReading } from '../diagnosis/readers';
import { runFactsOf } from './run-facts';
import type { Person, RunAlert, RunWatchStore } from './watch-store';

export interface AlertDelivery {
  kind: Extract<DeliveryKind, 'run-alert-card' | 'run-alert-update'>;
  key: string;
}

/** A muted alert is never posted; a posted one gets one update per version after the first. */
export function alertDeliveries(alert: RunAlert): AlertDelivery[] {
  if (alert.muted) return [];
  const deliveries: AlertDelivery[] = [{ kind: 'run-alert-card', key: `run-alert/${alert.id}` }];
  if (alert.version > 1)
    deliveries.push({ kind: 'run-alert-update', key: `run-alert/${alert.id}/v${alert.version}` });
  return deliveries;
}

export interface RunWatchOptions {
  store: RunWatchStore;
  enqueue: (delivery: Delivery, key: string) => Promise<void>;
  /** Where alert cards go (the support channel), null while there is none. */
  target: () => Promise<unknown>;
  clock?: () => number;
}

export interface ReceiveResult {
  accepted: number;
  duplicates: number;
  /** False when there is no support channel: the runs are stored, the cards wait for one. */
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

  private async queue(alerts: readonly RunAlert[]): Promise<boolean> {
    const target = await this.options.target();
    if (target === null || target === undefined) return false;
    for (const alert of alerts) {
      for (const d of alertDeliveries(alert)) {
        await this.options.enqueue({ kind: d.kind, caseId: alert.id, payload: null, target }, d.key);
      }
    }
    return true;
  }
}
