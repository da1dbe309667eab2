/**
 * The run watch's memory: one document per (key, management agent) holding which runs were seen (so a
 * repeat is a duplicate), the MA's alerts and its mute. Every change is a read-modify-write on the
 * document's eTag (cas.ts), so two failures arriving at once still end in one alert.
 */
import { createHash } from 'node:crypto';
import { readDoc, readDocs, type KeyValueStore } from '../escalation/store';
import { updateDoc, updateIfExists, type CasOptions, type Change } from '../escalation/cas';
import type { RunFacts } from './run-facts';

export interface Person {
  id: string;
  name: string;
}

export interface CardLocation {
  activityId: string | null;
  conversationId: string | null;
}

/** A run as the `runs` overview lists it. */
export interface RunBrief {
  number: number | null;
  result: string | null;
  endedAt: string | null;
}

export interface RunAlert {
  /** `<MA document hash>.<sequence>`: names the document it lives in. */
  id: string;
  keyId: string;
  maName: string | null;
  /** The worst step result all its runs share. */
  result: string;
  /** The run that opened the alert, and the latest failed run. */
  first: RunFacts;
  last: RunFacts;
  failedRuns: number;
  /** Epoch ms of the first and latest failed run's end (the 24-hour window is measured on these). */
  firstEndMs: number;
  lastEndMs: number;
  status: 'open' | 'recovered';
  recovered: { at: string; runNumber: number | null } | null;
  onIt: (Person & { at: string }) | null;
  caseId: string | null;
  /** Opened while the MA was muted: stored and counted, never posted. */
  muted: boolean;
  /** Where its cards went, per target (the support channel is `support`), once posted. */
  cards: Record<string, CardLocation>;
  /** Grows with every change the card shows; an update delivery is queued per version. */
  version: number;
  /** Epoch ms (the bot's clock) of the latest version. */
  changedAtMs: number;
}

export interface MaWatch {
  keyId: string;
  maName: string | null;
  /** Identities of the runs seen (newest last, bounded). */
  seen: string[];
  /** Newest last, bounded; open ones are never dropped for space. */
  alerts: RunAlert[];
  sequence: number;
  mutedUntilMs: number | null;
  mutedBy: Person | null;
  counts: { runs: number; failed: number; mutedFailures: number };
  /** The latest run by end time, and the latest failed ones (newest last, bounded). */
  last: RunBrief | null;
  recentFailures: RunBrief[];
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  /** The MAs' open alerts and those recovered within a day, changed or not: their deliveries are queued again (idempotent). */
  alerts: RunAlert[];
}

export interface WatchStoreOptions {
  /** Worst step results that do not alert (and mark an open alert recovered). */
  quietResults: readonly string[];
  clock?: () => number;
  cas?: CasOptions;
  /** Default "runwatch". */
  keyPrefix?: string;
}

/** A later failure with the same result within this time updates the alert instead of opening one. */
export const SAME_PROBLEM_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * Run identities remembered per MA: more than a day of runs at one a minute. An agent resends only
 * runs since its cursor, so an older repeat does not come.
 */
export const MAX_SEEN_RUNS = 2000;
export const MAX_ALERTS_PER_MA = 20;
export const MAX_RECENT_FAILURES = 50;

/** Which MA documents exist, for the overview: written once per MA, not per run. */
interface MaIndex {
  mas: string[];
}

/** MA documents read per store call in the overview. */
const OVERVIEW_BATCH = 100;

