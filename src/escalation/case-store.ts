/**
 * Escalation cases in a key-value store: one document per case plus the ledger (ledger.ts: a
 * counter, index shards, a document per requester) that numbers and indexes them. Every change is
 * a compare-and-swap with retry, so several bot instances can share one store.
 */
import { defaultSleep, ensureExists, updateDoc, updateIfExists, type CasOptions, type Change } from './cas';
import {
  formatCaseId,
  isCaseId,
  newCase,
  resolveCase,
  takeCase,
  withDelivery,
  CaseInputError,
  CaseLimitError,
  DEFAULT_TRANSCRIPT_LIMITS,
  type CaseDelivery,
  type CaseInput,
  type CaseStatus,
  type EscalationCase,
  type Person,
  type Transition,
  type TranscriptLimits,
} from './case';
import {
  advanceStatus,
  caseOfSubmission,
  claimSubmission,
  digest,
  emptyLedger,
  openedSince,
  selectIds,
  shardOf,
  withoutCases,
  type Ledger,
  type LedgerEntry,
  type LedgerShard,
  type RequesterCases,
  type SubmissionClaim,
} from './ledger';
import { readDoc, readDocs, writeAlways, type KeyValueStore } from './store';

export interface CaseStoreOptions {
  /** Prefix of every key (default "escalation"). Must not look like bot state ("<channel>/conversations/..."). */
  keyPrefix?: string;
  /** The first case number handed out in an empty store (default 1001). */
  firstNumber?: number;
  /** Epoch ms; injectable for tests. */
  clock?: () => number;
  transcript?: TranscriptLimits;
  cas?: CasOptions;
  /** How long a repeated submit waits for the first one to store its case (default 2000 ms). */
  duplicateWaitMs?: number;
  /** Told about failures that do not fail the call (an index hint that could not be written). */
  onWarning?: (message: string, error: unknown) => void;
}

export interface CreateResult {
  case: EscalationCase;
  /** False when this submission had already opened the case: do not announce it again. */
  created: boolean;
}

export type CaseUpdate = Transition | { ok: false; reason: 'not-found' };

export interface CaseListFilter {
  requesterId?: string;
  status?: readonly CaseStatus[];
  order?: 'oldest-first' | 'newest-first';
  limit?: number;
}

const DAY_MS = 86_400_000;
const READ_CHUNK = 100;
/** Number clashes tolerated in one createCase (each means the counter was lost; each skips a shard). */
const MAX_CLASHES = 1000;
/** A ledger entry whose case document is still missing after this long was left by a crash. */
const ABANDONED_AFTER_MS = 60_000;

export class CaseStore {
  private readonly prefix: string;
  private readonly firstNumber: number;
  private readonly clock: () => number;
  private readonly limits: TranscriptLimits;
  private readonly cas: CasOptions;
  private readonly duplicateWaitMs: number;
  private readonly warn: (message: string, error: unknown) => void;

  constructor(
    private readonly store: KeyValueStore,
    options: CaseStoreOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'escalation';
    this.firstNumber = options.firstNumber ?? 1001;
    this.clock = options.clock ?? Date.now;
    this.limits = options.transcript ?? DEFAULT_TRANSCRIPT_LIMITS;
    this.cas = options.cas ?? {};
    this.duplicateWaitMs = options.duplicateWaitMs ?? 2000;
    this.warn = options.onWarning ?? (() => undefined);
  }

  /** The counter (and, in stores of earlier versions, every entry). */
  get ledgerKey(): string {
    return `${this.prefix}/ledger`;
  }

  caseKey(caseId: string): string {
    return `${this.prefix}/case/${caseId}`;
  }

  shardKey(shard: number): string {
    return `${this.prefix}/cases/${shard}`;
  }

  private requesterKey(requesterId: string): string {
    return `${this.prefix}/requester/${digest(requesterId)}`;
  }

  /** Creates the counter if missing and moves an earlier version's entries out of it; call at start-up. */
  async init(): Promise<void> {
    await ensureExists(this.store, this.ledgerKey, () => emptyLedger(this.firstNumber));
    await this.entries();
  }

