import { MemoryStorage } from 'botbuilder';
import type { ClaimedDelivery, Delivery, SendResult } from '../../src/escalation/delivery';
import { StorageOutbox } from '../../src/escalation/outbox';
import { runOutbox } from '../../src/escalation/outbox-runner';
import {
  backoffDelay,
  classifyFailure,
  DEFAULT_BACKOFF,
  parseRetryAfter,
  retryDelay,
} from '../../src/escalation/retry-policy';
import type { KeyValueStore } from '../../src/escalation/store';

const T0 = Date.parse('2025-03-01T09:00:00Z');
const LEASE = 30_000;

function card(caseId = 'MSD-1001', kind: Delivery['kind'] = 'case-card'): Delivery {
  return { kind, caseId, payload: { card: 'case', caseId }, target: { conversationId: '19:support' } };
}

/** An error shaped like botbuilder's RestError. */
function restError(statusCode: number, headers: Record<string, string> = {}, code?: string): Error {
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    code,
    response: { status: statusCode, headers },
  });
}

function netError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
}

class FakeClock {
  constructor(public now = T0) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

function outboxOn(storage: KeyValueStore, clock: FakeClock, random: () => number = () => 0.5): StorageOutbox {
  return new StorageOutbox(storage, { clock: clock.read, random, cas: { baseDelayMs: 1, maxDelayMs: 5 } });
}

describe('enqueue', () => {
  it('adds nothing for a dedupe key it already has', async () => {
    const outbox = outboxOn(new MemoryStorage(), new FakeClock());
    const first = await outbox.enqueue(card(), 'MSD-1001/case-card');
    const again = await outbox.enqueue(card(), 'MSD-1001/case-card');
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });

    const racing = await Promise.all(
      Array.from({ length: 10 }, () => outbox.enqueue(card('MSD-2'), 'MSD-2/case-card')),
    );
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(await outbox.list()).toHaveLength(2);
  });

  it('does not queue a sent delivery again after a retry of the caller', async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    await outbox.enqueue(card(), 'k');
    const [d] = await outbox.claim('w', clock.now, LEASE, 10);
    await outbox.complete(d.id, { activityId: 'a1' });
    expect((await outbox.enqueue(card(), 'k')).created).toBe(false);
    expect(await outbox.claim('w', clock.now, LEASE, 10)).toEqual([]);
  });

  it('rejects what it could not deliver', async () => {
    const outbox = outboxOn(new MemoryStorage(), new FakeClock());
    await expect(outbox.enqueue({ ...card(), kind: 'fax' as never }, 'k')).rejects.toThrow(TypeError);
    await expect(outbox.enqueue(card(), '')).rejects.toThrow(TypeError);
  });
});

