import { MemoryStorage } from 'botbuilder';
import { alertDeliveries } from '../../src/run-watch/run-watch';
import type { RunFacts } from '../../src/run-watch/run-facts';
import { RunWatchStore, runIdentity } from '../../src/run-watch/watch-store';
import { fixtureRunFacts } from '../fixtures/run-alert-samples';

const HOUR = 3_600_000;
const T0 = Date.parse('2024-03-14T01:31:07.615Z');

function runAt(
  number: number | null,
  hoursLater: number,
  result: string | null = 'completed-sync-errors',
): RunFacts {
  return { ...fixtureRunFacts(), number, result, endedAt: new Date(T0 + hoursLater * HOUR).toISOString() };
}

function newStore(now = { ms: T0 + HOUR }) {
  const store = new RunWatchStore(new MemoryStorage(), {
    quietResults: ['success', 'completed-no-objects'],
    clock: () => now.ms,
  });
  return { store, now };
}

describe('the run-watch store', () => {
  it('opens one alert for a failed run and takes the very same run again as a duplicate', async () => {
    const { store } = newStore();
    const first = await store.ingest('mim-01', [runAt(412, 0)]);
    expect(first).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(first.alerts).toHaveLength(1);
    expect(first.alerts[0]).toMatchObject({
      status: 'open',
      failedRuns: 1,
      version: 1,
      result: 'completed-sync-errors',
    });

    const again = await store.ingest('mim-01', [runAt(412, 0)]);
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(again.alerts).toEqual(first.alerts);
  });

  it('counts a later failure with the same result within 24 hours on the same alert', async () => {
    const { store } = newStore();
    await store.ingest('mim-01', [runAt(412, 0)]);
    const later = await store.ingest('mim-01', [runAt(413, 23)]);
    expect(later.alerts).toHaveLength(1);
    expect(later.alerts[0]).toMatchObject({ failedRuns: 2, version: 2, last: { number: 413 } });
  });

  it('opens a new alert for another result, and for the same result more than 24 hours after the last failure', async () => {
    const { store } = newStore();
    await store.ingest('mim-01', [runAt(412, 0)]);
    await store.ingest('mim-01', [runAt(413, 1, 'stopped-extension-dll-exception')]);
    const third = await store.ingest('mim-01', [runAt(414, 26)]);
    expect(third.alerts.map((a) => [a.result, a.failedRuns])).toEqual([
      ['completed-sync-errors', 1],
      ['stopped-extension-dll-exception', 1],
      ['completed-sync-errors', 1],
    ]);
  });

  it('marks open alerts recovered by the next quiet run, with its end time', async () => {
    const { store } = newStore();
    await store.ingest('mim-01', [runAt(412, 0), runAt(413, 1)]);
    const ok = await store.ingest('mim-01', [runAt(414, 2, 'success')]);
    expect(ok.alerts[0]).toMatchObject({
      status: 'recovered',
      failedRuns: 2,
      version: 3,
      recovered: { at: new Date(T0 + 2 * HOUR).toISOString(), runNumber: 414 },
    });
  });

  it('does not let a quiet run that ended before the last failure recover the alert', async () => {
    const { store } = newStore();
    await store.ingest('mim-01', [runAt(413, 2)]);
    const older = await store.ingest('mim-01', [runAt(412, 1, 'success')]);
    expect(older.alerts[0].status).toBe('open');
  });

  it('keeps MAs and keys apart', async () => {
    const { store } = newStore();
    const other = { ...runAt(412, 0), maId: '{OTHER}', maName: 'HR-SQL' };
    const both = await store.ingest('mim-01', [runAt(412, 0), other]);
    expect(both.alerts.map((a) => a.maName)).toEqual(['CONTOSO-ADMA', 'HR-SQL']);
    const otherServer = await store.ingest('mim-02', [runAt(412, 0)]);
    expect(otherServer).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(otherServer.alerts[0].id).not.toBe(both.alerts[0].id);
  });

  it('stores a muted MA’s failures as a muted alert that is never posted', async () => {
    const { store, now } = newStore();
    const [alert] = (await store.ingest('mim-01', [runAt(412, 0)])).alerts;
    await store.mute(alert.id, { id: '29:bo', name: 'Bo' }, now.ms + 4 * HOUR);
    const during = await store.ingest('mim-01', [runAt(413, 1, 'stopped-server')]);
    const muted = during.alerts.find((a) => a.result === 'stopped-server');
    expect(muted?.muted).toBe(true);
    expect(alertDeliveries(muted!)).toEqual([]);
    expect((await store.watchOf(alert.id))?.counts).toEqual({ runs: 2, failed: 2, mutedFailures: 1 });

    now.ms += 5 * HOUR;
    const after = await store.ingest('mim-01', [runAt(414, 6, 'stopped-server')]);
    expect(after.alerts.filter((a) => !a.muted).map((a) => a.result)).toContain('stopped-server');
  });

  it('names a run without a number by its end and profile', () => {
    expect(runIdentity(runAt(412, 0))).toBe('#412');
    expect(runIdentity(runAt(null, 0))).toBe(`@${new Date(T0).toISOString()}|Full Import and Full Sync`);
  });

  it('makes one alert when two failures of one MA arrive at the same moment', async () => {
    const { store } = newStore();
    await store.ingest('mim-01', [runAt(1, 0)]);
    const results = await Promise.all([
      store.ingest('mim-01', [runAt(412, 1)]),
      store.ingest('mim-01', [runAt(413, 1)]),
    ]);
    expect(results.map((r) => r.accepted)).toEqual([1, 1]);
    const watch = await store.watchOf(results[0].alerts[0].id);
    expect(watch?.alerts).toHaveLength(1);
    expect(watch?.alerts[0].failedRuns).toBe(3);
  });
});

describe('alert deliveries', () => {
  it('are a post, then one update per later version, each with a key of its own', async () => {
    const { store } = newStore();
    const [alert] = (await store.ingest('mim-01', [runAt(412, 0)])).alerts;
    expect(alertDeliveries(alert)).toEqual([{ kind: 'run-alert-card', key: `run-alert/${alert.id}` }]);
    const taken = await store.takeOn(alert.id, { id: '29:bo', name: 'Bo' });
    expect(alertDeliveries(taken!).map((d) => d.key)).toEqual([
      `run-alert/${alert.id}`,
      `run-alert/${alert.id}/v2`,
    ]);
  });

  it('storing where the card went changes no version', async () => {
    const { store } = newStore();
    const [alert] = (await store.ingest('mim-01', [runAt(412, 0)])).alerts;
    const placed = await store.setCard(alert.id, 'support', {
      activityId: '1',
      conversationId: 'c;messageid=1',
    });
    expect(placed?.version).toBe(1);
    expect(placed?.cards).toEqual({ support: { activityId: '1', conversationId: 'c;messageid=1' } });
    // A second post's location for the same target never replaces the first.
    const again = await store.setCard(alert.id, 'support', {
      activityId: '2',
      conversationId: 'c;messageid=2',
    });
    expect(again?.cards.support.activityId).toBe('1');
  });
});
