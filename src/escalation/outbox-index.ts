/**
 * The outbox's index of unfinished deliveries: which items are pending (or failed, kept visible
 * until retention), when they are due, which case they belong to. Finished deliveries leave it for
 * the done log, so its size follows the backlog, not the history.
 *
 * It is split into 16 shards by item id: an enqueue rewrites one small shard, a claim reads all of
 * them in one call. A deployment upgraded from the one-document index (`<prefix>/outbox/index`) has
 * that document moved into the shards and the done log by the first read, then deleted.
 */
import { updateDoc, type CasOptions } from './cas';
import type { DeliveryKind, OutboxItem } from './delivery';
import { readDocs, type KeyValueStore } from './store';

export interface IndexEntry {
  /** 'pending' covers leased too: claims do not touch the index. A hint; the item is the truth. */
  st: 'pending' | 'failed';
  due: number;
  at: number;
  /** Order of enqueue within `at` (shards do not keep insertion order); absent in old entries. */
  q?: number;
  k: DeliveryKind;
  c: string;
}

interface Shard {
  entries: Record<string, IndexEntry>;
}

/** The one-document index of earlier versions; it also kept finished entries. */
interface LegacyIndex {
  entries: Record<string, Omit<IndexEntry, 'st'> & { st: IndexEntry['st'] | 'done' }>;
}

/** A change to the index: an entry to set (status and due only, for an entry that exists) or to drop. */
export type IndexRepair = Pick<IndexEntry, 'st' | 'due'> | null;

/** Shards of the index and of the done log's hours, by the item id's first hex digit. */
export const SHARD_NAMES: readonly string[] = '0123456789abcdef'.split('');

export class OutboxIndex {
  constructor(
    private readonly store: KeyValueStore,
    private readonly prefix: string,
    private readonly cas: CasOptions,
  ) {}

  get legacyKey(): string {
    return `${this.prefix}/outbox/index`;
  }

  shardKey(id: string): string {
    return `${this.prefix}/outbox/pending/${shardOfId(id)}`;
  }

  /** Every entry of every shard, in one read. */
  async entries(): Promise<Record<string, IndexEntry>> {
    const keys = SHARD_NAMES.map((s) => `${this.prefix}/outbox/pending/${s}`);
    const docs = await readDocs<Shard | LegacyIndex>(this.store, [...keys, this.legacyKey]);
    const legacy = docs.get(this.legacyKey)?.value as LegacyIndex | undefined;
    // Shard entries are newer than the old document's, so they win.
    const all: Record<string, IndexEntry> = legacy ? await this.migrate(legacy) : {};
    for (const key of keys) Object.assign(all, (docs.get(key)?.value as Shard | undefined)?.entries);
    return all;
  }

  /** Adds the entry unless the id has one; true when this call added it (two enqueues of a key meet here). */
  add(id: string, entry: IndexEntry): Promise<boolean> {
    return updateDoc<Shard, boolean>(
      this.store,
      this.shardKey(id),
      () => ({ entries: {} }),
      (shard) =>
        shard.entries[id]
          ? { keep: true, result: false }
          : { write: { entries: { ...shard.entries, [id]: entry } }, result: true },
      this.cas,
    );
  }

  /** Applies repairs, one write per shard touched; ids no longer indexed (purged meanwhile) are skipped. */
  async repair(changes: ReadonlyMap<string, IndexRepair>): Promise<void> {
    const byShard = new Map<string, [string, IndexRepair][]>();
    for (const [id, change] of changes) {
      const key = this.shardKey(id);
      byShard.set(key, [...(byShard.get(key) ?? []), [id, change]]);
    }
    for (const [key, shardChanges] of byShard) {
      await updateDoc<Shard, void>(
        this.store,
        key,
        () => ({ entries: {} }),
        (shard) => {
          const entries = { ...shard.entries };
          let changed = false;
          for (const [id, change] of shardChanges) {
            if (!(id in entries)) continue;
            if (change === null) delete entries[id];
            else entries[id] = { ...entries[id], st: change.st, due: change.due };
            changed = true;
          }
          return changed ? { write: { entries }, result: undefined } : { keep: true, result: undefined };
        },
        this.cas,
      );
    }
  }

  /**
   * Moves the old one-document index into the shards. Its finished entries go in as pending: the
   * next claim reads their items, finds them done and moves them to the done log like any other.
   * Adding never overwrites, so two instances migrating at once do no harm.
   */
  private async migrate(legacy: LegacyIndex): Promise<Record<string, IndexEntry>> {
    const moved: Record<string, IndexEntry> = {};
    for (const [id, entry] of Object.entries(legacy.entries)) {
      moved[id] = { ...entry, st: entry.st === 'failed' ? 'failed' : 'pending' };
    }
    const byShard = new Map<string, Record<string, IndexEntry>>();
    for (const [id, entry] of Object.entries(moved)) {
      const key = this.shardKey(id);
      byShard.set(key, { ...byShard.get(key), [id]: entry });
    }
    for (const [key, add] of byShard) {
      await updateDoc<Shard, void>(
        this.store,
        key,
        () => ({ entries: {} }),
        (shard) => ({ write: { entries: { ...add, ...shard.entries } }, result: undefined }),
        this.cas,
      );
    }
    await this.store.delete([this.legacyKey]);
    return moved;
  }
}

let sequence = 0;

/** Orders enqueues of the same millisecond, which is when a case's card and its update often meet. */
export function nextSequence(): number {
  sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
  return sequence;
}

export function entryFor(item: OutboxItem): IndexEntry {
  return {
    st: item.status === 'failed' ? 'failed' : 'pending',
    due: item.dueAt,
    at: item.enqueuedAt,
    k: item.delivery.kind,
    c: item.delivery.caseId,
  };
}

export function shardOfId(id: string): string {
  // Ids are "d" + hex (StorageOutbox.idFor); anything else still lands in a valid shard.
  const ch = id.charAt(1).toLowerCase();
  return SHARD_NAMES.includes(ch) ? ch : '0';
}
