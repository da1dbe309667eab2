import * as fs from 'node:fs';
import * as path from 'node:path';

/** shared/ beside the checkout: reference data that is not ours (schema, public samples), never copied in. */
export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared');

/** A file in shared/; a missing one fails the run with its path, never skips the check. */
export function sharedPath(...parts: string[]): string {
  const file = path.join(SHARED_DIR, ...parts);
  if (!fs.existsSync(file))
    throw new Error(`reference data missing: ${file} (expected in shared/ beside the checkout)`);
  return file;
}
