/** Watching MIM runs: who may send them (POST /api/runs), how much, which runs alert and in what language. */
import { ConfigError, oneOf, parseWholeNumber, shown } from './values';

export interface RunWatchKey {
  /** Names one MIM server on the alert card. */
  id: string;
  secret: string;
}

export interface RunWatchSettings {
  /** RUN_WATCH_KEYS as `<key id>:<secret>[,...]`; empty: the endpoint is off (404). */
  keys: RunWatchKey[];
  /** RUN_WATCH_MAX_MB: a larger body is refused with 413 (default 25). */
  maxBytes: number;
  /** RUN_WATCH_RATE_PER_MINUTE: requests per key and minute before 429 (default 120). */
  perMinute: number;
  /** RUN_WATCH_QUIET_RESULTS: worst step results that do not alert (default success,completed-no-objects). */
  quietResults: string[];
  /** RUN_WATCH_LANGUAGE: the alert cards' language (default en). */
  lang: 'en' | 'da';
}

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Shorter secrets are guessable; the agent generates 32 random bytes. */
const MIN_SECRET_CHARS = 16;
const RESULT = /^[a-z][a-z-]{1,60}$/;

export function parseRunWatchSettings(get: (name: string) => string | undefined): RunWatchSettings {
  return {
    keys: parseKeys(get('RUN_WATCH_KEYS')),
    maxBytes: parseWholeNumber('RUN_WATCH_MAX_MB', get('RUN_WATCH_MAX_MB'), 25, 1, 200) * 1024 * 1024,
    perMinute: parseWholeNumber(
      'RUN_WATCH_RATE_PER_MINUTE',
      get('RUN_WATCH_RATE_PER_MINUTE'),
      120,
      1,
      10_000,
    ),
    quietResults: parseResults(get('RUN_WATCH_QUIET_RESULTS') ?? 'success,completed-no-objects'),
    lang: oneOf('RUN_WATCH_LANGUAGE', get('RUN_WATCH_LANGUAGE')?.toLowerCase(), ['en', 'da'] as const, 'en'),
  };
}

function parseKeys(raw: string | undefined): RunWatchKey[] {
  if (raw === undefined) return [];
  const keys: RunWatchKey[] = [];
  for (const entry of raw.split(',')) {
    if (entry.trim() === '') continue;
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon).trim();
    const secret = colon < 0 ? '' : entry.slice(colon + 1).trim();
    // The secret itself never appears in the message.
    if (!KEY_ID.test(id)) {
      throw new ConfigError(
        'RUN_WATCH_KEYS',
        'RUN_WATCH_KEYS is not valid: each entry is <key id>:<secret>, the key id 1-64 letters, digits, ".", "_" or "-".',
      );
    }
    if (secret.length < MIN_SECRET_CHARS) {
      throw new ConfigError(
        'RUN_WATCH_KEYS',
        `RUN_WATCH_KEYS is not valid: the secret of key ${shown(id)} is shorter than ${MIN_SECRET_CHARS} characters.`,
      );
    }
    if (keys.some((k) => k.id === id)) {
      throw new ConfigError(
        'RUN_WATCH_KEYS',
        `RUN_WATCH_KEYS is not valid: key ${shown(id)} is listed twice.`,
      );
    }
    keys.push({ id, secret });
  }
  return keys;
}

function parseResults(raw: string): string[] {
  const results = raw
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter((r) => r !== '');
  const bad = results.find((r) => !RESULT.test(r));
  if (bad !== undefined) {
    throw new ConfigError(
      'RUN_WATCH_QUIET_RESULTS',
      `RUN_WATCH_QUIET_RESULTS=${shown(raw)} is not valid: step results such as success or completed-no-objects.`,
    );
  }
  return results;
}
