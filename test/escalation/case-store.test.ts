import { MemoryStorage } from 'botbuilder';
import {
  CaseInputError,
  CaseLimitError,
  resolveCase,
  summarizeFindings,
  takeCase,
  type CaseInput,
  type EscalationCase,
} from '../../src/escalation/case';
import { CaseStore } from '../../src/escalation/case-store';
import { digest } from '../../src/escalation/ledger';
import type { KeyValueStore } from '../../src/escalation/store';

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-01T09:00:00Z');

function input(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    requester: {
      id: '29:alice',
      name: 'Alice Admin',
      aadObjectId: 'aad-alice',
      tenantId: 'tenant-1',
      conversationReference: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/' },
    },
    lang: 'en',
    description: 'Export to AD stopped after the rollup',
    impact: 'one-ma-failing',
    findings: summarizeFindings(
      {
        findings: [
          {
            kind: 'run-status',
            value: 'stopped-extension-dll-exception',
            raw: 'stopped-extension-dll-exception',
            confidence: 1,
          },
          { kind: 'event-id', value: '6801', raw: '6801', confidence: 0.9 },
          { kind: 'mim-build', value: '4.6.607.0', raw: '4.6.607.0', confidence: 1 },
        ],
        mimBuild: null,
        connector: null,
        statusCode: null,
      },
      'extension-dll-exception',
    ),
    steps: [
      { step: 'extension-dll-exception', outcome: 'still-failing' },
      { step: 'update-mim', outcome: 'no answer' },
    ],
    userMessages: [
      'run says stopped-extension-dll-exception',
      'the sql login is Password=Hunter2!; still broken',
    ],
    ...overrides,
  };
}

function bob(): { id: string; name: string } {
  return { id: '29:bob', name: 'Bob Support' };
}

/** Fast CAS retries: tests race many writers on one document. */
function storeWith(
  storage: KeyValueStore = new MemoryStorage(),
  clock: () => number = () => T0,
  options: { duplicateWaitMs?: number } = {},
): CaseStore {
  return new CaseStore(storage, {
    clock,
    cas: { baseDelayMs: 1, maxDelayMs: 5 },
    duplicateWaitMs: options.duplicateWaitMs ?? 200,
  });
}