  /**
   * Opens a case, or returns the one this submission already opened (double click, redelivered
   * submit). Resolves only after the case is stored, so it exists before anyone is told.
   * With `perDay`, a requester's case beyond that many in 24 hours is refused (CaseLimitError).
   */
  async createCase(input: CaseInput, submissionId: string, perDay?: number): Promise<CreateResult> {
    if (typeof submissionId !== 'string' || submissionId === '' || submissionId.length > 200) {
      throw new CaseInputError('createCase needs a one-time submission id (1-200 characters).');
    }
    // Validate before a number is spent on input that cannot become a case.
    newCase(input, 0, submissionId, new Date(this.clock()), this.limits);
    const requesterKey = this.requesterKey(input.requester.id);

    for (let clash = 0; clash <= MAX_CLASHES; clash++) {
      const at = this.clock();
      // A repeat, or a requester at the cap, is answered before a number is drawn.
      const theirs = (await readDoc<RequesterCases>(this.store, requesterKey))?.value;
      const earlier = caseOfSubmission(theirs, submissionId);
      if (earlier !== undefined) return this.repeatOf(earlier, input, submissionId);
      if (perDay !== undefined && theirs && openedSince(theirs, at - DAY_MS) >= perDay) {
        throw new CaseLimitError(perDay);
      }
      const number = await this.drawNumber();
      const id = formatCaseId(number);
      const stored = await readDoc<EscalationCase>(this.store, this.caseKey(id));
      if (stored) {
        // The number is taken: the counter was lost (or recreated by a racing first write, see
        // ensureExists). Give the stored case its entry back, move the counter past it, draw again.
        await this.restoreEntry(stored.value);
        continue;
      }
      // The index entry before the claim: a crash after the claim leaves an entry to finish from,
      // a crash before it an entry without a case, which retention removes.
      const entry: LedgerEntry = {
        at,
        rq: digest(input.requester.id),
        st: 'open',
        sub: digest(submissionId),
      };
      await this.setEntry(number, id, entry);
      const claim = await updateDoc<RequesterCases, SubmissionClaim>(
        this.store,
        requesterKey,
        () => ({ subs: {}, opened: {} }),
        (doc) => {
          const c = claimSubmission(doc, submissionId, id, at, perDay);
          return c.claimed ? { write: c.doc, result: c } : { keep: true, result: c };
        },
        this.cas,
      );
      if (!claim.claimed) {
        await this.dropEntries([id]);
        if ('refused' in claim) throw new CaseLimitError(perDay ?? 0);
        return this.repeatOf(claim.id, input, submissionId);
      }
      const created = newCase(input, number, submissionId, new Date(at), this.limits);
      await writeAlways(this.store, this.caseKey(id), created);
      return { case: created, created: true };
    }
    throw new Error(
      `Escalation store: case numbers kept clashing with stored cases; check "${this.ledgerKey}".`,
    );
  }

  /** The case a repeated submission opened; if the first submit died before storing it, stores it now. */
  private async repeatOf(id: string, input: CaseInput, submissionId: string): Promise<CreateResult> {
    const key = this.caseKey(id);
    const stored = (await readDoc<EscalationCase>(this.store, key))?.value;
    if (stored?.submissionId === submissionId) return { case: stored, created: false };
    // The first submit holds the number and is about to store the case; give it a moment.
    const late = stored ? undefined : await this.waitForCase(key, submissionId);
    if (late) return { case: late, created: false };
    if (stored) throw new Error(`Escalation store: ${id} belongs to another submission; check "${key}".`);
    const number = Number(id.split('-')[1]);
    const created = newCase(input, number, submissionId, new Date(this.clock()), this.limits);
    await writeAlways(this.store, key, created);
    return { case: created, created: true };
  }

  async get(caseId: string): Promise<EscalationCase | undefined> {
    if (!isCaseId(caseId)) return undefined;
    return (await readDoc<EscalationCase>(this.store, this.caseKey(caseId)))?.value;
  }

  /** open -> taken by `by`; refused when someone else has it or it is resolved. */
  take(caseId: string, by: Person): Promise<CaseUpdate> {
    return this.transition(caseId, (c) => takeCase(c, checkPerson(by), new Date(this.clock())));
  }

  /** open|taken -> resolved with a note; a second resolve is a no-op. */
  resolve(caseId: string, by: Person, note: string): Promise<CaseUpdate> {
    return this.transition(caseId, (c) =>
      resolveCase(c, checkPerson(by), String(note), new Date(this.clock())),
    );
  }

