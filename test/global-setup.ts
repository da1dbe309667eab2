import { AZURITE_BLOB_ENDPOINT_ENV, startAzurite, type RunningAzurite } from './helpers/azurite';

/** Handed to global-teardown.ts, which runs in the same process. */
export const AZURITE_GLOBAL = '__MIM_SYNC_DOCTOR_AZURITE__';

/**
 * jest globalSetup: one Azurite blob emulator for the whole run, so `npm test` needs nothing else
 * running. Workers start after this and inherit the endpoint through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const azurite: RunningAzurite = await startAzurite();
  process.env[AZURITE_BLOB_ENDPOINT_ENV] = azurite.blobEndpoint;
  (globalThis as Record<string, unknown>)[AZURITE_GLOBAL] = azurite;
}
