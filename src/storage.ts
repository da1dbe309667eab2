import { MemoryStorage, type Storage } from 'botbuilder';
import type { AppConfig, StorageKind } from './config';

/**
 * Builds the Bot Framework state store chosen by configuration. Callers only see `Storage`; a durable
 * or cloud store is added as a new case here (and a new STORAGE_KINDS value), nothing else changes.
 */
export function createStorage(config: Pick<AppConfig, 'storage'>): Storage {
  const kind: StorageKind = config.storage;
  switch (kind) {
    case 'memory':
      // Lost on restart; fine for tests and a local try-out.
      return new MemoryStorage();
    default:
      return unreachable(kind);
  }
}

/** Compile-time guard: adding a StorageKind without a case above fails type checking. */
function unreachable(kind: never): never {
  throw new Error(`Unknown storage kind: ${String(kind)}`);
}
