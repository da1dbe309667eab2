import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads the version from package.json at runtime. A JSON import would pull package.json into the
 * compiled output tree (rootDir is src), so the file is read instead: it sits one level above both
 * src/ (ts-jest, tsx) and dist/ (compiled).
 */
function readVersion(packageJsonPath: string = join(__dirname, '..', 'package.json')): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'version' in parsed) {
      const { version } = parsed;
      if (typeof version === 'string' && version.length > 0) return version;
    }
  } catch {
    // A missing or unreadable package.json must not stop the bot; /healthz then reports "unknown".
  }
  return 'unknown';
}

/** The running bot's version, as package.json states it. */
export const VERSION: string = readVersion();