describe('case ids and creation', () => {
  it('hands out sequential, unique ids to 50 concurrent cases', async () => {
    const cases = storeWith();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => cases.createCase(input(), `submit-${i}`)),
    );
    const ids = results.map((r) => r.case.id).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => `MSD-${1001 + i}`));
    expect(results.every((r) => r.created)).toBe(true);
    expect(await cases.list()).toHaveLength(50);
  });

  it('opens one case for a double click, also when both submits race', async () => {
    const cases = storeWith();
    const first = await cases.createCase(input(), 'submit-once');
    const again = await cases.createCase(input({ description: 'changed' }), 'submit-once');
    expect(again).toEqual({ case: first.case, created: false });

    const racing = await Promise.all([1, 2, 3, 4, 5].map(() => cases.createCase(input(), 'submit-race')));
    expect(new Set(racing.map((r) => r.case.id)).size).toBe(1);
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(await cases.list()).toHaveLength(2);
  });

  it('stores the case before createCase resolves, and fails when it cannot be stored', async () => {
    const memory = new MemoryStorage();
    const events: string[] = [];
    let failCaseWrites = false;
    const slow: KeyValueStore = {
      read: (keys) => memory.read(keys),
      delete: (keys) => memory.delete(keys),
      async write(changes) {
        const key = Object.keys(changes)[0];
        if (key.includes('/case/')) {
          if (failCaseWrites) throw new Error('disk full');
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        await memory.write(changes as Record<string, object>);
        events.push(`stored ${key}`);
      },
    };
    const cases = storeWith(slow);
    const { case: c } = await cases.createCase(input(), 's1').then((r) => {
      events.push('resolved');
      return r;
    });
    expect(events.indexOf(`stored escalation/case/${c.id}`)).toBeGreaterThanOrEqual(0);
    expect(events.indexOf(`stored escalation/case/${c.id}`)).toBeLessThan(events.indexOf('resolved'));

    failCaseWrites = true;
    await expect(cases.createCase(input(), 's2')).rejects.toThrow('disk full');
  });

  it('keeps what support needs and redacts secrets from the user text', async () => {
    const { case: c } = await storeWith().createCase(
      input({ description: 'broke after I set pwd=Summer2024 on the MA' }),
      's',
    );
    expect(c).toMatchObject({
      id: 'MSD-1001',
      status: 'open',
      impact: 'one-ma-failing',
      lang: 'en',
      requester: { id: '29:alice', aadObjectId: 'aad-alice', tenantId: 'tenant-1' },
      findings: {
        stepId: 'extension-dll-exception',
        statusCodes: ['stopped-extension-dll-exception'],
        eventIds: [6801],
        mimBuild: '4.6.607.0',
      },
      steps: [
        { step: 'extension-dll-exception', outcome: 'still-failing' },
        { step: 'update-mim', outcome: 'no answer' },
      ],
      takenBy: null,
      createdAt: '2025-03-01T09:00:00.000Z',
      delivery: { supportActivityId: null, supportConversationId: null, requesterActivityId: null },
    });
    expect(c.requester.conversationReference).toEqual(input().requester.conversationReference);
    expect(c.description).toBe('broke after I set pwd=[REDACTED] on the MA');
    expect(c.transcript.map((l) => l.text)).toEqual([
      'run says stopped-extension-dll-exception',
      'the sql login is Password=[REDACTED]; still broken',
    ]);
    expect(JSON.stringify(c)).not.toMatch(/Hunter2|Summer2024/);
  });

  it('keeps only the last messages, each capped', async () => {
    const cases = new CaseStore(new MemoryStorage(), { transcript: { maxMessages: 2, maxChars: 10 } });
    const { case: c } = await cases.createCase(
      input({ userMessages: ['one', 'two', 'three is a long message'] }),
      's',
    );
    expect(c.transcript).toEqual([
      { text: 'two', truncated: false },
      { text: 'three is a…', truncated: true },
    ]);
  });

  it('rejects bad input before spending a number', async () => {
    const cases = storeWith();
    await expect(cases.createCase(input({ impact: 'urgent' as never }), 's')).rejects.toThrow(CaseInputError);
    await expect(
      cases.createCase(input({ steps: [{ step: 'reboot' as never, outcome: 'fixed' }] }), 's'),
    ).rejects.toThrow(CaseInputError);
    await expect(cases.createCase(input(), '')).rejects.toThrow(CaseInputError);
    expect((await cases.createCase(input(), 'ok')).case.id).toBe('MSD-1001');
  });

  it('never reuses a number when the ledger was lost', async () => {
    const storage = new MemoryStorage();
    const cases = storeWith(storage);
    for (const s of ['a', 'b', 'c']) await cases.createCase(input(), s);
    await storage.delete(['escalation/ledger']);
    const { case: d } = await cases.createCase(input(), 'd');
    expect(d.id).toBe('MSD-1004');
    expect((await cases.get('MSD-1001'))?.submissionId).toBe('a');
    expect((await cases.list()).map((c) => c.id).sort()).toEqual([
      'MSD-1001',
      'MSD-1002',
      'MSD-1003',
      'MSD-1004',
    ]);
  });
});

