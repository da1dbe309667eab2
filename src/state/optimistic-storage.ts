import type { Storage, StoreItem, StoreItems } from 'botbuilder';

interface ReadMark {
  key: string;
  eTag: string;
}

/**
 * Makes botbuilder's BotState save with the eTag it read.
 *
 * Why: BotState 4.23 sets `eTag = '*'` on the cached state object right before every save
 * (botbuilder-core/lib/botState.js, saveChanges), so two instances running turns of one
 * conversation at once silently overwrite each other: the last writer wins. BotState does hand the
 * very object it got from `read` back to `write`, so this wrapper remembers, per object, the key and
 * eTag it was read with, and turns BotState's `'*'` on that object back into a condition on that
 * eTag. The store then rejects the losing save (see isETagConflict).
 *
 * Every other write keeps the Storage contract: an item the caller built itself, or one carrying an
 * explicit eTag, is passed through unchanged, so `'*'` on a fresh object still overwrites.
 */
export class OptimisticStorage implements Storage {
  private readonly marks = new WeakMap<object, ReadMark>();

  constructor(readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const [key, item] of Object.entries(items)) {
      const eTag = (item as StoreItem | undefined)?.eTag;
      if (isObject(item) && typeof eTag === 'string' && eTag !== '' && eTag !== '*') {
        this.marks.set(item, { key, eTag });
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const effective: StoreItems = {};
    const saved: object[] = [];
    for (const [key, item] of Object.entries(changes)) {
      const mark = isObject(item) ? this.marks.get(item) : undefined;
      if (mark && mark.key === key && (item as StoreItem).eTag === '*') {
        effective[key] = { ...(item as StoreItem), eTag: mark.eTag };
        saved.push(item as object);
      } else {
        effective[key] = item;
      }
    }
    await this.inner.write(effective);
    // Storage.write does not return the new eTag, so a second save of the same object within one
    // turn is unconditional again (BotState saves once per turn; a fresh read re-arms the check).
    for (const item of saved) this.marks.delete(item);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
