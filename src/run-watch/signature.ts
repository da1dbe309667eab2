import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a run-watch request, as the agent on the MIM server and `npm run runs:send` make it
 * and `POST /api/runs` checks it: HMAC-SHA256 over "<timestamp>.<raw body bytes>" with the key's secret,
 * sent as `X-MSD-Signature: sha256=<lower-case hex>`. Signing the raw bytes (not a decoded string) is
 * what keeps a DN with "ø" verifiable whatever the sender's default encoding.
 */
export const SIGNATURE_PREFIX = 'sha256=';

/** How far a request's timestamp may be from the bot's clock, either way. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

export const RUN_WATCH_HEADERS = {
  keyId: 'x-msd-key-id',
  timestamp: 'x-msd-timestamp',
  signature: 'x-msd-signature',
} as const;

export function signRunBody(secret: string, timestamp: number | string, body: Uint8Array): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`, 'utf8');
  mac.update(body);
  return SIGNATURE_PREFIX + mac.digest('hex');
}

/** A timestamp header is whole unix seconds, nothing else (no sign, no fraction, no spaces). */
export function parseTimestamp(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return undefined;
  return Number(value);
}

export function isFresh(timestampS: number, nowMs: number): boolean {
  return Math.abs(nowMs / 1000 - timestampS) <= MAX_CLOCK_SKEW_S;
}

/** Constant-time comparison of the signature header against the one the secret gives. */
export function signatureMatches(
  secret: string,
  timestamp: number | string,
  body: Uint8Array,
  header: string | undefined,
): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signRunBody(secret, timestamp, body), 'utf8');
  const given = Buffer.from(header, 'utf8');
  // Lengths differ for any malformed header; comparing equal-length buffers only keeps timingSafeEqual happy.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
