/** Parsing one setting's value, and the error that stops the start when it is wrong. */

/** A token-bucket limit: `messages` in a burst, refilled evenly over `windowSeconds`. */
export interface RateLimit {
  messages: number;
  windowSeconds: number;
}

/** A setting that stops the start. The message is one line naming the variable and what it accepts. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Quotes a user value for an error message, kept on one line and short. */
export function shown(value: string): string {
  const quoted = JSON.stringify(value);
  return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
}

export function oneOf<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  const match = allowed.find((candidate) => candidate === raw);
  if (match === undefined) {
    throw new ConfigError(
      name,
      `${name}=${shown(raw)} is not valid: allowed values are ${allowed.join(', ')}.`,
    );
  }
  return match;
}

export function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (!/^(true|false)$/i.test(raw)) {
    throw new ConfigError(name, `${name}=${shown(raw)} is not valid: allowed values are true, false.`);
  }
  return raw.toLowerCase() === 'true';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Comma-separated GUIDs (tenant or object ids); a typo would silently lock everyone out, so check. */
export function parseGuidList(name: string, raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const bad = ids.find((id) => !GUID.test(id));
  if (bad !== undefined) {
    throw new ConfigError(
      name,
      `${name} contains ${shown(bad)}, which is not a GUID: give comma-separated ids like 00000000-0000-0000-0000-000000000000.`,
    );
  }
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** `<messages>/<seconds>`, e.g. 10/30, or `off`. */
export function parseRateLimit(name: string, raw: string | undefined, fallback: string): RateLimit | null {
  const value = (raw ?? fallback).toLowerCase();
  if (value === 'off') return null;
  const match = /^(\d{1,6})\/(\d{1,6})s?$/.exec(value);
  const messages = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || messages < 1 || windowSeconds < 1) {
    throw new ConfigError(
      name,
      `${name}=${shown(raw ?? '')} is not valid: give <messages>/<seconds> such as 10/30 (both at least 1), or off.`,
    );
  }
  return { messages, windowSeconds };
}

export function parseSeconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const seconds = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= 1)) {
    throw new ConfigError(
      name,
      `${name}=${shown(raw)} is not valid: it must be a whole number of seconds, at least 1.`,
    );
  }
  return seconds;
}

export function parseWholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw new ConfigError(
      name,
      `${name}=${shown(raw)} is not valid: it must be a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}