describe('take and resolve', () => {
  const open = (): EscalationCase => ({
    id: 'MSD-1',
    number: 1,
    submissionId: 's',
    status: 'open',
    requester: { id: 'r', name: 'R', aadObjectId: null, tenantId: null, conversationReference: null },
    lang: 'en',
    description: '',
    impact: 'question',
    findings: summarizeFindings({ findings: [], mimBuild: null, connector: null, statusCode: null }, null),
    steps: [],
    transcript: [],
    takenBy: null,
    resolvedBy: null,
    resolution: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    takenAt: null,
    resolvedAt: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    delivery: { supportActivityId: null, supportConversationId: null, requesterActivityId: null },
  });
  const now = new Date('2025-01-02T00:00:00Z');
  const carol = { id: 'carol', name: 'Carol' };

  it.each([
    ['take an open case', () => takeCase(open(), bob(), now), { ok: true, changed: true }, 'taken'],
    [
      'take your own case again (no-op)',
      () => takeCase((takeCase(open(), bob(), now) as { case: EscalationCase }).case, bob(), now),
      { ok: true, changed: false },
      'taken',
    ],
    [
      "take someone else's case (refused)",
      () => takeCase((takeCase(open(), bob(), now) as { case: EscalationCase }).case, carol, now),
      { ok: false, reason: 'taken-by-other' },
      'taken',
    ],
    [
      'take a resolved case (refused)',
      () => takeCase((resolveCase(open(), bob(), 'done', now) as { case: EscalationCase }).case, carol, now),
      { ok: false, reason: 'already-resolved' },
      'resolved',
    ],
    [
      'resolve an open case',
      () => resolveCase(open(), bob(), 'fixed', now),
      { ok: true, changed: true },
      'resolved',
    ],
    [
      'resolve a taken case',
      () => resolveCase((takeCase(open(), bob(), now) as { case: EscalationCase }).case, bob(), 'x', now),
      { ok: true, changed: true },
      'resolved',
    ],
    [
      'resolve twice (no-op)',
      () =>
        resolveCase(
          (resolveCase(open(), bob(), 'first', now) as { case: EscalationCase }).case,
          carol,
          'second',
          now,
        ),
      { ok: true, changed: false },
      'resolved',
    ],
  ])('%s', (_name, run, expected, status) => {
    const result = run();
    expect(result).toMatchObject(expected);
    expect(result.case.status).toBe(status);
  });

  it('records who, when and the redacted note', () => {
    const taken = takeCase(open(), bob(), now);
    expect(taken.case).toMatchObject({
      takenBy: bob(),
      takenAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    const resolved = resolveCase(taken.case, bob(), 'reset the MA account, password: Xyz123!', now);
    expect(resolved.case).toMatchObject({
      resolvedBy: bob(),
      resolution: 'reset the MA account, password: [REDACTED]',
      resolvedAt: now.toISOString(),
    });
    const again = resolveCase(resolved.case, carol, 'other', now);
    expect(again.case.resolution).toBe(resolved.case.resolution);
  });

  it('stores transitions and refuses what the rules refuse', async () => {
    const cases = storeWith();
    const { case: c } = await cases.createCase(input(), 's');
    expect(await cases.take(c.id, bob())).toMatchObject({ ok: true, changed: true });
    expect(await cases.take(c.id, bob())).toMatchObject({ ok: true, changed: false });
    expect(await cases.take(c.id, carol)).toMatchObject({
      ok: false,
      reason: 'taken-by-other',
      case: { takenBy: bob() },
    });
    expect(await cases.resolve(c.id, bob(), 'rolled back the DLL')).toMatchObject({
      ok: true,
      changed: true,
    });
    expect(await cases.resolve(c.id, bob(), 'again')).toMatchObject({ ok: true, changed: false });
    expect(await cases.take(c.id, carol)).toMatchObject({ ok: false, reason: 'already-resolved' });
    expect(await cases.get(c.id)).toMatchObject({ status: 'resolved', resolution: 'rolled back the DLL' });
    expect(await cases.take('MSD-9999', bob())).toEqual({ ok: false, reason: 'not-found' });
    expect(await cases.take('../ledger', bob())).toEqual({ ok: false, reason: 'not-found' });
  });

  it('lets exactly one of two people take a case at the same time', async () => {
    const cases = storeWith();
    const { case: c } = await cases.createCase(input(), 's');
    const [a, b] = await Promise.all([cases.take(c.id, bob()), cases.take(c.id, carol)]);
    const winners = [a, b].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const loser = [a, b].find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, reason: 'taken-by-other' });
    expect((await cases.get(c.id))?.takenBy?.id).toBe(winners[0].ok ? winners[0].case.takenBy?.id : 'none');
  });

  it('records where the edge posted the case', async () => {
    const cases = storeWith();
    const { case: c } = await cases.createCase(input(), 's');
    await cases.setDelivery(c.id, { supportActivityId: 'act-1', supportConversationId: '19:support' });
    await cases.setDelivery(c.id, { requesterActivityId: 'act-2' });
    expect((await cases.get(c.id))?.delivery).toEqual({
      supportActivityId: 'act-1',
      supportConversationId: '19:support',
      requesterActivityId: 'act-2',
    });
    expect(await cases.setDelivery('MSD-4242', { supportActivityId: 'x' })).toBeUndefined();
  });
});

