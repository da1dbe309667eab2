import { isConflict, readDoc, writeAlways, writeIfMatch, type KeyValueStore } from './store';

/** What a read-modify-write step decided: write this document, or leave it, and what to return. */
export type Change<T, R> = { write: T; result: R } | { keep: true; result: R };

export interface CasOptions {
  /** Reads and writes tried before giving up (default 100: fifty writers racing on one document still finish). */
  maxAttempts?: number;
  /** First retry waits up to this long (default 2 ms); doubles per attempt, full jitter. */
  baseDelayMs?: number;
  /** Longest wait between attempts (default 50 ms). */
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Thrown when a document kept changing under us for every attempt. */
export class ConflictRetriesExhaustedError extends Error {
  constructor(
    readonly key: string,
    readonly attempts: number,
  ) {
    super(`Escalation store: gave up writing "${key}" after ${attempts} eTag conflicts.`);
    this.name = 'ConflictRetriesExhaustedError';
  }
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Read, change, write back conditionally on the eTag read; on a conflict start over. A missing
 * document is first created from `create()` (see ensureExists), so every change is a CAS.
 */
export function updateDoc<T extends object, R>(
  store: KeyValueStore,
  key: string,
  create: () => T,
  change: (current: T) => Change<T, R>,
  options: CasOptions = {},
): Promise<R> {
  return casLoop(store, key, change, options, async () => {
    await ensureExists(store, key, create);
    return undefined;
  });
}

/** Like updateDoc for a document that must already exist: `missing()` answers when it does not. */
export function updateIfExists<T extends object, R>(
  store: KeyValueStore,
  key: string,
  change: (current: T) => Change<T, R>,
  missing: () => R,
  options: CasOptions = {},
): Promise<R> {
  return casLoop(store, key, change, options, () => Promise.resolve({ result: missing() }));
}

async function casLoop<T extends object, R>(
  store: KeyValueStore,
  key: string,
  change: (current: T) => Change<T, R>,
  options: CasOptions,
  onMissing: () => Promise<{ result: R } | undefined>,
): Promise<R> {
  const maxAttempts = options.maxAttempts ?? 100;
  const base = options.baseDelayMs ?? 2;
  const cap = options.maxDelayMs ?? 50;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const doc = await readDoc<T>(store, key);
    if (!doc) {
      const answer = await onMissing();
      if (answer) return answer.result;
      continue; // created (by us or someone else): read it again
    }
    const decided = change(doc.value);
    if ('keep' in decided) return decided.result;
    try {
      await writeIfMatch(store, key, decided.write, doc.eTag);
      return decided.result;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    if (attempt < maxAttempts) await sleep(Math.floor(random() * Math.min(cap, base * 2 ** attempt)));
  }
  throw new ConflictRetriesExhaustedError(key, maxAttempts);
}

/**
 * Creations in flight per store and key. botbuilder stores have no create-if-absent, so two
 * creators could each write an empty document and the later one erase what the first already
 * changed. Within one process creations of a key run one at a time and re-read first, which closes
 * that window; across processes it stays open only for the very first write of each document (call
 * the stores' init() at start-up to take it out of request paths).
 */
const creating = new WeakMap<KeyValueStore, Map<string, Promise<void>>>();

export function ensureExists<T extends object>(
  store: KeyValueStore,
  key: string,
  create: () => T,
): Promise<void> {
  let perStore = creating.get(store);
  if (!perStore) {
    perStore = new Map();
    creating.set(store, perStore);
  }
  const inFlight = perStore.get(key);
  if (inFlight) return inFlight;
  const flight = (async () => {
    try {
      if (!(await readDoc(store, key))) await writeAlways(store, key, create());
    } finally {
      perStore.delete(key);
    }
  })();
  perStore.set(key, flight);
  return flight;
}
