import { MemoryStorage } from 'botbuilder';
import { OutboxDoneLog, retentionClassOf, type FinishedDelivery } from '../../src/escalation/outbox-done-log';
import { StorageOutbox } from '../../src/escalation/outbox';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T10:00:00Z');

function finished(
  n: number,
  at: number,
  caseId = `MSD-${n}`,
  cls: FinishedDelivery['cls'] = 'case',
): FinishedDelivery {
  return { id: StorageOutbox.idFor(`key-${n}`), c: caseId, f: at, cls };
}

describe('the outbox done log', () => {
  it('keeps run alerts and case deliveries apart', () => {
    expect(retentionClassOf('run-alert-card')).toBe('alert');
    expect(retentionClassOf('run-alert-update')).toBe('alert');
    expect(retentionClassOf('case-card')).toBe('case');
    expect(retentionClassOf('requester-notice')).toBe('case');
  });

  it('spreads a busy hour over 16 documents, none holding much of it', async () => {
    const storage = new MemoryStorage();
    const log = new OutboxDoneLog(storage, 'escalation', {});
    await log.record(Array.from({ length: 800 }, (_, n) => finished(n, T0 + n)));
    const hour = Math.floor(T0 / HOUR);
    const keys = [...'0123456789abcdef'].map((s) => `escalation/outbox/done/case/${hour}/${s}`);
    const docs = await storage.read(keys);
    const sizes = keys.map((k) => Object.keys((docs[k] as { entries: object }).entries).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(800);
    expect(Math.max(...sizes)).toBeLessThan(100); // 50 on average
    expect(Object.keys(await log.entries())).toHaveLength(800);
  });

  it('purges whole hours past the cutoff, items first, and only the named cases of later hours', async () => {
    const storage = new MemoryStorage();
    const log = new OutboxDoneLog(storage, 'escalation', {});
    await log.record([finished(1, T0), finished(2, T0 + 2 * HOUR), finished(3, T0 + 2 * HOUR, 'MSD-gone')]);
    const deleted: string[][] = [];
    const count = await log.purge({ case: T0 + HOUR + 1 }, new Set(['MSD-gone']), async (ids) => {
      // The log still lists what is being deleted: a crash here leaves no item nobody can find.
      expect(Object.keys(await log.entries())).toEqual(expect.arrayContaining(ids));
      deleted.push(ids);
    });
    expect(count).toBe(2);
    expect(deleted.flat().sort()).toEqual([finished(1, 0).id, finished(3, 0).id].sort());
    expect(Object.values(await log.entries()).map((e) => e.c)).toEqual(['MSD-2']);
    const hours = await storage.read(['escalation/outbox/done/case/hours']);
    expect(hours['escalation/outbox/done/case/hours']).toMatchObject({
      hours: [Math.floor((T0 + 2 * HOUR) / HOUR)],
    });
  });
});
