/** Milliseconds since some epoch; injectable so tests control time. */
export type Clock = () => number;

/**
 * A set whose entries expire after `ttlMs` and which never holds more than `maxEntries`: keys come
 * from the network (activity ids, tenant ids), so an unbounded set would be a memory leak on demand.
 * Entries all live equally long, so insertion order is expiry order and eviction is O(1).
 */
export class BoundedTtlSet {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: Clock = Date.now,
  ) {}

  get size(): number {
    return this.expiries.size;
  }

  has(key: string): boolean {
    const expiry = this.expiries.get(key);
    if (expiry === undefined) return false;
    if (expiry > this.now()) return true;
    this.expiries.delete(key);
    return false;
  }

  /** Adds the key; false when it was already there (and not expired). */
  add(key: string): boolean {
    if (this.has(key)) return false;
    this.evict();
    this.expiries.set(key, this.now() + this.ttlMs);
    return true;
  }

  private evict(): void {
    const now = this.now();
    for (const [key, expiry] of this.expiries) {
      if (expiry > now && this.expiries.size < this.maxEntries) break;
      this.expiries.delete(key);
    }
  }
}
