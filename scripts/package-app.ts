/** `npm run package`: writes the Teams app package (dist/mim-sync-doctor-teams.zip) for upload to Teams. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { config as loadDotEnv } from 'dotenv';
import { PackageError, buildAppPackage, settingsFromEnv } from './app-package';

loadDotEnv({ quiet: true });
try {
  const settings = settingsFromEnv(process.env);
  const out = path.join(__dirname, '..', 'dist', 'mim-sync-doctor-teams.zip');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, buildAppPackage(settings));
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), out)} (bot ${settings.BOT_ID}, version ${settings.APP_VERSION})\n`,
  );
} catch (err) {
  if (!(err instanceof PackageError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
}
