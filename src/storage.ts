import { resolve } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { AppConfig } from './config';
import type { StorageKind } from './config/state';
import type { Logger } from './logger';
import type * as BlobModule from './state/blob-storage';
import type { BlobLocation } from './state/blob-storage';

/** Loaded only for STORAGE=blob: the Azure SDK costs a third of a second and tens of MB at start. */
function blob(): typeof BlobModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./state/blob-storage') as typeof BlobModule;
}
import { acquireDirLock, DirLockError, type DirLock } from './state/dir-lock';
import { FileStorage, type StateLogger } from './state/file-storage';
import { OptimisticStorage } from './state/optimistic-storage';
import { StorageStartError } from './state/start-error';
import { PROBE_KEY } from './state/state-keys';
import { startSweeper, type Sweeper } from './state/sweeper';

export type StorageConfig = Pick<
  AppConfig,
  'storage' | 'dataDir' | 'stateTtlHours' | 'azureStorageConnectionString' | 'azureStorageContainer'
>;

export interface CreateStorageOptions {
  logger?: StateLogger;
}

/**
 * Builds the Bot Framework state store chosen by configuration, synchronously and without I/O
 * (tests use it directly). Every store is wrapped in OptimisticStorage, so BotState's saves are
 * conditional on the eTag they read and a concurrent turn cannot silently overwrite another.
 * Callers only see `Storage`. The running bot uses openStorage, which also checks and locks.
 */
export function createStorage(config: StorageConfig, options: CreateStorageOptions = {}): Storage {
  return new OptimisticStorage(createBackend(config, options));
}

function createBackend(config: StorageConfig, options: CreateStorageOptions): Storage {
  const kind: StorageKind = config.storage;
  switch (kind) {
    case 'memory':
      // Lost on restart; fine for tests and a local try-out.
      return new MemoryStorage();
    case 'file':
      return new FileStorage({ dir: stateDir(config), logger: options.logger });
    case 'blob':
      return new (blob().BlobStateStorage)(blobLocation(config));
    default:
      return unreachable(kind);
  }
}

export interface OpenStorageOptions {
  logger: Logger;
  /** Between TTL sweeps (default 1 hour). */
  sweepIntervalMs?: number;
  /** Per request of the blob start-up check (default 5 s). */
  checkTimeoutMs?: number;
}

export interface OpenedStorage {
  storage: Storage;
  /** Stops the sweeps and releases the folder lock; call after the server has stopped. */
  close(): Promise<void>;
}

/**
 * The store for the running bot, checked before the server listens: a file store takes its folder
 * lock and proves it can write; a blob store reaches the account, opens the container and writes a
 * probe. Any failure is a StorageStartError with one line. Expired conversation state is swept in
 * the background at start and then periodically (STATE_TTL_HOURS; 0 turns that off).
 */
export async function openStorage(
  config: StorageConfig,
  options: OpenStorageOptions,
): Promise<OpenedStorage> {
  const logger = options.logger.child({ component: 'state' });
  const ttlMs = config.stateTtlHours * 3_600_000;
  const intervalMs = options.sweepIntervalMs ?? 3_600_000;

  switch (config.storage) {
    case 'memory':
      return { storage: createStorage(config), close: async () => undefined };

    case 'file': {
      const lock = takeLock(config);
      try {
        const file = new FileStorage({ dir: stateDir(config), logger });
        await probe(file, `the data folder ${stateDir(config)}`);
        const sweeper =
          ttlMs > 0
            ? startSweeper({
                sweep: () => file.sweep({ olderThanMs: ttlMs }),
                intervalMs,
                logger,
                store: 'file',
              })
            : null;
        return { storage: new OptimisticStorage(file), close: closer(sweeper, lock) };
      } catch (err) {
        lock.release();
        throw err;
      }
    }

    case 'blob': {
      const location = blobLocation(config);
      await blob().checkBlobStorage(location, { timeoutMs: options.checkTimeoutMs });
      const sweeper =
        ttlMs > 0
          ? startSweeper({
              sweep: () => blob().sweepBlobs(location, { olderThanMs: ttlMs }),
              intervalMs,
              logger,
              store: 'blob',
            })
          : null;
      return { storage: createStorage(config), close: closer(sweeper, null) };
    }

    default:
      return unreachable(config.storage);
  }
}

/** The file store's items live in `<DATA_DIR>/state`; the lock file sits beside that folder. */
function stateDir(config: Pick<StorageConfig, 'dataDir'>): string {
  return resolve(config.dataDir, 'state');
}

function takeLock(config: StorageConfig): DirLock {
  try {
    return acquireDirLock(resolve(config.dataDir));
  } catch (err) {
    if (err instanceof DirLockError) throw new StorageStartError(err.message);
    throw err;
  }
}

/** Write, read back and delete one small item, so a read-only or full disk shows at start. */
async function probe(storage: Storage, where: string): Promise<void> {
  try {
    await storage.write({ [PROBE_KEY]: { checkedAt: new Date().toISOString(), eTag: '*' } });
    const items = await storage.read([PROBE_KEY]);
    if (!items[PROBE_KEY]) throw new Error('the probe item did not read back');
    await storage.delete([PROBE_KEY]);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new StorageStartError(
      `Cannot write state to ${where} (${code ?? (err instanceof Error ? err.message : String(err))}): ` +
        'check that the folder is writable, or set DATA_DIR to another one.',
    );
  }
}

function blobLocation(config: StorageConfig): BlobLocation {
  if (config.azureStorageConnectionString === undefined) {
    // loadConfig already refuses this; kept for callers that build a config by hand.
    throw new StorageStartError('AZURE_STORAGE_CONNECTION_STRING is required when STORAGE=blob.');
  }
  return { connectionString: config.azureStorageConnectionString, container: config.azureStorageContainer };
}

function closer(sweeper: Sweeper | null, lock: DirLock | null): () => Promise<void> {
  return async () => {
    sweeper?.stop();
    lock?.release();
  };
}

/** Compile-time guard: adding a StorageKind without a case above fails type checking. */
function unreachable(kind: never): never {
  throw new Error(`Unknown storage kind: ${String(kind)}`);
}
