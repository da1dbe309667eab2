/**
 * Refuses to run outside a private network namespace (`npm run test:e2e` sets one up), checks for
 * Chromium, and empties results/ so that only this run's screenshots and logs are there.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { CHROMIUM_PATH } from './browser';
import { RESULTS_DIR } from './scenario';

/** Interfaces other than loopback: in the namespace there are none (loopback is "internal"). */
export function externalInterfaces(): string[] {
  return Object.entries(os.networkInterfaces())
    .filter(([, addresses]) => (addresses ?? []).some((a) => !a.internal))
    .map(([name]) => name);
}

export default function globalSetup(): void {
  const external = externalInterfaces();
  if (external.length > 0) {
    throw new Error(
      `e2e: network interfaces besides loopback are up (${external.join(', ')}). Run the suite with ` +
        '`npm run test:e2e`, which runs it in a private network namespace so nothing can leave the machine.',
    );
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`e2e: ${CHROMIUM_PATH} is missing; install it with: apt-get install -y chromium`);
  }
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
}
