import { AZURITE_GLOBAL } from './global-setup';
import type { RunningAzurite } from './helpers/azurite';

/** jest globalTeardown: stop the emulator globalSetup started and remove its folder. */
export default async function globalTeardown(): Promise<void> {
  const azurite = (globalThis as Record<string, unknown>)[AZURITE_GLOBAL] as RunningAzurite | undefined;
  await azurite?.stop();
}