export class RunWatchStore {
  private readonly clock: () => number;
  private readonly prefix: string;
  /** MA hashes known to be in the index, so a busy MA costs no index read. */
  private readonly indexed = new Set<string>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: WatchStoreOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.prefix = options.keyPrefix ?? 'runwatch';
  }

  /** Stores the runs of one key (one MIM server), MA by MA, before anyone is told. */
  async ingest(keyId: string, runs: readonly RunFacts[]): Promise<IngestResult> {
    const byMa = new Map<string, RunFacts[]>();
    for (const run of runs) {
      const hash = maHash(keyId, run);
      const list = byMa.get(hash);
      if (list) list.push(run);
      else byMa.set(hash, [run]);
    }
    const total: IngestResult = { accepted: 0, duplicates: 0, alerts: [] };
    for (const [hash, maRuns] of byMa) {
      const ordered = [...maRuns].sort(byEnd);
      const now = this.clock();
      const result = await updateDoc<MaWatch, IngestResult>(
        this.store,
        this.docKey(hash),
        () => emptyWatch(keyId, ordered[0]?.maName ?? null),
        (current) => this.apply(hash, keyId, current, ordered, now),
        this.options.cas,
      );
      total.accepted += result.accepted;
      total.duplicates += result.duplicates;
      total.alerts.push(...result.alerts);
    }
    await this.index([...byMa.keys()]);
    return total;
  }

  /** Every watched MA of every server, for the `runs` overview. */
  async overview(): Promise<MaWatch[]> {
    const index = await readDoc<MaIndex>(this.store, this.indexKey());
    const keys = (index?.value.mas ?? []).map((hash) => this.docKey(hash));
    const watches: MaWatch[] = [];
    for (let i = 0; i < keys.length; i += OVERVIEW_BATCH) {
      const docs = await readDocs<MaWatch>(this.store, keys.slice(i, i + OVERVIEW_BATCH));
      for (const doc of docs.values()) watches.push(doc.value);
    }
    return watches;
  }

  private async index(hashes: readonly string[]): Promise<void> {
    const fresh = hashes.filter((h) => !this.indexed.has(h));
    if (fresh.length === 0) return;
    await updateDoc<MaIndex, void>(
      this.store,
      this.indexKey(),
      () => ({ mas: [] }),
      (index) => {
        const known = new Set(index.mas);
        const missing = fresh.filter((h) => !known.has(h));
        return missing.length === 0
          ? { keep: true, result: undefined }
          : { write: { mas: [...index.mas, ...missing] }, result: undefined };
      },
      this.options.cas,
    );
    for (const h of fresh) this.indexed.add(h);
  }

  private indexKey(): string {
    return `${this.prefix}/index`;
  }

  async get(alertId: string): Promise<RunAlert | undefined> {
    const hash = hashOf(alertId);
    if (!hash) return undefined;
    const doc = await readDoc<MaWatch>(this.store, this.docKey(hash));
    return doc?.value.alerts.find((a) => a.id === alertId);
  }

  async watchOf(alertId: string): Promise<MaWatch | undefined> {
    const hash = hashOf(alertId);
    if (!hash) return undefined;
    return (await readDoc<MaWatch>(this.store, this.docKey(hash)))?.value;
  }

  /** Where a target's card went; kept so a repeat of the post never makes a second card there. */
  setCard(alertId: string, target: string, card: CardLocation): Promise<RunAlert | undefined> {
    return this.changeAlert(
      alertId,
      (alert) =>
        alert.cards[target]?.activityId ? null : { ...alert, cards: { ...alert.cards, [target]: card } },
      false,
    );
  }

  /** "I'm on it": the clicker, from the activity; a second click by someone else takes it over. */
  takeOn(alertId: string, by: Person): Promise<RunAlert | undefined> {
    return this.changeAlert(alertId, (alert) =>
      alert.onIt?.id === by.id ? null : { ...alert, onIt: { ...by, at: this.isoNow() } },
    );
  }

  linkCase(alertId: string, caseId: string): Promise<RunAlert | undefined> {
    return this.changeAlert(alertId, (alert) => (alert.caseId === caseId ? null : { ...alert, caseId }));
  }

  /** Mutes the alert's MA until `untilMs`: its runs are still stored and counted, new alerts not posted. */
  mute(alertId: string, by: Person, untilMs: number): Promise<RunAlert | undefined> {
    return this.changeAlert(
      alertId,
      (alert) => alert,
      true,
      (watch) => ({ ...watch, mutedUntilMs: Math.max(untilMs, watch.mutedUntilMs ?? 0), mutedBy: by }),
    );
  }

  /**
   * One alert's read-modify-write: `change` returns the alert as it should be, or null for no change;
   * `changeWatch` may change the MA's own fields in the same write.
   */
  private changeAlert(
    alertId: string,
    change: (alert: RunAlert) => RunAlert | null,
    bumpVersion = true,
    changeWatch: (watch: MaWatch) => MaWatch = (watch) => watch,
  ): Promise<RunAlert | undefined> {
    const hash = hashOf(alertId);
    if (!hash) return Promise.resolve(undefined);
    return updateIfExists<MaWatch, RunAlert | undefined>(
      this.store,
      this.docKey(hash),
      (watch) => {
        const alert = watch.alerts.find((a) => a.id === alertId);
        if (!alert) return { keep: true, result: undefined };
        const next = change(alert);
        if (next === null) return { keep: true, result: alert };
        const changed = bumpVersion
          ? { ...next, version: alert.version + 1, changedAtMs: this.clock() }
          : next;
        return {
          write: { ...changeWatch(watch), alerts: watch.alerts.map((a) => (a.id === alertId ? changed : a)) },
          result: changed,
        };
      },
      () => undefined,
      this.options.cas,
    );
  }

  private apply(
    hash: string,
    keyId: string,
    current: MaWatch,
    runs: readonly RunFacts[],
    now: number,
  ): Change<MaWatch, IngestResult> {
    const watch: MaWatch = structuredClone(current);
    const seen = new Set(watch.seen);
    let accepted = 0;
    let duplicates = 0;
    for (const run of runs) {
      const identity = runIdentity(run);
      if (seen.has(identity)) {
        duplicates += 1;
        continue;
      }
      seen.add(identity);
      watch.seen.push(identity);
      accepted += 1;
      watch.counts.runs += 1;
      if (run.maName) watch.maName = run.maName;
      const endMs = endOf(run, now);
      const brief: RunBrief = { number: run.number, result: run.result, endedAt: run.endedAt };
      if (!watch.last || endMs >= msOf(watch.last.endedAt, now)) watch.last = brief;
      if (run.result === null || this.options.quietResults.includes(run.result)) {
        recover(watch, run, endMs, now);
        continue;
      }
      watch.counts.failed += 1;
      watch.recentFailures = [...watch.recentFailures, brief].slice(-MAX_RECENT_FAILURES);
      const muted = watch.mutedUntilMs !== null && watch.mutedUntilMs > now;
      if (muted) watch.counts.mutedFailures += 1;
      const same = [...watch.alerts]
        .reverse()
        .find(
          (a) =>
            a.status === 'open' &&
            a.result === run.result &&
            Math.abs(endMs - a.lastEndMs) <= SAME_PROBLEM_WINDOW_MS,
        );
      if (same) {
        same.failedRuns += 1;
        // The mute is over and the MA still fails: the alert is posted, with every failure counted.
        if (same.muted && !muted) same.muted = false;
        if (endMs >= same.lastEndMs) {
          same.last = run;
          same.lastEndMs = endMs;
        }
        same.version += 1;
        same.changedAtMs = now;
        continue;
      }
      watch.sequence += 1;
      watch.alerts.push(openAlert(`${hash}.${watch.sequence}`, keyId, run, endMs, muted, now));
    }
    if (accepted === 0)
      return { keep: true, result: { accepted, duplicates, alerts: live(current.alerts, now) } };
    watch.seen = watch.seen.slice(-MAX_SEEN_RUNS);
    watch.alerts = trimAlerts(watch.alerts);
    return { write: watch, result: { accepted, duplicates, alerts: live(watch.alerts, now) } };
  }

  private docKey(hash: string): string {
    return `${this.prefix}/ma/${hash}`;
  }

  private isoNow(): string {
    return new Date(this.clock()).toISOString();
  }
}

