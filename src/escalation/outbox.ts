/**
 * Deliveries that must not be lost: case cards, their updates, notices to the requester, the
 * handoff event. The edge enqueues plain data; a worker (outbox-runner.ts) claims, sends, and
 * completes or fails each one. Callers see only the Outbox interface, so the storage behind it can
 * change without touching them.
 *
 * Delivery is at least once. A send that succeeded but whose complete() was lost (crash, store
 * down) is sent again once its lease runs out. Each claimed delivery carries its stable `id` and
 * the `attempt` number, so the edge can make a repeat harmless: before sending a case card on
 * attempt > 1, check whether the case already has a support activity id (case.delivery) and, if
 * so, complete with that instead of posting a second card.
 */
import { createHash, randomUUID } from 'node:crypto';
import { updateIfExists, type CasOptions, type Change } from './cas';
import {
  OutboxDoneLog,
  retentionClassOf,
  type FinishedDelivery,
  type RetentionClass,
} from './outbox-done-log';
import { OutboxIndex, entryFor, nextSequence, type IndexEntry, type IndexRepair } from './outbox-index';
import { classifyFailure, DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './retry-policy';
import {
  checkDelivery,
  cleanResult,
  outboxErrorOf,
  toClaimed,
  type ClaimedDelivery,
  type Delivery,
  type DeliveryKind,
  type EnqueueResult,
  type FailOutcome,
  type Outbox,
  type OutboxItem,
  type OutboxListFilter,
  type PurgeFilter,
  type SendResult,
  type OutboxError,
  type OutboxStatus,
} from './delivery';
import { isConflict, readDoc, readDocs, writeAlways, writeIfMatch, type KeyValueStore } from './store';

/** Repairs to the index and deliveries to log as done, gathered by a claim and written once. */
interface Settlement {
  repairs: Map<string, IndexRepair>;
  finished: Map<string, FinishedDelivery>;
}

export interface StorageOutboxOptions {
  /** Default "escalation"; keys are <prefix>/outbox/pending/<shard>, <prefix>/outbox/done/... and <prefix>/outbox/item/<id>. */
  keyPrefix?: string;
  /** Epoch ms for enqueue and complete; claim and fail take `now` from the caller. */
  clock?: () => number;
  backoff?: Partial<BackoffPolicy>;
  random?: () => number;
  cas?: CasOptions;
  /** An index entry whose item never got written is dropped after this long (default 10 minutes). */
  abandonedAfterMs?: number;
  onWarning?: (message: string, error: unknown) => void;
}

/** Kinds that change the same support card, so each case's (or alert's) are sent in the order they were queued. */
const CARD_KINDS = new Set<DeliveryKind>([
  'case-card',
  'case-card-update',
  'run-alert-card',
  'run-alert-update',
]);

export class StorageOutbox implements Outbox {
  private readonly prefix: string;
  private readonly clock: () => number;
  private readonly policy: BackoffPolicy;
  private readonly random: () => number;
  private readonly cas: CasOptions;
  private readonly abandonedAfterMs: number;
  private readonly warn: (message: string, error: unknown) => void;
  private readonly index: OutboxIndex;
  private readonly doneLog: OutboxDoneLog;

  constructor(
    private readonly store: KeyValueStore,
    options: StorageOutboxOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'escalation';
    this.clock = options.clock ?? Date.now;
    this.policy = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.random = options.random ?? Math.random;
    this.cas = options.cas ?? {};
    this.abandonedAfterMs = options.abandonedAfterMs ?? 600_000;
    this.warn = options.onWarning ?? (() => undefined);
    this.index = new OutboxIndex(store, this.prefix, this.cas);
    this.doneLog = new OutboxDoneLog(store, this.prefix, this.cas);
  }

  itemKey(id: string): string {
    return `${this.prefix}/outbox/item/${id}`;
  }

  /** The item id for a dedupe key. */
  static idFor(dedupeKey: string): string {
    return `d${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}`;
  }

  async enqueue(delivery: Delivery, dedupeKey: string): Promise<EnqueueResult> {
    checkDelivery(delivery, dedupeKey);
    const id = StorageOutbox.idFor(dedupeKey);
    // A key queued before has its item (the entry is always written first): no index write to fight
    // over. Callers that re-queue on every request (run alerts) make this the common case.
    if (await readDoc<OutboxItem>(this.store, this.itemKey(id))) return { id, created: false };
    const now = this.clock();
    // The index shard is where two enqueues of one key meet: its CAS lets exactly one add the entry.
    const added = await this.index.add(id, {
      st: 'pending',
      due: now,
      at: now,
      q: nextSequence(),
      k: delivery.kind,
      c: delivery.caseId,
    });
    if (!added && (await readDoc<OutboxItem>(this.store, this.itemKey(id)))) return { id, created: false };
    // Either ours, or the first enqueue crashed between its entry and its item: write the item now.
    const item: OutboxItem = {
      id,
      dedupeKey,
      delivery: {
        kind: delivery.kind,
        caseId: delivery.caseId,
        payload: delivery.payload,
        target: delivery.target,
      },
      status: 'pending',
      attempts: 0,
      dueAt: now,
      lease: null,
      lastError: null,
      result: null,
      failReason: null,
      enqueuedAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    await writeAlways(this.store, this.itemKey(id), item);
    return { id, created: added };
  }

  async claim(workerId: string, now: number, leaseMs: number, max: number): Promise<ClaimedDelivery[]> {
    if (max <= 0) return [];
    let entries = await this.index.entries();
    const claimed: ClaimedDelivery[] = [];
    const settle: Settlement = { repairs: new Map(), finished: new Map() };
    const seen = new Set<string>();
    // A finished card found here (complete() leaves the index alone) lets the next delivery of its
    // case through: offer the candidates again with the finishes applied, until nothing new comes up.
    for (let pass = 0; pass < 10 && claimed.length < max; pass++) {
      const candidates = dueCandidates(entries, now).filter((id) => !seen.has(id));
      if (candidates.length === 0) break;
      const before = settle.repairs.size;
      await this.claimFrom(candidates, entries, { workerId, now, leaseMs, max }, claimed, settle, seen);
      if (settle.repairs.size === before) break;
      entries = { ...entries };
      for (const [id, entry] of settle.repairs) {
        if (entry === null) delete entries[id];
        else if (entries[id]) entries[id] = { ...entries[id], st: entry.st, due: entry.due };
      }
    }
    await this.settle(settle);
    return claimed;
  }

  private async claimFrom(
    candidates: readonly string[],
    entries: Readonly<Record<string, IndexEntry>>,
    claim: { workerId: string; now: number; leaseMs: number; max: number },
    claimed: ClaimedDelivery[],
    settle: Settlement,
    seen: Set<string>,
  ): Promise<void> {
    const { workerId, now, leaseMs, max } = claim;
    const chunkSize = Math.max(2 * max, 20);
    for (let i = 0; i < candidates.length && claimed.length < max; i += chunkSize) {
      const chunk = candidates.slice(i, i + chunkSize);
      const docs = await readDocs<OutboxItem>(
        this.store,
        chunk.map((id) => this.itemKey(id)),
      );
      for (const id of chunk) {
        if (claimed.length >= max) break;
        seen.add(id);
        const doc = docs.get(this.itemKey(id));
        if (!doc) {
          const entry = entries[id];
          if (entry && entry.at < now - this.abandonedAfterMs) settle.repairs.set(id, null);
          continue;
        }
        const item = doc.value;
        if (item.status === 'done' || item.status === 'failed') {
          settleFinished(settle, item); // finished since the index was written; put that right
          continue;
        }
        if (!isClaimable(item, now)) continue;
        const next = this.leaseOrRetire(item, workerId, now, leaseMs);
        try {
          await writeIfMatch(this.store, this.itemKey(id), next, doc.eTag);
        } catch (err) {
          if (isConflict(err)) continue; // another worker claimed it first
          if (claimed.length > 0) return; // keep what we hold; the rest waits for the next claim
          throw err;
        }
        if (next.status === 'failed') settleFinished(settle, next);
        else if (next.lease) claimed.push(toClaimed(next, next.lease));
      }
    }
  }

  async complete(id: string, result: SendResult | null = null): Promise<boolean> {
    const now = this.clock();
    const done = await updateIfExists<OutboxItem, OutboxItem | 'already' | 'missing'>(
      this.store,
      this.itemKey(id),
      (item) => {
        if (item.status === 'done') return { keep: true, result: 'already' };
        // A failed item that a late worker did send is done after all: record what happened.
        const next: OutboxItem = {
          ...item,
          status: 'done',
          lease: null,
          result: cleanResult(result),
          finishedAt: now,
          updatedAt: now,
        };
        return { write: next, result: next };
      },
      () => 'missing',
      this.cas,
    );
    if (done === 'missing') return false;
    // The index is not rewritten here: the item is the truth, and the next claim marks the entries of
    // everything finished since in one write. One index write per delivery instead of two is what
    // keeps many concurrent senders from exhausting each other's eTag retries.
    return true;
  }

  async fail(id: string, error: unknown, now: number, attemptId?: string): Promise<FailOutcome> {
    const failure = classifyFailure(error, now);
    const lastError: OutboxError = { ...outboxErrorOf(failure), at: now };
    const outcome = await updateIfExists<OutboxItem, { outcome: FailOutcome; item: OutboxItem | null }>(
      this.store,
      this.itemKey(id),
      (item): Change<OutboxItem, { outcome: FailOutcome; item: OutboxItem | null }> => {
        if (item.status === 'done' || item.status === 'failed') {
          return { keep: true, result: { outcome: { status: 'ignored', reason: 'finished' }, item: null } };
        }
        if (attemptId !== undefined && item.lease?.attemptId !== attemptId) {
          return {
            keep: true,
            result: { outcome: { status: 'ignored', reason: 'stale-attempt' }, item: null },
          };
        }
        const reason = !failure.retryable
          ? 'permanent'
          : item.attempts >= this.policy.maxAttempts
            ? 'max-attempts'
            : null;
        if (reason) {
          const failed: OutboxItem = {
            ...item,
            status: 'failed',
            lease: null,
            lastError,
            failReason: reason,
            finishedAt: now,
            updatedAt: now,
          };
          return { write: failed, result: { outcome: { status: 'failed', reason, failure }, item: failed } };
        }
        const delayMs = retryDelay(Math.max(1, item.attempts), failure, this.policy, this.random);
        const pending: OutboxItem = {
          ...item,
          status: 'pending',
          lease: null,
          lastError,
          dueAt: now + delayMs,
          updatedAt: now,
        };
        return {
          write: pending,
          result: {
            outcome: { status: 'rescheduled', dueAt: pending.dueAt, delayMs, failure },
            item: pending,
          },
        };
      },
      () => ({ outcome: { status: 'ignored', reason: 'not-found' }, item: null }),
      this.cas,
    );
    if (outcome.item)
      await this.settle({ repairs: new Map([[id, entryFor(outcome.item)]]), finished: new Map() });
    return outcome.outcome;
  }

  async get(id: string): Promise<OutboxItem | undefined> {
    return (await readDoc<OutboxItem>(this.store, this.itemKey(id)))?.value;
  }

  async list(filter: OutboxListFilter = {}): Promise<OutboxItem[]> {
    const wanted = filter.status === undefined ? undefined : ([] as OutboxStatus[]).concat(filter.status);
    const indexed = Object.entries(await this.index.entries()).map(([id, e]) => [id, e.c] as const);
    // Done items live only in the done log; read it only when they are asked for.
    const logged =
      wanted === undefined || wanted.includes('done')
        ? Object.entries(await this.doneLog.entries()).map(([id, e]) => [id, e.c] as const)
        : [];
    const ids = [...indexed, ...logged]
      .filter(([, c]) => filter.caseId === undefined || c === filter.caseId)
      .map(([id]) => id);
    const items = await this.readItems([...new Set(ids)]);
    return items
      .filter((item) => wanted === undefined || wanted.includes(item.status))
      .sort((a, b) => a.enqueuedAt - b.enqueuedAt);
  }

  async purge(filter: PurgeFilter): Promise<number> {
    const caseIds = new Set(filter.caseIds ?? []);
    const cutoffs: Partial<Record<RetentionClass, number>> = {
      case: filter.finishedBefore,
      alert: filter.runAlertsFinishedBefore ?? filter.finishedBefore,
    };
    const entries = await this.index.entries();
    const byCase = Object.keys(entries).filter((id) => caseIds.has(entries[id].c));
    // Finished items can still be indexed (complete() leaves the index to the next claim).
    const finished =
      cutoffs.case === undefined && cutoffs.alert === undefined
        ? []
        : (await this.readItems(Object.keys(entries)))
            .filter((item) => {
              const cutoff = cutoffs[retentionClassOf(item.delivery.kind)];
              return item.finishedAt !== null && cutoff !== undefined && item.finishedAt < cutoff;
            })
            .map((item) => item.id);
    const indexed = [...new Set([...byCase, ...finished])];
    if (indexed.length > 0) {
      // Index entries first: an item left behind by a crash is invisible and harmless; an entry whose
      // item is gone would let an enqueue of the same key rewrite and resend it.
      await this.index.repair(new Map(indexed.map((id) => [id, null])));
      await this.deleteItems(indexed);
    }
    const logged = await this.doneLog.purge(cutoffs, caseIds, (ids) => this.deleteItems(ids));
    return indexed.length + logged;
  }

  /** Claims the item, or retires it when a worker died holding it on every attempt allowed. */
  private leaseOrRetire(item: OutboxItem, workerId: string, now: number, leaseMs: number): OutboxItem {
    if (item.attempts >= this.policy.maxAttempts) {
      const lastError: OutboxError = item.lastError ?? {
        message: 'The worker holding this delivery stopped before it finished.',
        status: null,
        code: null,
        retryable: true,
        at: now,
      };
      return {
        ...item,
        status: 'failed',
        lease: null,
        lastError,
        failReason: 'max-attempts',
        finishedAt: now,
        updatedAt: now,
      };
    }
    const lease = { owner: workerId, until: now + leaseMs, attemptId: randomUUID() };
    return { ...item, status: 'leased', attempts: item.attempts + 1, lease, updatedAt: now };
  }

  /** Logs finished deliveries, then drops them from the index; a failure only delays a claim, so it is reported, not thrown. */
  private async settle({ repairs, finished }: Settlement): Promise<void> {
    if (repairs.size === 0) return;
    try {
      // Logged before unindexed: a crash in between leaves an item in both, which the next claim settles again.
      if (finished.size > 0) await this.doneLog.record([...finished.values()]);
      await this.index.repair(repairs);
    } catch (err) {
      this.warn('Outbox: could not update the index; the next claim will correct it.', err);
    }
  }

  private async deleteItems(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 100) {
      await this.store.delete(ids.slice(i, i + 100).map((id) => this.itemKey(id)));
    }
  }

  private async readItems(ids: readonly string[]): Promise<OutboxItem[]> {
    const items: OutboxItem[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const docs = await readDocs<OutboxItem>(
        this.store,
        chunk.map((id) => this.itemKey(id)),
      );
      for (const id of chunk) {
        const doc = docs.get(this.itemKey(id));
        if (doc) items.push(doc.value);
      }
    }
    return items;
  }
}

/**
 * Pending entries that are due, oldest first. Of each case's card deliveries only the oldest
 * unfinished one is offered: an update must not overtake the card it updates.
 */
function dueCandidates(entries: Readonly<Record<string, IndexEntry>>, now: number): string[] {
  const pending = Object.entries(entries)
    .filter(([, e]) => e.st === 'pending')
    .sort(([, a], [, b]) => a.at - b.at || (a.q ?? 0) - (b.q ?? 0) || a.due - b.due);
  const cardHead = new Set<string>();
  const offered: string[] = [];
  for (const [id, e] of pending) {
    if (CARD_KINDS.has(e.k)) {
      if (cardHead.has(e.c)) continue;
      cardHead.add(e.c);
    }
    if (e.due <= now) offered.push(id);
  }
  return offered.sort((a, b) => entries[a].due - entries[b].due);
}

function isClaimable(item: OutboxItem, now: number): boolean {
  if (item.status === 'pending') return item.dueAt <= now;
  if (item.status === 'leased') return item.lease === null || item.lease.until <= now; // its worker is gone
  return false;
}

/** A done item leaves the index for the done log; a failed one stays indexed, visible until retention. */
function settleFinished(settle: Settlement, item: OutboxItem): void {
  if (item.status === 'failed') {
    settle.repairs.set(item.id, entryFor(item));
    return;
  }
  settle.repairs.set(item.id, null);
  settle.finished.set(item.id, {
    id: item.id,
    c: item.delivery.caseId,
    f: item.finishedAt ?? item.updatedAt,
    cls: retentionClassOf(item.delivery.kind),
  });
}
