/** Milliseconds since some epoch; injectable so tests control time. */
export type Clock = () => number;

interface Entry {
  key: string;
  expiry: number;
}

/**
 * A set whose entries expire after `ttlMs` and which never holds more than `maxEntries`: keys come
 * from network input (activity ids, tenant ids), so an unbounded set would be a memory leak on demand.
 * Entries all live equally long, so insertion order is expiry order: a queue of entries in that
 * order makes eviction O(1). (Walking the Map itself from its start was not: a Map keeps deleted
 * slots until it rehashes, and every eviction stepped over all of them again.)
 */
export class BoundedTtlSet {
  private readonly entries = new Map<string, Entry>();
  /** Entries in insertion order from `head` on; older slots are dropped in batches. */
  private queue: Entry[] = [];
  private head = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: Clock = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    if (entry.expiry > this.now()) return true;
    this.entries.delete(key);
    return false;
  }

  /** Adds the key; false when it was already there (and not expired). */
  add(key: string): boolean {
    if (this.has(key)) return false;
    const now = this.now();
    this.evict(now);
    const entry = { key, expiry: now + this.ttlMs };
    this.entries.set(key, entry);
    this.queue.push(entry);
    return true;
  }

  private evict(now: number): void {
    while (this.head < this.queue.length) {
      const oldest = this.queue[this.head]!;
      // A queued entry whose key expired through has() (or was added again since) is stale.
      const current = this.entries.get(oldest.key) === oldest;
      if (current && oldest.expiry > now && this.entries.size < this.maxEntries) break;
      if (current) this.entries.delete(oldest.key);
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