describe('listing', () => {
  it('lists my cases and the unresolved ones from the index', async () => {
    const cases = storeWith();
    const alice = await cases.createCase(input(), 'a1');
    const alice2 = await cases.createCase(input(), 'a2');
    const carl = await cases.createCase(
      input({ requester: { ...input().requester, id: '29:carl', name: 'Carl' } }),
      'c1',
    );
    await cases.take(alice.case.id, bob());
    await cases.resolve(alice2.case.id, bob(), 'done');

    expect((await cases.list({ requesterId: '29:alice' })).map((c) => c.id)).toEqual([
      'MSD-1002',
      'MSD-1001',
    ]);
    expect((await cases.list({ requesterId: '29:carl' })).map((c) => c.id)).toEqual(['MSD-1003']);
    expect(
      (await cases.list({ status: ['open', 'taken'], order: 'oldest-first' })).map((c) => [c.id, c.status]),
    ).toEqual([
      ['MSD-1001', 'taken'],
      ['MSD-1003', 'open'],
    ]);
    expect((await cases.list({ status: ['open'] })).map((c) => c.id)).toEqual([carl.case.id]);
    expect((await cases.list({ status: ['resolved'] })).map((c) => c.id)).toEqual([alice2.case.id]);
    expect(await cases.list({ limit: 1 })).toHaveLength(1);
  });

  it('finds a case whose status hint could not be written', async () => {
    const memory = new MemoryStorage();
    let ledgerDown = false;
    const flaky: KeyValueStore = {
      read: (keys) => memory.read(keys),
      delete: (keys) => memory.delete(keys),
      write: (changes) => {
        if (ledgerDown && Object.keys(changes).some((k) => k.startsWith('escalation/cases/')))
          return Promise.reject(new Error('index unavailable'));
        return memory.write(changes as Record<string, object>);
      },
    };
    const warnings: string[] = [];
    const cases = new CaseStore(flaky, { onWarning: (m) => warnings.push(m) });
    const { case: c } = await cases.createCase(input(), 's');
    ledgerDown = true;
    expect(await cases.take(c.id, bob())).toMatchObject({ ok: true, changed: true });
    expect(warnings).toHaveLength(1);
    expect((await cases.list({ status: ['taken'] })).map((x) => x.id)).toEqual([c.id]);
    expect(await cases.list({ status: ['open'] })).toEqual([]);
  });
});

describe('retention and delete-my-data', () => {
  it('removes cases untouched for longer than the retention, and their index entries', async () => {
    let now = T0;
    const storage = new MemoryStorage();
    const cases = storeWith(storage, () => now);
    const old = await cases.createCase(input(), 'old');
    const oldButWorked = await cases.createCase(input(), 'worked');
    now = T0 + 20 * DAY;
    await cases.take(oldButWorked.case.id, bob());
    now = T0 + 25 * DAY;
    const recent = await cases.createCase(input(), 'recent');

    const removed = await cases.deleteExpired(T0 + 31 * DAY, 30);
    expect(removed).toEqual([old.case.id]);
    expect(await cases.get(old.case.id)).toBeUndefined();
    expect((await cases.list()).map((c) => c.id).sort()).toEqual([oldButWorked.case.id, recent.case.id]);
    const shard = (await storage.read(['escalation/cases/10']))['escalation/cases/10'] as { entries: object };
    expect(Object.keys(shard.entries).sort()).toEqual([oldButWorked.case.id, recent.case.id]);

    expect(await cases.deleteExpired(T0 + 31 * DAY, 30)).toEqual([]);
    expect(await cases.deleteExpired(T0 + 60 * DAY, 30)).toEqual([oldButWorked.case.id, recent.case.id]);
    await expect(cases.deleteExpired(T0, -1)).rejects.toThrow(RangeError);
  });

  it("removes the requester's cases only and returns them", async () => {
    const cases = storeWith();
    const a1 = await cases.createCase(input(), 'a1');
    const other = await cases.createCase(
      input({ requester: { ...input().requester, id: '29:carl', name: 'Carl' } }),
      'c1',
    );
    const a2 = await cases.createCase(input(), 'a2');
    const removed = await cases.deleteRequesterData('29:alice');
    expect(removed.map((c) => c.id).sort()).toEqual([a1.case.id, a2.case.id]);
    expect(await cases.get(a1.case.id)).toBeUndefined();
    expect(await cases.list({ requesterId: '29:alice' })).toEqual([]);
    expect((await cases.list()).map((c) => c.id)).toEqual([other.case.id]);
    expect(await cases.deleteRequesterData('29:alice')).toEqual([]);
    // A new submit after deletion opens a new case with a new number.
    expect((await cases.createCase(input(), 'a1')).case.id).toBe('MSD-1004');
  });
});

