/**
 * Which failed sends are worth another try, and when. Errors come from whatever the edge uses to
 * send (botbuilder's RestError, fetch, Node sockets), so they are read structurally.
 */
import { redact } from './redact';

export interface BackoffPolicy {
  /** The first retry waits up to this long; the ceiling doubles per attempt (default 1000 ms). */
  baseMs: number;
  /** The ceiling never exceeds this (default 5 minutes). */
  capMs: number;
  /** Sends tried in all before a delivery is marked failed (default 12). */
  maxAttempts: number;
  /** A Retry-After longer than this is cut to it (default 1 hour): a bad header must not park a card for days. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1000,
  capMs: 300_000,
  maxAttempts: 12,
  maxRetryAfterMs: 3_600_000,
};

export interface FailureInfo {
  retryable: boolean;
  status: number | null;
  code: string | null;
  /** How long the server asked us to wait, in ms from now; null when it did not say. */
  retryAfterMs: number | null;
  /** Short and redacted: it is stored and shown in support views. */
  message: string;
}

/** Socket and DNS failures that are usually gone on the next try. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'REQUEST_SEND_ERROR',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/** Statuses below 500 that still mean "try again": timeout, lost eTag race, too early, throttled. */
const RETRYABLE_4XX = new Set([408, 412, 425, 429]);

export function classifyFailure(error: unknown, now: number): FailureInfo {
  const fields = readFields(error);
  const status = fields.status;
  const code = fields.code;
  let retryable: boolean;
  if (fields.retryable !== null) retryable = fields.retryable;
  else if (status !== null) retryable = status >= 500 || RETRYABLE_4XX.has(status);
  else if (code !== null && NETWORK_CODES.has(code)) retryable = true;
  // Nothing to go on: try again; the attempt limit still ends it, and dropping a case card is worse.
  else retryable = true;
  return {
    retryable,
    status,
    code,
    retryAfterMs: fields.retryAfterMs ?? parseRetryAfter(fields.retryAfter, now),
    message: describe(error, status, code),
  };
}

/** Full jitter: uniformly anywhere between 0 and min(cap, base * 2^(attempt-1)). `attempt` counts from 1. */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** The wait before the next try: the server's Retry-After when it gave one (plus a little jitter), else backoff. */
export function retryDelay(
  attempt: number,
  failure: FailureInfo,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  if (failure.retryAfterMs !== null) {
    const asked = Math.min(Math.max(0, failure.retryAfterMs), policy.maxRetryAfterMs);
    // Jitter on top, never below what was asked: many cards throttled together must not return together.
    return asked + Math.floor(random() * Math.min(policy.baseMs, policy.capMs));
  }
  return backoffDelay(attempt, policy, random);
}

/** Retry-After as delta-seconds ("120") or an HTTP date; ms from `now`, null when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

interface ErrorFields {
  status: number | null;
  code: string | null;
  retryable: boolean | null;
  retryAfterMs: number | null;
  retryAfter: unknown;
}

function readFields(error: unknown): ErrorFields {
  const own = record(error);
  const cause = record(own?.cause);
  const response = record(own?.response);
  const body = record(own?.body) ?? record(response?.parsedBody);
  const bodyError = record(body?.error);
  const status = firstNumber(
    own?.statusCode,
    own?.status,
    response?.status,
    response?.statusCode,
    cause?.statusCode,
  );
  const code = firstString(own?.code, bodyError?.code, cause?.code);
  const retryable = typeof own?.retryable === 'boolean' ? own.retryable : null;
  const retryAfterMs =
    typeof own?.retryAfterMs === 'number' && own.retryAfterMs >= 0 ? own.retryAfterMs : null;
  const retryAfter =
    own?.retryAfter ?? header(own?.headers, 'retry-after') ?? header(response?.headers, 'retry-after');
  return { status, code, retryable, retryAfterMs, retryAfter };
}

/** A header from a Headers/HttpHeaders object (get) or a plain object, by case-insensitive name. */
function header(headers: unknown, name: string): unknown {
  const h = record(headers);
  if (!h) return undefined;
  if (typeof h.get === 'function') {
    const value: unknown = (h.get as (n: string) => unknown).call(headers, name);
    if (value !== undefined && value !== null) return value;
  }
  for (const [key, value] of Object.entries(h)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function describe(error: unknown, status: number | null, code: string | null): string {
  const base = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const prefix = [status, code].filter((part) => part !== null).join(' ');
  const text = prefix && !base.includes(prefix) ? `${prefix} ${base}` : base;
  return redact(text.length > 300 ? `${text.slice(0, 299)}…` : text);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function firstNumber(...values: unknown[]): number | null {
  for (const v of values) {
    const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n < 600) return n;
  }
  return null;
}

function firstString(...values: unknown[]): string | null {
  for (const v of values) if (typeof v === 'string' && v !== '') return v;
  return null;
}
