import * as fs from 'node:fs';
import * as path from 'node:path';
import AdmZip from 'adm-zip';

/** What `npm run package` fills into manifest/manifest.json; every value but the bot id has a default. */
export interface PackageSettings {
  BOT_ID: string;
  TEAMS_APP_ID: string;
  APP_VERSION: string;
  DEVELOPER_NAME: string;
  WEBSITE_URL: string;
  PRIVACY_URL: string;
  TERMS_URL: string;
}

export const MANIFEST_DIR = path.join(__dirname, '..', 'manifest');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\{\{\s*[A-Z_]+\s*\}\}/;

export class PackageError extends Error {}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Settings from the environment: MicrosoftAppId is required, the rest default sensibly. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): PackageSettings {
  const botId = env.MicrosoftAppId?.trim() ?? '';
  if (!GUID.test(botId)) {
    throw new PackageError(
      "MicrosoftAppId must be set to the bot's app id (a GUID) to build the Teams app package.",
    );
  }
  const teamsAppId = env.TEAMS_APP_ID?.trim() || botId;
  if (!GUID.test(teamsAppId)) throw new PackageError('TEAMS_APP_ID must be a GUID when set.');
  return {
    BOT_ID: botId,
    TEAMS_APP_ID: teamsAppId,
    APP_VERSION: env.APP_VERSION?.trim() || packageVersion(),
    DEVELOPER_NAME: env.APP_DEVELOPER_NAME?.trim() || 'MIM Sync Doctor',
    WEBSITE_URL:
      env.APP_WEBSITE_URL?.trim() || 'https://learn.microsoft.com/en-us/microsoft-identity-manager/',
    PRIVACY_URL:
      env.APP_PRIVACY_URL?.trim() || 'https://learn.microsoft.com/en-us/microsoft-identity-manager/',
    TERMS_URL: env.APP_TERMS_URL?.trim() || 'https://learn.microsoft.com/en-us/microsoft-identity-manager/',
  };
}

/** Fill the manifest template; refuse when any {{PLACEHOLDER}} is left. */
export function fillManifest(template: string, settings: PackageSettings): string {
  const filled = template.replace(/\{\{\s*([A-Z_]+)\s*\}\}/g, (whole, name: string) =>
    name in settings ? settings[name as keyof PackageSettings] : whole,
  );
  const left = PLACEHOLDER.exec(filled);
  if (left) throw new PackageError(`The manifest still has the placeholder ${left[0]}; add a value for it.`);
  return filled;
}

/** The app package: manifest.json, da.json and the two icons at the root of a zip. */
export function buildAppPackage(settings: PackageSettings): Buffer {
  const manifest = fillManifest(fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'), settings);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(manifest, 'utf8'));
  for (const file of ['da.json', 'color.png', 'outline.png']) {
    zip.addFile(file, fs.readFileSync(path.join(MANIFEST_DIR, file)));
  }
  return zip.toBuffer();
}