  /** Records where the edge posted the case (support card, requester notice); undefined if the case is gone. */
  async setDelivery(caseId: string, patch: Partial<CaseDelivery>): Promise<EscalationCase | undefined> {
    if (!isCaseId(caseId)) return undefined;
    return updateIfExists<EscalationCase, EscalationCase | undefined>(
      this.store,
      this.caseKey(caseId),
      (c) => {
        const next = withDelivery(c, patch, new Date(this.clock()));
        const same = JSON.stringify(next.delivery) === JSON.stringify(c.delivery);
        return same ? { keep: true, result: c } : { write: next, result: next };
      },
      () => undefined,
      this.cas,
    );
  }

  /** Cases matching the filter, read from their documents (the ledger only narrows which to read). */
  async list(filter: CaseListFilter = {}): Promise<EscalationCase[]> {
    // One requester's cases come from their own document; the rest from the index shards.
    const ids =
      filter.requesterId === undefined
        ? selectIds(await this.entries(), { status: filter.status })
        : Object.keys(
            (await readDoc<RequesterCases>(this.store, this.requesterKey(filter.requesterId)))?.value
              .opened ?? {},
          );
    const cases = (await this.readCases(ids)).filter(
      (c) =>
        (filter.requesterId === undefined || c.requester.id === filter.requesterId) &&
        (filter.status === undefined || filter.status.includes(c.status)),
    );
    cases.sort((a, b) => a.number - b.number);
    if ((filter.order ?? 'newest-first') === 'newest-first') cases.reverse();
    return filter.limit === undefined ? cases : cases.slice(0, Math.max(0, filter.limit));
  }

  /**
   * Removes cases with no change for `retentionDays` (age counts from the last update, so a case
   * someone is still working on is kept), and their ledger entries. Returns the removed ids.
   */
  async deleteExpired(now: number | Date, retentionDays: number): Promise<string[]> {
    if (!Number.isFinite(retentionDays) || retentionDays < 0) {
      throw new RangeError('retentionDays must be a number of days, 0 or more.');
    }
    const cutoff = Number(now) - retentionDays * DAY_MS;
    const entries = await this.entries();
    // updatedAt >= createdAt, so only entries created before the cutoff can have expired.
    const ids = selectIds(entries, { createdBefore: cutoff });
    const docs = await this.readCaseDocs(ids);
    const expired = ids.filter((id) => {
      const c = docs.get(id);
      return c ? Date.parse(c.updatedAt) < cutoff : this.isAbandoned(entries, id);
    });
    await this.remove(expired, entries);
    return expired;
  }

  /** Removes every case the requester opened (their right to be forgotten); returns the removed cases. */
  async deleteRequesterData(requesterId: string): Promise<EscalationCase[]> {
    const entries = await this.entries();
    const ids = selectIds(entries, { requesterId });
    const docs = await this.readCaseDocs(ids);
    // An entry whose document a crash never wrote has this requester's digest too: drop it as well.
    const removed = ids.filter((id) => {
      const c = docs.get(id);
      return c ? c.requester.id === requesterId : this.isAbandoned(entries, id);
    });
    await this.remove(removed, entries);
    await this.store.delete([this.requesterKey(requesterId)]);
    return removed.flatMap((id) => docs.get(id) ?? []);
  }

  /** An entry without a document that is not just being created: a crash left it behind. */
  private isAbandoned(entries: Readonly<Record<string, LedgerEntry>>, id: string): boolean {
    const entry = entries[id];
    return entry !== undefined && entry.at < this.clock() - ABANDONED_AFTER_MS;
  }

  /** The next number from the counter (moving an earlier version's entries out of it first). */
  private async drawNumber(): Promise<number> {
    for (;;) {
      const drawn = await updateDoc<Ledger, number | 'legacy'>(
        this.store,
        this.ledgerKey,
        () => emptyLedger(this.firstNumber),
        (ledger) =>
          hasLegacyEntries(ledger)
            ? { keep: true, result: 'legacy' }
            : { write: { next: ledger.next + 1 }, result: ledger.next },
        this.cas,
      );
      if (drawn !== 'legacy') return drawn;
      await this.entries();
    }
  }

