/** Which state store, where it keeps its data, and for how long. */
import type { AppConfig } from './index';
import { ConfigError, oneOf, shown } from './values';

/** State stores: memory (lost on restart), file (durable, one process), blob (Azure, several instances). */
const STORAGE_KINDS = ['memory', 'file', 'blob'] as const;

export type StorageKind = (typeof STORAGE_KINDS)[number];

/** Defaults that differ by entry point: `loadConfig` alone keeps memory, `npm start` passes START_DEFAULTS. */
export interface ConfigDefaults {
  storage?: StorageKind;
}

type StateSettings = Pick<
  AppConfig,
  'storage' | 'dataDir' | 'stateTtlHours' | 'azureStorageConnectionString' | 'azureStorageContainer'
>;

/** Azure's container name rules: 3-63 of a-z, 0-9 and single hyphens, starting and ending alphanumeric. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseStateSettings(
  get: (name: string) => string | undefined,
  defaults: ConfigDefaults,
): StateSettings {
  const storage = oneOf(
    'STORAGE',
    get('STORAGE')?.toLowerCase(),
    STORAGE_KINDS,
    defaults.storage ?? 'memory',
  );
  const connectionString = get('AZURE_STORAGE_CONNECTION_STRING');
  if (storage === 'blob' && connectionString === undefined) {
    throw new ConfigError(
      'AZURE_STORAGE_CONNECTION_STRING',
      'AZURE_STORAGE_CONNECTION_STRING is required when STORAGE=blob: the storage account connection string (Access keys in the Azure portal).',
    );
  }
  const container = get('AZURE_STORAGE_CONTAINER') ?? 'mim-sync-doctor';
  if (!CONTAINER_NAME.test(container)) {
    throw new ConfigError(
      'AZURE_STORAGE_CONTAINER',
      `AZURE_STORAGE_CONTAINER=${shown(container)} is not valid: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.`,
    );
  }
  const ttlRaw = get('STATE_TTL_HOURS');
  const ttl = ttlRaw === undefined ? 720 : /^\d{1,6}$/.test(ttlRaw) ? Number(ttlRaw) : NaN;
  if (Number.isNaN(ttl)) {
    throw new ConfigError(
      'STATE_TTL_HOURS',
      `STATE_TTL_HOURS=${shown(ttlRaw ?? '')} is not valid: it must be a whole number of hours (0 keeps state forever).`,
    );
  }
  return {
    storage,
    dataDir: get('DATA_DIR') ?? 'data',
    stateTtlHours: ttl,
    azureStorageConnectionString: connectionString,
    azureStorageContainer: container,
  };
}
