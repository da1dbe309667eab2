/**
 * The key-value port escalation keeps its documents in. botbuilder's `Storage` (MemoryStorage,
 * BlobsStorage, our FileStorage) satisfies it structurally, so the edge passes its store in and
 * nothing here imports the framework.
 */

/** What a store returns and accepts: plain JSON objects, each optionally carrying the eTag it was read with. */
export interface StoredItem {
  eTag?: string;
  [field: string]: unknown;
}

export interface KeyValueStore {
  /** Missing keys are simply absent from the result. */
  read(keys: string[]): Promise<Record<string, unknown>>;
  /** An item whose eTag is not current is rejected; `'*'` (or none) writes unconditionally. */
  write(changes: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/** A document as read: its content (without the eTag) and the eTag to write it back with. */
export interface Versioned<T> {
  value: T;
  eTag: string;
}

/** HTTP status Azure Storage and Cosmos DB use for a failed If-Match precondition. */
const PRECONDITION_FAILED = 412;

/**
 * True when a write lost an optimistic-concurrency race. Each store says so differently:
 * MemoryStorage and BlobsStorage throw "... due to eTag conflict.", Azure SDKs a 412 or
 * ConditionNotMet. Kept here (not shared with src/state) so this package stays standalone.
 */
export function isConflict(err: unknown): boolean {
  return matchesConflict(err) || (err instanceof Error && matchesConflict(err.cause));
}

function matchesConflict(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { statusCode, code, message } = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (statusCode === PRECONDITION_FAILED || code === 'ConditionNotMet') return true;
  return typeof message === 'string' && /due to eTag conflict/i.test(message);
}

/** Reads one document; undefined when it is missing or not an object (a corrupt item counts as missing). */
export async function readDoc<T extends object>(
  store: KeyValueStore,
  key: string,
): Promise<Versioned<T> | undefined> {
  const items = await store.read([key]);
  return toVersioned<T>(items[key]);
}

/** Reads several documents in one call; missing ones are left out. */
export async function readDocs<T extends object>(
  store: KeyValueStore,
  keys: readonly string[],
): Promise<Map<string, Versioned<T>>> {
  const found = new Map<string, Versioned<T>>();
  if (keys.length === 0) return found;
  const items = await store.read([...keys]);
  for (const key of keys) {
    const doc = toVersioned<T>(items[key]);
    if (doc) found.set(key, doc);
  }
  return found;
}

function toVersioned<T extends object>(item: unknown): Versioned<T> | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const { eTag, ...value } = item as StoredItem;
  return { value: value as unknown as T, eTag: typeof eTag === 'string' ? eTag : '*' };
}

/** Writes one document only if it still has `eTag`; rejects (see isConflict) when someone wrote it since. */
export function writeIfMatch<T extends object>(
  store: KeyValueStore,
  key: string,
  value: T,
  eTag: string,
): Promise<void> {
  // One key per write: MemoryStorage is not atomic across keys of one call.
  return store.write({ [key]: { ...value, eTag } });
}

/** Writes one document unconditionally (`'*'`, which every botbuilder store reads as "no condition"). */
export function writeAlways<T extends object>(store: KeyValueStore, key: string, value: T): Promise<void> {
  return store.write({ [key]: { ...value, eTag: '*' } });
}
