import { MemoryStorage } from 'botbuilder';
import type { ClaimedDelivery } from '../../src/escalation/delivery';
import { StorageOutbox } from '../../src/escalation/outbox';
import { DEFAULT_BACKOFF } from '../../src/escalation/retry-policy';

import { FakeClock, LEASE, card, netError, outboxOn, restError } from '../helpers/outbox-fixtures';

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

describe('index', () => {
  /** MemoryStorage remembering the keys of every write. */
  class RecordingStorage extends MemoryStorage {
    written: string[] = [];
    override async write(changes: Record<string, unknown>): Promise<void> {
      this.written.push(...Object.keys(changes));
      await super.write(changes as never);
    }
    pendingWrites(): string[] {
      return this.written.filter((k) => k.includes('/outbox/pending/'));
    }
  }

  async function shardSizes(storage: MemoryStorage): Promise<number[]> {
    const keys = [...'0123456789abcdef'].map((s) => `escalation/outbox/pending/${s}`);
    const docs = await storage.read(keys);
    return keys.map((k) => Object.keys((docs[k] as { entries?: object } | undefined)?.entries ?? {}).length);
  }

  it('takes one shard write per new delivery, none per completion; the next claim settles completions', async () => {
    const clock = new FakeClock();
    const storage = new RecordingStorage();
    const outbox = outboxOn(storage, clock);
    for (let i = 0; i < 5; i++) {
      const before = storage.pendingWrites().length;
      await outbox.enqueue(card(`MSD-${i}`, 'requester-notice'), `n${i}`);
      const keys = new Set(storage.pendingWrites().slice(before));
      expect(keys.size).toBe(1); // one shard (its creation, the first time, is a write too)
    }
    const claimed = await outbox.claim('w', clock.now, LEASE, 10);
    const afterClaim = storage.pendingWrites().length;
    for (const d of claimed) await outbox.complete(d.id, null);
    expect(storage.pendingWrites().length).toBe(afterClaim);
    expect(await outbox.claim('w', clock.now, LEASE, 10)).toEqual([]);
    const settled = storage.pendingWrites().slice(afterClaim);
    expect(settled.length).toBe(new Set(settled).size); // at most one write per shard
    expect((await outbox.list({ status: 'done' })).length).toBe(5);
  });

  it('holds only what is still to send, however many were sent before', async () => {
    const clock = new FakeClock();
    const storage = new RecordingStorage();
    const outbox = outboxOn(storage, clock);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 100; i++)
        await outbox.enqueue(card(`MSD-${round}-${i}`, 'requester-notice'), `${round}/${i}`);
      for (const d of await outbox.claim('w', clock.now, LEASE, 100)) await outbox.complete(d.id, null);
      clock.advance(60_000);
    }
    await outbox.enqueue(card('MSD-last', 'requester-notice'), 'last');
    await outbox.claim('w', clock.now, LEASE, 0); // nothing claimed, nothing settled
    expect((await outbox.claim('w', clock.now, LEASE, 1)).map((d) => d.caseId)).toEqual(['MSD-last']);
    expect((await shardSizes(storage)).reduce((a, b) => a + b, 0)).toBe(1);
    expect((await outbox.list({ status: 'done' })).length).toBe(300);
  });

  it('spreads deliveries over shards, so no document grows with the queue as a whole', async () => {
    const clock = new FakeClock();
    const storage = new MemoryStorage();
    const outbox = outboxOn(storage, clock);
    for (let i = 0; i < 320; i++) await outbox.enqueue(card(`MSD-${i}`, 'requester-notice'), `k${i}`);
    const sizes = await shardSizes(storage);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(320);
    expect(Math.max(...sizes)).toBeLessThan(60); // 20 on average
  });

  it('takes over the one-document index of an earlier version', async () => {
    const clock = new FakeClock();
    const storage = new MemoryStorage();
    const outbox = outboxOn(storage, clock);
    // What an earlier version left: one delivery sent, one still to send.
    const sent = StorageOutbox.idFor('sent');
    const waiting = StorageOutbox.idFor('waiting');
    await outbox.enqueue(card('MSD-1'), 'sent');
    await outbox.enqueue(card('MSD-2'), 'waiting');
    const [first] = await outbox.claim('w', clock.now, LEASE, 1);
    await outbox.complete(first.id, { activityId: 'a1' });
    await storage.delete([...'0123456789abcdef'].map((s) => `escalation/outbox/pending/${s}`));
    const entry = { due: clock.now, at: clock.now, k: 'case-card', c: '' };
    await storage.write({
      'escalation/outbox/index': {
        entries: {
          [sent]: { ...entry, st: 'done', c: 'MSD-1' },
          [waiting]: { ...entry, st: 'pending', c: 'MSD-2' },
        },
      },
    });

    expect((await outbox.claim('w', clock.now, LEASE, 10)).map((d) => d.caseId)).toEqual(['MSD-2']);
    expect(await storage.read(['escalation/outbox/index'])).toEqual({});
    expect((await outbox.list({ status: 'done' })).map((i) => i.id)).toEqual([sent]);
    expect((await outbox.enqueue(card('MSD-2'), 'waiting')).created).toBe(false);
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

  it('finds sent deliveries of deleted cases and old ones in the done log, by the hour they finished', async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    for (const id of ['MSD-1', 'MSD-2']) await outbox.enqueue(card(id), id);
    for (const d of await outbox.claim('w', clock.now, LEASE, 10)) await outbox.complete(d.id, null);
    await outbox.claim('w', clock.now, LEASE, 10); // moves both to the done log
    expect(await outbox.purge({ caseIds: ['MSD-1'] })).toBe(1);
    expect(await outbox.purge({ finishedBefore: clock.now })).toBe(0);
    clock.advance(1);
    expect(await outbox.purge({ finishedBefore: clock.now })).toBe(1);
    expect(await outbox.list()).toEqual([]);
  });

  it('lets run alerts go sooner than case deliveries', async () => {
    const clock = new FakeClock();
    const outbox = outboxOn(new MemoryStorage(), clock);
    await outbox.enqueue(card('alert-1', 'run-alert-card'), 'alert');
    await outbox.enqueue(card('MSD-1', 'case-card'), 'case');
    for (const d of await outbox.claim('w', clock.now, LEASE, 10)) await outbox.complete(d.id, null);
    await outbox.claim('w', clock.now, LEASE, 10);
    clock.advance(2 * 3_600_000);
    const purged = await outbox.purge({
      finishedBefore: clock.now - 90 * 86_400_000,
      runAlertsFinishedBefore: clock.now - 3_600_000,
    });
    expect(purged).toBe(1);
    expect((await outbox.list()).map((i) => i.delivery.caseId)).toEqual(['MSD-1']);
  });
});
