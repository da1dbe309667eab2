import { parseHostRule, type HostRule } from '../lib/host-allowlist';
import { ConfigError, shown } from './values';

/** Files sent to the bot in a 1:1 chat: where they may be fetched from, how much and how long. */
export interface FileSettings {
  /** FILE_DOWNLOAD_HOSTS: hosts a file's downloadUrl may point at (redirects included). */
  downloadHosts: HostRule[];
  /** FILE_MAX_MB: larger files are refused, read as a stream and cut off. */
  maxBytes: number;
  /** FILE_DOWNLOAD_TIMEOUT_SECONDS: the whole download, redirects included. */
  timeoutMs: number;
}

/**
 * Where Teams keeps files sent in a chat: the sender's OneDrive (`<tenant>-my.sharepoint.com`) in the
 * commercial cloud, and the SharePoint Online hosts of the government and China clouds.
 */
export const DEFAULT_FILE_DOWNLOAD_HOSTS =
  '*.sharepoint.com,*.sharepoint.us,*.sharepoint-mil.us,*.sharepoint.cn';

export function parseFileSettings(get: (name: string) => string | undefined): FileSettings {
  return {
    downloadHosts: parseHostList(get('FILE_DOWNLOAD_HOSTS') ?? DEFAULT_FILE_DOWNLOAD_HOSTS),
    maxBytes: Math.round(positive('FILE_MAX_MB', get('FILE_MAX_MB'), 10, 100) * 1024 * 1024),
    timeoutMs:
      positive('FILE_DOWNLOAD_TIMEOUT_SECONDS', get('FILE_DOWNLOAD_TIMEOUT_SECONDS'), 30, 300) * 1000,
  };
}

export const DEFAULT_FILE_SETTINGS: FileSettings = parseFileSettings(() => undefined);

function parseHostList(raw: string): HostRule[] {
  const rules: HostRule[] = [];
  for (const entry of raw.split(',')) {
    if (entry.trim() === '') continue;
    const rule = parseHostRule(entry);
    if (typeof rule === 'string') {
      throw new ConfigError(
        'FILE_DOWNLOAD_HOSTS',
        `FILE_DOWNLOAD_HOSTS=${shown(raw)} is not valid: ${rule}.`,
      );
    }
    rules.push(rule);
  }
  return rules;
}

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > max) {
    throw new ConfigError(name, `${name}=${shown(raw)} is not valid: a number above 0 and at most ${max}.`);
  }
  return value;
}
