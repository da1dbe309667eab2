import { MemoryStorage } from 'botbuilder';
import type { ClaimedDelivery, SendResult } from '../../src/escalation/delivery';
import { StorageOutbox } from '../../src/escalation/outbox';
import { runOutbox } from '../../src/escalation/outbox-runner';
import type { KeyValueStore } from '../../src/escalation/store';

import { FakeClock, LEASE, card, netError, outboxOn, restError } from '../helpers/outbox-fixtures';

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