describe('claim', () => {
  it('leases due deliveries, oldest first, up to max', async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    for (let i = 1; i <= 3; i++) {
      await outbox.enqueue(card(`MSD-${i}`), `k${i}`);
      clock.advance(10);
    }
    const claimed = await outbox.claim('w1', clock.now, LEASE, 2);
    expect(claimed.map((d) => d.caseId)).toEqual(['MSD-1', 'MSD-2']);
    expect(claimed[0]).toMatchObject({
      kind: 'case-card',
      attempt: 1,
      leaseUntil: clock.now + LEASE,
      dedupeKey: 'k1',
    });
    expect(claimed[0].payload).toEqual({ card: 'case', caseId: 'MSD-1' });
    expect(await outbox.get(claimed[0].id)).toMatchObject({ status: 'leased', lease: { owner: 'w1' } });

    const rest = await outbox.claim('w2', clock.now, LEASE, 10);
    expect(rest.map((d) => d.caseId)).toEqual(['MSD-3']);
    expect(await outbox.claim('w3', clock.now, LEASE, 10)).toEqual([]);
  });

  it('gives a delivery to another worker once the lease of a crashed one runs out', async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    await outbox.enqueue(card(), 'k');
    const [first] = await outbox.claim('crashed', clock.now, LEASE, 10);
    clock.advance(LEASE - 1);
    expect(await outbox.claim('w2', clock.now, LEASE, 10)).toEqual([]);
    clock.advance(1);
    const [second] = await outbox.claim('w2', clock.now, LEASE, 10);
    expect(second).toMatchObject({ id: first.id, attempt: 2 });
    expect(second.attemptId).not.toBe(first.attemptId);
    // The crashed worker's late failure must not reschedule the live attempt.
    expect(await outbox.fail(first.id, restError(500), clock.now, first.attemptId)).toEqual({
      status: 'ignored',
      reason: 'stale-attempt',
    });
    expect(await outbox.get(first.id)).toMatchObject({ status: 'leased', lease: { owner: 'w2' } });
  });

  it('never gives one delivery to two workers claiming at the same time', async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    for (let i = 0; i < 30; i++) await outbox.enqueue(card(`MSD-${i}`), `k${i}`);
    const workers = ['w1', 'w2', 'w3', 'w4', 'w5'];
    const claims = await Promise.all(workers.map((w) => outbox.claim(w, clock.now, LEASE, 30)));
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    // Each claimed item is leased by the worker that got it.
    for (const [i, claimed] of claims.entries()) {
      for (const d of claimed) expect((await outbox.get(d.id))?.lease?.owner).toBe(workers[i]);
    }
  });

  it("sends a case's card before its updates", async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    await outbox.enqueue(card('MSD-1', 'case-card'), 'card');
    await outbox.enqueue(card('MSD-1', 'case-card-update'), 'update');
    await outbox.enqueue(card('MSD-1', 'requester-notice'), 'notice');
    const first = await outbox.claim('w', clock.now, LEASE, 10);
    expect(first.map((d) => d.kind).sort()).toEqual(['case-card', 'requester-notice']);
    await outbox.complete(first.find((d) => d.kind === 'case-card')?.id ?? '', { activityId: 'a1' });
    expect((await outbox.claim('w', clock.now, LEASE, 10)).map((d) => d.kind)).toEqual(['case-card-update']);
  });
});

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

describe('fail', () => {
  async function claimedOne(): Promise<{ outbox: StorageOutbox; clock: FakeClock; d: ClaimedDelivery }> {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock, () => 0.999);
    await outbox.enqueue(card(), 'k');
    const [d] = await outbox.claim('w', clock.now, LEASE, 1);
    return { outbox, clock, d };
  }

  it('reschedules a 429 no earlier than Retry-After', async () => {
    const { outbox, clock, d } = await claimedOne();
    const outcome = await outbox.fail(d.id, restError(429, { 'Retry-After': '20' }), clock.now, d.attemptId);
    expect(outcome).toMatchObject({ status: 'rescheduled' });
    const dueAt = outcome.status === 'rescheduled' ? outcome.dueAt : 0;
    expect(dueAt).toBeGreaterThanOrEqual(clock.now + 20_000);
    expect(await outbox.claim('w', clock.now + 19_999, LEASE, 1)).toEqual([]);
    expect(await outbox.claim('w', dueAt, LEASE, 1)).toHaveLength(1);
  });

  it('marks a 403 failed at once and keeps it visible', async () => {
    const { outbox, clock, d } = await claimedOne();
    const outcome = await outbox.fail(
      d.id,
      restError(403, {}, 'BotNotInConversationRoster'),
      clock.now,
      d.attemptId,
    );
    expect(outcome).toMatchObject({ status: 'failed', reason: 'permanent' });
    const [failed] = await outbox.list({ status: 'failed' });
    expect(failed).toMatchObject({
      id: d.id,
      failReason: 'permanent',
      lastError: { status: 403, code: 'BotNotInConversationRoster', retryable: false },
    });
    expect(await outbox.claim('w', clock.now + 3_600_000, LEASE, 1)).toEqual([]);
    expect(await outbox.fail(d.id, restError(500), clock.now)).toEqual({
      status: 'ignored',
      reason: 'finished',
    });
  });

  it('gives up after the attempt limit', async () => {
    const clock = new FakeClock();
    const outbox = new StorageOutbox(new MemoryStorage(), { clock: clock.read, backoff: { maxAttempts: 3 } });
    await outbox.enqueue(card(), 'k');
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [d] = await outbox.claim('w', clock.now, LEASE, 1);
      const outcome = await outbox.fail(d.id, netError('ECONNREFUSED'), clock.now, d.attemptId);
      outcomes.push(outcome.status === 'failed' ? `failed:${outcome.reason}` : outcome.status);
      clock.advance(DEFAULT_BACKOFF.capMs);
    }
    expect(outcomes).toEqual(['rescheduled', 'rescheduled', 'failed:max-attempts']);
  });

  it('retires a delivery whose workers keep dying', async () => {
    const clock = new FakeClock();
    const outbox = new StorageOutbox(new MemoryStorage(), { clock: clock.read, backoff: { maxAttempts: 2 } });
    await outbox.enqueue(card(), 'k');
    for (let i = 0; i < 2; i++) {
      expect(await outbox.claim('w', clock.now, LEASE, 1)).toHaveLength(1);
      clock.advance(LEASE);
    }
    expect(await outbox.claim('w', clock.now, LEASE, 1)).toEqual([]);
    expect((await outbox.list({ status: 'failed' }))[0]).toMatchObject({
      failReason: 'max-attempts',
      attempts: 2,
    });
  });

  it('spreads successive retries out within growing bounds', async () => {
    const clock = new FakeClock();
    const outbox = new StorageOutbox(new MemoryStorage(), { clock: clock.read });
    await outbox.enqueue(card(), 'k');
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const [d] = await outbox.claim('w', clock.now, LEASE, 1);
      const outcome = await outbox.fail(d.id, restError(500), clock.now, d.attemptId);
      if (outcome.status !== 'rescheduled') throw new Error('expected a retry');
      expect(outcome.delayMs).toBeLessThan(1000 * 2 ** (attempt - 1));
      delays.push(outcome.delayMs);
      clock.now = outcome.dueAt;
    }
    expect(new Set(delays).size).toBeGreaterThan(1);
  });
});

