import {
  backoffDelay,
  classifyFailure,
  DEFAULT_BACKOFF,
  parseRetryAfter,
  retryDelay,
} from '../../src/escalation/retry-policy';

import { T0, netError, restError } from '../helpers/outbox-fixtures';

describe('retry classification', () => {
  it.each([
    ['500', true, restError(500)],
    ['503', true, restError(503)],
    ['429', true, restError(429)],
    ['412 precondition', true, restError(412)],
    ['408 timeout', true, restError(408)],
    ['ECONNREFUSED', true, netError('ECONNREFUSED')],
    ['ECONNRESET', true, netError('ECONNRESET')],
    ['ETIMEDOUT', true, netError('ETIMEDOUT')],
    ['an error without status', true, new Error('socket hang up')],
    ['403 BotNotInConversationRoster', false, restError(403, {}, 'BotNotInConversationRoster')],
    ['404', false, restError(404)],
    ['400', false, restError(400)],
    ['401', false, restError(401)],
    ['explicitly permanent', false, Object.assign(new Error('bad card'), { retryable: false })],
    ['status on the response only', true, { response: { status: 502 } }],
  ])('%s -> retryable %s', (_name, retryable, error) => {
    expect(classifyFailure(error, T0).retryable).toBe(retryable);
  });

  it('reads Retry-After as seconds, as a date, and from a headers object', () => {
    expect(classifyFailure(restError(429, { 'Retry-After': '7' }), T0).retryAfterMs).toBe(7000);
    const date = new Date(T0 + 90_000).toUTCString();
    expect(classifyFailure(restError(503, { 'retry-after': date }), T0).retryAfterMs).toBe(90_000);
    const headers = new Headers({ 'retry-after': '3' });
    expect(classifyFailure({ statusCode: 429, response: { headers } }, T0).retryAfterMs).toBe(3000);
    expect(parseRetryAfter('soon', T0)).toBeNull();
    expect(classifyFailure(restError(429), T0).retryAfterMs).toBeNull();
  });

  it('keeps the stored message short and free of secrets', () => {
    const failure = classifyFailure(
      new Error(`POST failed: Authorization: Bearer ${'x'.repeat(40)} ${'y'.repeat(500)}`),
      T0,
    );
    expect(failure.message).toContain('Bearer [REDACTED]');
    expect(failure.message.length).toBeLessThanOrEqual(300);
  });
});

describe('backoff', () => {
  it('grows exponentially to the cap, with full jitter inside the bounds', () => {
    const ceilings = Array.from({ length: 12 }, (_, i) =>
      backoffDelay(i + 1, DEFAULT_BACKOFF, () => 0.999999),
    );
    expect(ceilings.slice(0, 4)).toEqual([999, 1999, 3999, 7999]);
    for (let i = 1; i < ceilings.length; i++) expect(ceilings[i]).toBeGreaterThanOrEqual(ceilings[i - 1]);
    expect(Math.max(...ceilings)).toBeLessThan(DEFAULT_BACKOFF.capMs);
    expect(ceilings[11]).toBe(DEFAULT_BACKOFF.capMs - 1);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(0);

    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1));
      const samples = Array.from({ length: 200 }, () => backoffDelay(attempt, DEFAULT_BACKOFF));
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...samples)).toBeLessThan(ceiling);
      expect(new Set(samples).size).toBeGreaterThan(10); // jittered, not a fixed delay
    }
  });

  it('waits at least what Retry-After asks, capped', () => {
    const failure = classifyFailure(restError(429, { 'retry-after': '30' }), T0);
    const delay = retryDelay(1, failure, DEFAULT_BACKOFF, () => 0.5);
    expect(delay).toBeGreaterThanOrEqual(30_000);
    expect(delay).toBeLessThan(30_000 + DEFAULT_BACKOFF.baseMs);
    const absurd = classifyFailure(restError(429, { 'retry-after': String(30 * 86400) }), T0);
    expect(retryDelay(1, absurd, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.maxRetryAfterMs);
  });
});