describe('the daily case cap in the ledger', () => {
  it('lets exactly perDay of 12 concurrent submissions by one requester through; the rest are refused', async () => {
    const cases = storeWith();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => cases.createCase(input(), `burst-${i}`, 5)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(7);
    expect(refused.every((r) => r.reason instanceof CaseLimitError)).toBe(true);
  });

  it('never refuses a repeat of a submission that opened a case, counts only 24 hours, and counts requesters apart', async () => {
    let now = T0;
    const cases = storeWith(new MemoryStorage(), () => now);
    await cases.createCase(input(), 'first', 1);
    await expect(cases.createCase(input(), 'first', 1)).resolves.toMatchObject({ created: false });
    await expect(cases.createCase(input(), 'second', 1)).rejects.toBeInstanceOf(CaseLimitError);
    const other = input({ requester: { ...input().requester, id: '29:bob' } });
    await expect(cases.createCase(other, 'bobs', 1)).resolves.toMatchObject({ created: true });
    now = T0 + DAY + 1;
    await expect(cases.createCase(input(), 'second', 1)).resolves.toMatchObject({ created: true });
  });
});

describe('the ledger as the store grows', () => {
  /** MemoryStorage remembering the size of every document written. */
  class SizingStorage extends MemoryStorage {
    largest = new Map<string, number>();
    override async write(changes: Record<string, unknown>): Promise<void> {
      for (const [key, value] of Object.entries(changes)) {
        const kind = key.replace(/\/[^/]+$/, '');
        this.largest.set(kind, Math.max(this.largest.get(kind) ?? 0, JSON.stringify(value).length));
      }
      await super.write(changes as never);
    }
  }

  it('writes no document that grows with the number of cases when it opens one', async () => {
    const storage = new SizingStorage();
    const cases = storeWith(storage);
    const people = 50;
    for (let i = 0; i < 600; i++) {
      const requester = { ...input().requester, id: `29:user-${i % people}` };
      await cases.createCase(input({ requester }), `s${i}`);
    }
    expect(storage.largest.get('escalation')).toBeLessThan(100); // the counter: a number
    expect(storage.largest.get('escalation/cases')).toBeLessThan(100 * 120); // a hundred entries at most
    expect(storage.largest.get('escalation/requester')).toBeLessThan(12 * 80); // their own twelve cases
    expect((await cases.list()).length).toBe(600);
    expect((await cases.list({ requesterId: '29:user-7' })).length).toBe(12);
  });

  it('takes over the one-document ledger of an earlier version: numbers, repeats, caps and lists carry on', async () => {
    const storage = new MemoryStorage();
    const before = storeWith(storage);
    const a = await before.createCase(input(), 'a');
    const b = await before.createCase(input({ requester: { ...input().requester, id: '29:bob' } }), 'b');
    // What an earlier version kept: the counter and every entry in one document.
    const shard = (await storage.read(['escalation/cases/10']))['escalation/cases/10'] as { entries: object };
    await storage.delete([
      'escalation/cases/10',
      'escalation/requester/' + digest('29:alice'),
      'escalation/requester/' + digest('29:bob'),
    ]);
    await storage.write({ 'escalation/ledger': { next: 1003, entries: shard.entries } });

    const after = storeWith(storage);
    await after.init();
    const ledger = (await storage.read(['escalation/ledger']))['escalation/ledger'] as { entries?: object };
    expect(ledger.entries ?? {}).toEqual({});
    expect((await after.createCase(input(), 'a')).case.id).toBe(a.case.id); // a repeat is still a repeat
    await expect(after.createCase(input(), 'a2', 1)).rejects.toBeInstanceOf(CaseLimitError);
    expect((await after.createCase(input(), 'c')).case.id).toBe('MSD-1003');
    expect((await after.list()).map((c) => c.id)).toEqual(['MSD-1003', b.case.id, a.case.id]);
    expect((await after.list({ requesterId: '29:bob' })).map((c) => c.id)).toEqual([b.case.id]);
  });

  it('finishes a case whose first submit stopped after claiming its number', async () => {
    const storage = new MemoryStorage();
    const cases = storeWith(storage, () => T0, { duplicateWaitMs: 0 });
    const { case: first } = await cases.createCase(input(), 's');
    await storage.delete([cases.caseKey(first.id)]); // as if the process died before storing it
    const again = await cases.createCase(input(), 's');
    expect(again).toMatchObject({ created: true, case: { id: first.id, submissionId: 's' } });
    expect((await cases.list()).map((c) => c.id)).toEqual([first.id]);
  });
});