  /** Every index entry: the shards from the first number to the counter, in batched reads. */
  private async entries(): Promise<Record<string, LedgerEntry>> {
    const ledger = (await readDoc<Ledger>(this.store, this.ledgerKey))?.value;
    if (!ledger) return {};
    if (hasLegacyEntries(ledger)) await this.migrate(ledger.entries ?? {});
    const first = shardOf(this.firstNumber);
    const last = shardOf(Math.max(this.firstNumber, ledger.next - 1));
    const keys: string[] = [];
    for (let shard = first; shard <= last; shard++) keys.push(this.shardKey(shard));
    const all: Record<string, LedgerEntry> = {};
    for (let i = 0; i < keys.length; i += READ_CHUNK) {
      const docs = await readDocs<LedgerShard>(this.store, keys.slice(i, i + READ_CHUNK));
      for (const doc of docs.values()) Object.assign(all, doc.value.entries);
    }
    return all;
  }

  /**
   * Moves the entries an earlier version kept in the counter document into shards and requester
   * documents, then empties it. Every step only adds what is missing, so two instances may run it at once.
   */
  private async migrate(legacy: Record<string, LedgerEntry>): Promise<void> {
    const byShard = new Map<number, Record<string, LedgerEntry>>();
    const byRequester = new Map<string, RequesterCases>();
    for (const [id, entry] of Object.entries(legacy)) {
      const shard = shardOf(numberOf(id));
      byShard.set(shard, { ...byShard.get(shard), [id]: entry });
      const theirs = byRequester.get(entry.rq) ?? { subs: {}, opened: {} };
      theirs.subs[entry.sub] = id;
      theirs.opened[id] = entry.at;
      byRequester.set(entry.rq, theirs);
    }
    for (const [shard, add] of byShard) {
      await updateDoc<LedgerShard, void>(
        this.store,
        this.shardKey(shard),
        () => ({ entries: {} }),
        (doc) => ({ write: { entries: { ...add, ...doc.entries } }, result: undefined }),
        this.cas,
      );
    }
    for (const [rq, add] of byRequester) {
      await updateDoc<RequesterCases, void>(
        this.store,
        `${this.prefix}/requester/${rq}`,
        () => ({ subs: {}, opened: {} }),
        (doc) => ({
          write: { subs: { ...add.subs, ...doc.subs }, opened: { ...add.opened, ...doc.opened } },
          result: undefined,
        }),
        this.cas,
      );
    }
    await updateDoc<Ledger, void>(
      this.store,
      this.ledgerKey,
      () => emptyLedger(this.firstNumber),
      (ledger) => ({ write: { next: ledger.next }, result: undefined }),
      this.cas,
    );
  }

  private setEntry(number: number, id: string, entry: LedgerEntry): Promise<void> {
    return updateDoc<LedgerShard, void>(
      this.store,
      this.shardKey(shardOf(number)),
      () => ({ entries: {} }),
      (doc) => ({ write: { entries: { ...doc.entries, [id]: entry } }, result: undefined }),
      this.cas,
    );
  }

  /** Index entries out, one write per shard touched. */
  private async dropEntries(ids: readonly string[]): Promise<void> {
    const byShard = new Map<number, string[]>();
    for (const id of ids) {
      const shard = shardOf(numberOf(id));
      byShard.set(shard, [...(byShard.get(shard) ?? []), id]);
    }
    for (const [shard, gone] of byShard) {
      await updateIfExists<LedgerShard, void>(
        this.store,
        this.shardKey(shard),
        (doc) => {
          if (!gone.some((id) => id in doc.entries)) return { keep: true, result: undefined };
          const entries = { ...doc.entries };
          for (const id of gone) delete entries[id];
          return { write: { entries }, result: undefined };
        },
        () => undefined,
        this.cas,
      );
    }
  }

  /** A stored case the index lost: its entry, its requester's claim, and the counter past its shard. */
  private async restoreEntry(c: EscalationCase): Promise<void> {
    const at = Date.parse(c.createdAt);
    await this.setEntry(c.number, c.id, {
      at,
      rq: digest(c.requester.id),
      st: c.status,
      sub: digest(c.submissionId),
    });
    await updateDoc<RequesterCases, void>(
      this.store,
      this.requesterKey(c.requester.id),
      () => ({ subs: {}, opened: {} }),
      (doc) =>
        doc.opened[c.id] !== undefined
          ? { keep: true, result: undefined }
          : {
              write: {
                subs: { ...doc.subs, [digest(c.submissionId)]: c.id },
                opened: { ...doc.opened, [c.id]: at },
              },
              result: undefined,
            },
      this.cas,
    );
    // Everything in this case's shard was numbered already: skip past all of it in one go.
    const shard = (await readDoc<LedgerShard>(this.store, this.shardKey(shardOf(c.number))))?.value;
    const highest = Math.max(c.number, ...Object.keys(shard?.entries ?? {}).map(numberOf));
    await updateDoc<Ledger, void>(
      this.store,
      this.ledgerKey,
      () => emptyLedger(this.firstNumber),
      (ledger) =>
        ledger.next > highest
          ? { keep: true, result: undefined }
          : { write: { ...ledger, next: highest + 1 }, result: undefined },
      this.cas,
    );
  }

