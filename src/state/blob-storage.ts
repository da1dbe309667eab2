import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { isETagConflict } from './conflict';
import { StorageStartError } from './start-error';
import { PROBE_KEY, expiresWithTtl } from './state-keys';
import type { SweepResult } from './file-storage';

export interface BlobLocation {
  connectionString: string;
  container: string;
}

/**
 * Turns: a try that hangs is cut after 10 s and retried twice, so a turn fails in well under a
 * minute instead of hanging on the SDK's defaults.
 */
const TURN_PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, tryTimeoutInMs: 10_000, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 },
};

/**
 * Azure Blob Storage through botbuilder-azure-blobs' BlobsStorage, one blob per key.
 *
 * BlobsStorage creates its container on first use and keeps that promise, also a rejected one: a
 * single network hiccup at that moment would break every later turn until a restart. So after any
 * failure other than an eTag conflict the next call gets a fresh BlobsStorage (construction is
 * cheap and does no I/O).
 */
export class BlobStateStorage implements Storage {
  private inner: BlobsStorage;

  constructor(private readonly location: BlobLocation) {
    this.inner = this.make();
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.call((inner) => inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.call((inner) => inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.call((inner) => inner.delete(keys));
  }

  private make(): BlobsStorage {
    try {
      return new BlobsStorage(this.location.connectionString, this.location.container, {
        storagePipelineOptions: TURN_PIPELINE,
      });
    } catch (err) {
      throw invalidConnectionString(err);
    }
  }

  private async call<T>(task: (inner: BlobsStorage) => Promise<T>): Promise<T> {
    const inner = this.inner;
    try {
      return await task(inner);
    } catch (err) {
      if (!isETagConflict(err) && this.inner === inner) this.inner = this.make();
      throw err;
    }
  }
}

export interface CheckOptions {
  /** Per request; the whole check makes at most three (default 5 s). */
  timeoutMs?: number;
}

/**
 * The start-up check for STORAGE=blob: the connection string parses, the account answers, the key
 * (or SAS) is accepted, the container exists or can be created, and a probe item can be written
 * and deleted. Throws a StorageStartError with one line otherwise. No retries: at start a clear
 * failure now beats a slow one.
 */
export async function checkBlobStorage(location: BlobLocation, options: CheckOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const container = containerClient(location, { retryOptions: { maxTries: 1, tryTimeoutInMs: timeoutMs } });
  const endpoint = endpointOf(container);
  const step = async <T>(what: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    try {
      return await task(AbortSignal.timeout(timeoutMs));
    } catch (err) {
      throw startError(err, { what, endpoint, container: location.container, timeoutMs });
    }
  };
  await step('open the container', (abortSignal) => container.createIfNotExists({ abortSignal }));
  const probe = container.getBlockBlobClient(encodeURIComponent(PROBE_KEY));
  const body = JSON.stringify({ checkedAt: new Date().toISOString() });
  await step('write a probe item', (abortSignal) =>
    probe.upload(body, Buffer.byteLength(body), { abortSignal }),
  );
  await step('delete the probe item', (abortSignal) => probe.deleteIfExists({ abortSignal }));
}

export interface BlobSweepOptions {
  olderThanMs: number;
  expires?: (key: string) => boolean;
  /** Bounds one sweep (defaults 5,000 deletions, 100,000 listed blobs). */
  maxRemovals?: number;
  maxListed?: number;
  now?: number;
}

/**
 * Deletes expirable blobs not written for `olderThanMs`. Each delete is conditional on the ETag
 * seen in the listing, so a conversation written meanwhile (by any instance) is kept. Bounded, so
 * it can run at start and then periodically without holding anything up; a storage-account
 * lifecycle rule (README) does the same job without the bot.
 */
export async function sweepBlobs(location: BlobLocation, options: BlobSweepOptions): Promise<SweepResult> {
  const now = options.now ?? Date.now();
  const expires = options.expires ?? expiresWithTtl;
  const maxRemovals = options.maxRemovals ?? 5_000;
  const maxListed = options.maxListed ?? 100_000;
  const cutoff = now - options.olderThanMs;
  const container = containerClient(location, TURN_PIPELINE);
  const result: SweepResult = { scanned: 0, removed: 0 };
  for await (const blob of container.listBlobsFlat()) {
    if (result.scanned >= maxListed || result.removed >= maxRemovals) break;
    result.scanned += 1;
    const modified = blob.properties.lastModified.getTime();
    if (modified >= cutoff || !expires(keyOfBlob(blob.name))) continue;
    try {
      await container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag } });
      result.removed += 1;
    } catch (err) {
      // Written (412) or deleted (404) by someone else since the listing: nothing to do.
      const status = (err as { statusCode?: unknown }).statusCode;
      if (status !== 412 && status !== 404) throw err;
    }
  }
  return result;
}

/** BlobsStorage names a blob encodeURIComponent(key) (after dropping empty path parts). */
function keyOfBlob(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function containerClient(location: BlobLocation, pipeline: StoragePipelineOptions): ContainerClient {
  try {
    return new ContainerClient(location.connectionString, location.container, pipeline);
  } catch (err) {
    throw invalidConnectionString(err);
  }
}

function invalidConnectionString(err: unknown): StorageStartError {
  // The SDK's text can quote parts of the string; say only what kind of problem it is.
  const hint =
    err instanceof Error && /BlobEndpoint|AccountName|AccountKey/.test(err.message) ? ' (incomplete)' : '';
  return new StorageStartError(
    `AZURE_STORAGE_CONNECTION_STRING is not a valid Azure Storage connection string${hint}: copy it from the ` +
      'storage account (Access keys), e.g. DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net',
  );
}

/** scheme://host[:port] of the account: enough to say where, and no SAS token from a query string. */
function endpointOf(container: ContainerClient): string {
  try {
    const url = new URL(container.url);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the storage account';
  }
}

interface FailureContext {
  what: string;
  endpoint: string;
  container: string;
  timeoutMs: number;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
]);

/** One line from an SDK error: status and code only, never its message (it can quote the request). */
function startError(err: unknown, context: FailureContext): StorageStartError {
  const { what, endpoint, container, timeoutMs } = context;
  const { statusCode, code, name } = err as { statusCode?: unknown; code?: unknown; name?: unknown };
  const prefix = `Azure Blob Storage check failed (could not ${what} "${container}" at ${endpoint})`;
  if (name === 'AbortError' || code === 'ETIMEDOUT') {
    return new StorageStartError(
      `${prefix}: no answer within ${timeoutMs / 1000} s; check AZURE_STORAGE_CONNECTION_STRING and the network.`,
    );
  }
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new StorageStartError(
      `${prefix}: the account is unreachable (${code}); check the account name/endpoint in AZURE_STORAGE_CONNECTION_STRING and the network.`,
    );
  }
  const detail = [statusCode, code].filter((part) => part !== undefined).join(' ');
  if (statusCode === 403) {
    return new StorageStartError(
      `${prefix}: access denied (${detail}); check the account key or SAS in AZURE_STORAGE_CONNECTION_STRING (a SAS needs read, write, delete, list and create).`,
    );
  }
  if (statusCode === 404) {
    return new StorageStartError(
      `${prefix}: not found (${detail}); check the account name in AZURE_STORAGE_CONNECTION_STRING.`,
    );
  }
  return new StorageStartError(
    `${prefix}: ${detail || (err instanceof Error ? err.name : 'unknown error')}; check AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER.`,
  );
}
