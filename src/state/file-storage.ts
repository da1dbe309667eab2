import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Logger } from '../logger';
import { ETagConflictError } from './conflict';
import { expiresWithTtl } from './state-keys';

export type StateLogger = Pick<Logger, 'warn' | 'info' | 'debug'>;

export interface FileStorageOptions {
  /** Folder holding one file per key; created (mode 0700) on first use. */
  dir: string;
  logger?: StateLogger;
  /** fsync file and folder on every write (default true); off only where durability does not matter. */
  fsync?: boolean;
}

export interface SweepOptions {
  /** Items not written for this long are removed. */
  olderThanMs: number;
  /** Which keys may expire; default: conversation state only (see expiresWithTtl). */
  expires?: (key: string) => boolean;
  /** Stop after this many removals, so one sweep of a big backlog stays short (default 10,000). */
  maxRemovals?: number;
  now?: number;
}

export interface SweepResult {
  scanned: number;
  removed: number;
}

/** What one file holds. The key is kept so the store can verify it and the sweep can judge it. */
interface Envelope {
  key: string;
  eTag: string;
  item: Record<string, unknown>;
}

const SUFFIX = '.json';
const TEMP_SUFFIX = '.tmp';
/** A temp file this old is left over from a crash mid-write (a write takes milliseconds). */
const STALE_TEMP_MS = 10 * 60_000;

/**
 * Per-file queue shared by every FileStorage in this process: the eTag check and the rename of one
 * key must not interleave, also between two instances on the same folder. Other processes are
 * kept out by the folder lock (dir-lock.ts).
 */
const keyQueues = new Map<string, Promise<void>>();

async function exclusive<T>(file: string, task: () => Promise<T>): Promise<T> {
  const previous = keyQueues.get(file) ?? Promise.resolve();
  let release = (): void => undefined;
  const current = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => current);
  keyQueues.set(file, tail);
  await previous;
  try {
    return await task();
  } finally {
    release();
    if (keyQueues.get(file) === tail) keyQueues.delete(file);
  }
}

/**
 * botbuilder `Storage` on the local disk: one JSON file per key, named by the SHA-256 of the key
 * (conversation ids hold `:`, `;`, `@`, `/` and can be longer than a file name may be).
 *
 * - Writes are atomic: a temp file is written and fsynced, then renamed over the old one, so a crash
 *   leaves the old or the new item, never half of one.
 * - Each write gets a new random eTag. A write carrying an eTag succeeds only if the stored item
 *   still has it (a missing item fails too, as BlobsStorage does); `'*'` or no eTag overwrites.
 * - A file that does not parse is logged and read as missing, so one bad file cannot stop a conversation.
 */
export class FileStorage implements Storage {
  readonly dir: string;
  private readonly logger: StateLogger | undefined;
  private readonly fsync: boolean;
  private ready: Promise<void> | undefined;

  constructor(options: FileStorageOptions) {
    this.dir = options.dir;
    this.logger = options.logger;
    this.fsync = options.fsync ?? true;
  }

  /** The file that holds `key` (for tests and size measurements). */
  fileOf(key: string): string {
    return join(this.dir, createHash('sha256').update(key, 'utf8').digest('hex') + SUFFIX);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const envelope = await this.load(this.fileOf(key), key);
        if (envelope) items[key] = { ...envelope.item, eTag: envelope.eTag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.prepare();
    await Promise.all(
      Object.entries(changes).map(([key, change]) => this.writeOne(key, change as StoreItem)),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => {
        const file = this.fileOf(key);
        return exclusive(file, () => rm(file, { force: true }));
      }),
    );
  }

  /**
   * Removes expirable items whose last write is older than `olderThanMs`, and temp files left by a
   * crash. Only items that are old by their file time are opened, so a sweep of a busy folder is cheap.
   */
  async sweep(options: SweepOptions): Promise<SweepResult> {
    const now = options.now ?? Date.now();
    const expires = options.expires ?? expiresWithTtl;
    const maxRemovals = options.maxRemovals ?? 10_000;
    const cutoff = now - options.olderThanMs;
    const result: SweepResult = { scanned: 0, removed: 0 };
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return result;
      throw err;
    }
    for (const name of names) {
      if (result.removed >= maxRemovals) break;
      const file = join(this.dir, name);
      if (name.endsWith(TEMP_SUFFIX)) {
        if ((await mtimeOf(file)) < now - STALE_TEMP_MS) await rm(file, { force: true });
        continue;
      }
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue;
      result.scanned += 1;
      if ((await mtimeOf(file)) >= cutoff) continue;
      const removed = await exclusive(file, async () => {
        // Look again under the key's queue: a write may have landed since the first look.
        if ((await mtimeOf(file)) >= cutoff) return false;
        const envelope = await this.load(file, undefined);
        if (envelope && !expires(envelope.key)) return false;
        await rm(file, { force: true });
        return true;
      });
      if (removed) result.removed += 1;
    }
    return result;
  }

  private prepare(): Promise<void> {
    // Not cached when it fails: a folder that appears later (a mount) must work without a restart.
    this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).then(
      () => undefined,
      (err: unknown) => {
        this.ready = undefined;
        throw err;
      },
    );
    return this.ready;
  }

  private writeOne(key: string, change: StoreItem): Promise<void> {
    const file = this.fileOf(key);
    return exclusive(file, async () => {
      const { eTag: wanted, ...item } = change;
      if (typeof wanted === 'string' && wanted !== '' && wanted !== '*') {
        const current = await this.load(file, key);
        if (!current || current.eTag !== wanted) throw new ETagConflictError(key);
      }
      const envelope: Envelope = { key, eTag: randomBytes(12).toString('base64url'), item };
      await this.replace(file, JSON.stringify(envelope));
    });
  }

  /** Temp file, fsync, rename, fsync the folder: the file is the old one or the new one, whole. */
  private async replace(file: string, data: string): Promise<void> {
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      if (this.fsync) await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    if (this.fsync) await syncFolder(this.dir);
  }

  /** The envelope in `file`, or null when it is missing or unusable (logged). */
  private async load(file: string, key: string | undefined): Promise<Envelope | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return null;
      throw err;
    }
    const envelope = parseEnvelope(text);
    if (!envelope || (key !== undefined && envelope.key !== key)) {
      this.logger?.warn(
        { file, bytes: text.length },
        'state file is corrupt or incomplete; treating it as missing (the next save replaces it)',
      );
      return null;
    }
    return envelope;
  }
}

function parseEnvelope(text: string): Envelope | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { key, eTag, item } = value as Partial<Record<keyof Envelope, unknown>>;
  if (typeof key !== 'string' || typeof eTag !== 'string') return null;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  return { key, eTag, item: item as Record<string, unknown> };
}

async function mtimeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch (err) {
    // Gone meanwhile: report it as new so nobody acts on it.
    if (errorCode(err) === 'ENOENT') return Number.POSITIVE_INFINITY;
    throw err;
  }
}

/** Makes the rename itself durable. Best effort: some platforms cannot open a folder for fsync. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some network file systems; the data file itself was fsynced.
  }
}

function errorCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