  private async waitForCase(key: string, submissionId: string): Promise<EscalationCase | undefined> {
    const sleep = this.cas.sleep ?? defaultSleep;
    const step = 50;
    for (let waited = 0; waited < this.duplicateWaitMs; waited += step) {
      await sleep(step);
      const doc = await readDoc<EscalationCase>(this.store, key);
      if (doc?.value.submissionId === submissionId) return doc.value;
    }
    return undefined;
  }

  private async transition(caseId: string, apply: (c: EscalationCase) => Transition): Promise<CaseUpdate> {
    if (!isCaseId(caseId)) return { ok: false, reason: 'not-found' };
    const result = await updateIfExists<EscalationCase, CaseUpdate>(
      this.store,
      this.caseKey(caseId),
      (c): Change<EscalationCase, CaseUpdate> => {
        const t = apply(c);
        return t.ok && t.changed ? { write: t.case, result: t } : { keep: true, result: t };
      },
      () => ({ ok: false, reason: 'not-found' }),
      this.cas,
    );
    if (result.ok && result.changed) await this.hintStatus(caseId, result.case.status);
    return result;
  }

  /** The index's status hint; failing it fails nothing (hints only narrow reads, see ledger.ts). */
  private async hintStatus(caseId: string, status: CaseStatus): Promise<void> {
    try {
      await updateIfExists<LedgerShard, void>(
        this.store,
        this.shardKey(shardOf(numberOf(caseId))),
        (shard) => {
          const next = advanceStatus(shard, caseId, status);
          return next ? { write: next, result: undefined } : { keep: true, result: undefined };
        },
        () => undefined,
        this.cas,
      );
    } catch (err) {
      this.warn(`Escalation store: could not record ${caseId} as ${status} in the ledger.`, err);
    }
  }

  /** Case documents first, then index entries and requester claims: a crash in between leaves an entry retention removes later. */
  private async remove(
    ids: readonly string[],
    entries: Readonly<Record<string, LedgerEntry>>,
  ): Promise<void> {
    if (ids.length === 0) return;
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      await this.store.delete(ids.slice(i, i + READ_CHUNK).map((id) => this.caseKey(id)));
    }
    await this.dropEntries(ids);
    const byRequester = new Map<string, Set<string>>();
    for (const id of ids) {
      const rq = entries[id]?.rq;
      if (rq !== undefined) byRequester.set(rq, (byRequester.get(rq) ?? new Set()).add(id));
    }
    for (const [rq, gone] of byRequester) {
      await updateIfExists<RequesterCases, void>(
        this.store,
        `${this.prefix}/requester/${rq}`,
        (doc) => {
          const next = withoutCases(doc, gone);
          return next ? { write: next, result: undefined } : { keep: true, result: undefined };
        },
        () => undefined,
        this.cas,
      );
    }
  }

  private async readCaseDocs(ids: readonly string[]): Promise<Map<string, EscalationCase>> {
    const byId = new Map<string, EscalationCase>();
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const chunk = ids.slice(i, i + READ_CHUNK);
      const docs = await readDocs<EscalationCase>(
        this.store,
        chunk.map((id) => this.caseKey(id)),
      );
      for (const id of chunk) {
        const doc = docs.get(this.caseKey(id));
        if (doc) byId.set(id, doc.value);
      }
    }
    return byId;
  }

  private async readCases(ids: readonly string[]): Promise<EscalationCase[]> {
    const docs = await this.readCaseDocs(ids);
    return ids.flatMap((id) => docs.get(id) ?? []);
  }
}

function hasLegacyEntries(ledger: Ledger): boolean {
  return ledger.entries !== undefined && Object.keys(ledger.entries).length > 0;
}

function numberOf(caseId: string): number {
  return Number(caseId.split('-')[1]);
}

function checkPerson(p: Person): Person {
  if (!p || typeof p.id !== 'string' || p.id === '')
    throw new CaseInputError('A transition needs who does it (id).');
  return { id: p.id, name: typeof p.name === 'string' ? p.name : '' };
}