function emptyWatch(keyId: string, maName: string | null): MaWatch {
  return {
    keyId,
    maName,
    seen: [],
    alerts: [],
    sequence: 0,
    mutedUntilMs: null,
    mutedBy: null,
    counts: { runs: 0, failed: 0, mutedFailures: 0 },
    last: null,
    recentFailures: [],
  };
}

function openAlert(
  id: string,
  keyId: string,
  run: RunFacts,
  endMs: number,
  muted: boolean,
  now: number,
): RunAlert {
  return {
    id,
    keyId,
    maName: run.maName,
    result: run.result ?? 'unknown',
    first: run,
    last: run,
    failedRuns: 1,
    firstEndMs: endMs,
    lastEndMs: endMs,
    status: 'open',
    recovered: null,
    onIt: null,
    caseId: null,
    muted,
    cards: {},
    version: 1,
    changedAtMs: now,
  };
}

/** A run that ended after an open alert's last failure closes it: the problem is gone. */
function recover(watch: MaWatch, run: RunFacts, endMs: number, now: number): void {
  for (const alert of watch.alerts) {
    if (alert.status !== 'open' || endMs < alert.lastEndMs) continue;
    alert.status = 'recovered';
    alert.recovered = { at: new Date(endMs).toISOString(), runNumber: run.number };
    alert.version += 1;
    alert.changedAtMs = now;
  }
}

/** Alerts whose card may still change, or whose last change a crash may have kept from the card. */
function live(alerts: readonly RunAlert[], now: number): RunAlert[] {
  return alerts.filter((a) => a.status === 'open' || now - a.changedAtMs <= SAME_PROBLEM_WINDOW_MS);
}

function trimAlerts(alerts: RunAlert[]): RunAlert[] {
  const extra = alerts.length - MAX_ALERTS_PER_MA;
  if (extra <= 0) return alerts;
  let drop = extra;
  return alerts.filter((a) => {
    if (drop > 0 && a.status === 'recovered') {
      drop -= 1;
      return false;
    }
    return true;
  });
}

/** (key, MA id, run number) names a run; without a number, its end and profile do. */
export function runIdentity(run: RunFacts): string {
  return run.number !== null ? `#${run.number}` : `@${run.endedAt ?? '?'}|${run.profile ?? '?'}`;
}

function maHash(keyId: string, run: RunFacts): string {
  const ma = (run.maId ?? run.maName ?? '').toLowerCase();
  return createHash('sha256').update(`${keyId}\n${ma}`, 'utf8').digest('hex').slice(0, 24);
}

function hashOf(alertId: string): string | null {
  const match = /^([0-9a-f]{24})\.\d{1,9}$/.exec(alertId);
  return match ? match[1] : null;
}

function endOf(run: RunFacts, now: number): number {
  return msOf(run.endedAt, now);
}

function msOf(iso: string | null, fallback: number): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? ms : fallback;
}

function byEnd(a: RunFacts, b: RunFacts): number {
  const ea = a.endedAt ? Date.parse(a.endedAt) : 0;
  const eb = b.endedAt ? Date.parse(b.endedAt) : 0;
  return ea - eb || (a.number ?? 0) - (b.number ?? 0);
}