describe('runOutbox', () => {
  it('retries 500 twice, then sends; honours 429; gives up on 403; retries ECONNREFUSED', async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    const script: Record<string, (unknown | SendResult)[]> = {
      'MSD-500': [restError(500), restError(500), { activityId: 'act-500' }],
      'MSD-429': [restError(429, { 'retry-after': '60' }), { activityId: 'act-429' }],
      'MSD-403': [restError(403, {}, 'BotNotInConversationRoster')],
      'MSD-NET': [netError('ECONNREFUSED'), { activityId: 'act-net' }],
    };
    const calls: string[] = [];
    const send = async (d: ClaimedDelivery): Promise<SendResult> => {
      calls.push(`${d.caseId}#${d.attempt}`);
      const next = script[d.caseId].shift();
      if (next instanceof Error) throw next;
      return next as SendResult;
    };
    for (const caseId of Object.keys(script)) await outbox.enqueue(card(caseId), caseId);
    const runner = runOutbox(outbox, send, { clock: clock.read, leaseMs: LEASE });

    expect(await runner.drain()).toMatchObject({ sent: 0, failed: 1, rescheduled: 3 });
    clock.advance(59_000);
    await runner.drain();
    expect((await outbox.get(StorageOutbox.idFor('MSD-429')))?.status).toBe('pending');
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000);
      await runner.drain();
    }
    const items = Object.fromEntries((await outbox.list()).map((item) => [item.delivery.caseId, item]));
    expect(items['MSD-500']).toMatchObject({
      status: 'done',
      attempts: 3,
      result: { activityId: 'act-500' },
    });
    expect(items['MSD-429']).toMatchObject({
      status: 'done',
      attempts: 2,
      result: { activityId: 'act-429' },
    });
    expect(items['MSD-403']).toMatchObject({ status: 'failed', attempts: 1, failReason: 'permanent' });
    expect(items['MSD-NET']).toMatchObject({ status: 'done', attempts: 2 });
    expect(calls.filter((c) => c.startsWith('MSD-429'))).toEqual(['MSD-429#1', 'MSD-429#2']);
  });

  it('picks up where a stopped process left off', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock();
    const before = outboxOn(storage, clock);
    for (const id of ['MSD-1', 'MSD-2', 'MSD-3']) await before.enqueue(card(id), id);
    // The old process claimed one and died mid-send.
    await before.claim('old-process', clock.now, LEASE, 1);

    const after = outboxOn(storage, clock);
    const sent: string[] = [];
    const runner = runOutbox(
      after,
      async (d) => {
        sent.push(d.caseId);
        return { activityId: `act-${d.caseId}` };
      },
      { clock: clock.read, leaseMs: LEASE },
    );
    expect((await runner.drain()).sent).toBe(2);
    expect(sent.sort()).toEqual(['MSD-2', 'MSD-3']);
    clock.advance(LEASE);
    expect((await runner.drain()).sent).toBe(1);
    expect(sent).toContain('MSD-1');
    expect(await after.list({ status: ['pending', 'leased'] })).toEqual([]);
  });

  it('stop() waits for the send in flight and records it', async () => {
    const outbox = new StorageOutbox(new MemoryStorage());
    await outbox.enqueue(card(), 'k');
    let release: (r: SendResult) => void = () => undefined;
    let started: () => void = () => undefined;
    const sendStarted = new Promise<void>((resolve) => (started = resolve));
    const runner = runOutbox(
      outbox,
      () =>
        new Promise<SendResult>((resolve) => {
          release = resolve;
          started();
        }),
      { intervalMs: 10 },
    );
    runner.start();
    expect(runner.running).toBe(true);
    await sendStarted;

    let stopped = false;
    const stopping = runner.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    expect((await outbox.list())[0].status).toBe('leased');

    release({ activityId: 'act-1' });
    await stopping;
    expect(stopped).toBe(true);
    expect(runner.running).toBe(false);
    expect((await outbox.list())[0]).toMatchObject({ status: 'done', result: { activityId: 'act-1' } });
  });

  it('wake() sends a new delivery without waiting for the interval', async () => {
    const outbox = new StorageOutbox(new MemoryStorage());
    const sent: string[] = [];
    const runner = runOutbox(outbox, async (d) => void sent.push(d.caseId), { intervalMs: 60_000 });
    runner.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await outbox.enqueue(card('MSD-7'), 'k7');
    runner.wake();
    for (let i = 0; i < 400 && sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await runner.stop();
    expect(sent).toEqual(['MSD-7']);
  });

  it('reports a store failure and keeps the delivery for later', async () => {
    const memory = new MemoryStorage();
    let down = false;
    const flaky: KeyValueStore = {
      read: (keys) => (down ? Promise.reject(new Error('store down')) : memory.read(keys)),
      write: (changes) =>
        down ? Promise.reject(new Error('store down')) : memory.write(changes as Record<string, object>),
      delete: (keys) => memory.delete(keys),
    };
    const clock = new FakeClock();
    const outbox = outboxOn(flaky, clock);
    await outbox.enqueue(card(), 'k');
    const errors: string[] = [];
    const runner = runOutbox(
      outbox,
      async () => {
        down = true; // sent, but the store fails before complete()
        return { activityId: 'a' };
      },
      { clock: clock.read, leaseMs: LEASE, onError: (_e, phase) => errors.push(phase) },
    );
    await runner.drain();
    expect(errors[0]).toBe('complete');
    down = false;
    clock.advance(LEASE);
    // At least once: the lease ran out, so it is offered again as attempt 2.
    const [again] = await outbox.claim('w', clock.now, LEASE, 1);
    expect(again.attempt).toBe(2);
  });
});

describe('purge', () => {
  it('removes finished items after a while, and every item of deleted cases', async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    await outbox.enqueue(card('MSD-1'), 'a');
    await outbox.enqueue(card('MSD-2'), 'b');
    await outbox.enqueue(card('MSD-3'), 'c');
    const claimed = await outbox.claim('w', clock.now, LEASE, 10);
    await outbox.complete(claimed.find((d) => d.caseId === 'MSD-1')?.id ?? '', { activityId: 'x' });
    clock.advance(1000);
    expect(await outbox.purge({ finishedBefore: clock.now })).toBe(1);
    expect(await outbox.purge({ caseIds: ['MSD-2'] })).toBe(1);
    expect((await outbox.list()).map((i) => i.delivery.caseId)).toEqual(['MSD-3']);
    // Purged keys may be queued again.
    expect((await outbox.enqueue(card('MSD-1'), 'a')).created).toBe(true);
  });
});
