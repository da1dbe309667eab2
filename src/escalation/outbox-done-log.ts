/**
 * Where finished deliveries are remembered until retention removes them: per retention class (run
 * alerts are kept an hour, case deliveries days) and hour of finishing, 16 documents by item id,
 * and a list of the hours that have documents. Nothing here grows with the number of cases: a
 * claim writes the current hour's documents, and a purge deletes whole hours.
 */
import { updateDoc, type CasOptions } from './cas';
import type { DeliveryKind } from './delivery';
import { SHARD_NAMES, shardOfId } from './outbox-index';
import { readDoc, readDocs, type KeyValueStore } from './store';

export type RetentionClass = 'case' | 'alert';

export const RETENTION_CLASSES: readonly RetentionClass[] = ['case', 'alert'];

const HOUR_MS = 3_600_000;

export function retentionClassOf(kind: DeliveryKind): RetentionClass {
  return kind === 'run-alert-card' || kind === 'run-alert-update' ? 'alert' : 'case';
}

export interface DoneEntry {
  /** Case (or alert) id. */
  c: string;
  /** Finished, epoch ms. */
  f: number;
}

export interface FinishedDelivery extends DoneEntry {
  id: string;
  cls: RetentionClass;
}

interface HourDoc {
  entries: Record<string, DoneEntry>;
}

interface HoursDoc {
  hours: number[];
}

export class OutboxDoneLog {
  constructor(
    private readonly store: KeyValueStore,
    private readonly prefix: string,
    private readonly cas: CasOptions,
  ) {}

  private hoursKey(cls: RetentionClass): string {
    return `${this.prefix}/outbox/done/${cls}/hours`;
  }

  private pageKey(cls: RetentionClass, hour: number, shard: string): string {
    return `${this.prefix}/outbox/done/${cls}/${hour}/${shard}`;
  }

  /** An hour's documents: one per id shard, so a busy hour is 16 small documents, not one large one. */
  private pagesOf(cls: RetentionClass, hours: readonly number[]): string[] {
    return hours.flatMap((h) => SHARD_NAMES.map((shard) => this.pageKey(cls, h, shard)));
  }

  /** Records finished deliveries, one write per document touched. */
  async record(finished: readonly FinishedDelivery[]): Promise<void> {
    const byPage = new Map<
      string,
      { cls: RetentionClass; hour: number; entries: Record<string, DoneEntry> }
    >();
    for (const d of finished) {
      const hour = Math.floor(d.f / HOUR_MS);
      const key = this.pageKey(d.cls, hour, shardOfId(d.id));
      const group = byPage.get(key) ?? { cls: d.cls, hour, entries: {} };
      group.entries[d.id] = { c: d.c, f: d.f };
      byPage.set(key, group);
    }
    for (const [key, { cls, hour, entries }] of byPage) {
      // The hour is listed before its document is written, so no document is ever left unlisted.
      await this.listHour(cls, hour);
      await updateDoc<HourDoc, void>(
        this.store,
        key,
        () => ({ entries: {} }),
        (doc) => ({ write: { entries: { ...doc.entries, ...entries } }, result: undefined }),
        this.cas,
      );
    }
  }

  /** Every logged delivery (for listing done items; reads every listed hour). */
  async entries(): Promise<Record<string, DoneEntry>> {
    const all: Record<string, DoneEntry> = {};
    for (const cls of RETENTION_CLASSES) {
      const listed = (await readDoc<HoursDoc>(this.store, this.hoursKey(cls)))?.value.hours ?? [];
      for (const keys of chunks(this.pagesOf(cls, listed), 128)) {
        const docs = await readDocs<HourDoc>(this.store, keys);
        for (const doc of docs.values()) Object.assign(all, doc.value.entries);
      }
    }
    return all;
  }

  /**
   * Takes out of the log everything of `caseIds`, and of each class everything finished before its
   * cutoff, calling `deleteItems` with their ids before the log forgets them (a crash in between
   * leaves a log entry of a missing item, never an item nobody would find again). Returns how many.
   */
  async purge(
    cutoffs: Partial<Record<RetentionClass, number>>,
    caseIds: ReadonlySet<string>,
    deleteItems: (ids: string[]) => Promise<void>,
  ): Promise<number> {
    let count = 0;
    for (const cls of RETENTION_CLASSES) {
      const listed = (await readDoc<HoursDoc>(this.store, this.hoursKey(cls)))?.value.hours ?? [];
      const cutoff = cutoffs[cls];
      const wholly = cutoff === undefined ? [] : listed.filter((h) => (h + 1) * HOUR_MS <= cutoff);
      const partly = listed.filter((h) => !wholly.includes(h));
      // Partly: the hour holding the cutoff (by time), or any hour when cases are named.
      const toRead =
        caseIds.size > 0 ? partly : partly.filter((h) => cutoff !== undefined && h * HOUR_MS < cutoff);
      for (const keys of chunks(this.pagesOf(cls, wholly), 128)) {
        const docs = await readDocs<HourDoc>(this.store, keys);
        const ids = [...docs.values()].flatMap((doc) => Object.keys(doc.value.entries));
        if (ids.length > 0) await deleteItems(ids);
        count += ids.length;
        await this.store.delete(keys);
      }
      if (wholly.length > 0) await this.unlistHours(cls, wholly);
      for (const keys of chunks(this.pagesOf(cls, toRead), 128)) {
        const docs = await readDocs<HourDoc>(this.store, keys);
        for (const [key, doc] of docs) {
          const gone = Object.entries(doc.value.entries)
            .filter(([, e]) => caseIds.has(e.c) || (cutoff !== undefined && e.f < cutoff))
            .map(([id]) => id);
          if (gone.length === 0) continue;
          await deleteItems(gone);
          await this.dropEntries(key, gone);
          count += gone.length;
        }
      }
    }
    return count;
  }

  private async listHour(cls: RetentionClass, hour: number): Promise<void> {
    const listed = await readDoc<HoursDoc>(this.store, this.hoursKey(cls));
    if (listed?.value.hours.includes(hour)) return;
    await updateDoc<HoursDoc, void>(
      this.store,
      this.hoursKey(cls),
      () => ({ hours: [] }),
      (doc) =>
        doc.hours.includes(hour)
          ? { keep: true, result: undefined }
          : { write: { hours: [...doc.hours, hour].sort((a, b) => a - b) }, result: undefined },
      this.cas,
    );
  }

  private unlistHours(cls: RetentionClass, hours: readonly number[]): Promise<void> {
    const gone = new Set(hours);
    return updateDoc<HoursDoc, void>(
      this.store,
      this.hoursKey(cls),
      () => ({ hours: [] }),
      (doc) => ({ write: { hours: doc.hours.filter((h) => !gone.has(h)) }, result: undefined }),
      this.cas,
    );
  }

  private dropEntries(key: string, ids: readonly string[]): Promise<void> {
    return updateDoc<HourDoc, void>(
      this.store,
      key,
      () => ({ entries: {} }),
      (doc) => {
        const entries = { ...doc.entries };
        for (const id of ids) delete entries[id];
        return { write: { entries }, result: undefined };
      },
      this.cas,
    );
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
