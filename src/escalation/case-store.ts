/**
 * Escalation cases in a key-value store: one document per case plus the ledger (ledger.ts) that
 * numbers and indexes them. Every change is a compare-and-swap with retry, so several bot instances
 * can share one store.
 */
import { defaultSleep, ensureExists, updateDoc, updateIfExists, type CasOptions, type Change } from './cas';
import {
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
  allocate,
  digest,
  emptyLedger,
  selectIds,
  withEntry,
  withoutEntries,
  type Allocation,
  type Ledger,
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
/** Number clashes tolerated in one createCase (each means the ledger had lost an entry; see createCase). */
const MAX_CLASHES = 50;
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

  get ledgerKey(): string {
    return `${this.prefix}/ledger`;
  }

  caseKey(caseId: string): string {
    return `${this.prefix}/case/${caseId}`;
  }

  /** Creates the ledger if missing; call at start-up so first use does not race another instance. */
  init(): Promise<void> {
    return ensureExists(this.store, this.ledgerKey, () => emptyLedger(this.firstNumber));
  }

  /**
   * Opens a case, or returns the one this submission already opened (double click, redelivered
   * submit). Resolves only after the case is stored, so it exists before anyone is told.
   */
  /** With `perDay`, a requester's case beyond that many in 24 hours is refused (CaseLimitError). */
  async createCase(input: CaseInput, submissionId: string, perDay?: number): Promise<CreateResult> {
    if (typeof submissionId !== 'string' || submissionId === '' || submissionId.length > 200) {
      throw new CaseInputError('createCase needs a one-time submission id (1-200 characters).');
    }
    // Validate before a number is spent on input that cannot become a case.
    newCase(input, 0, submissionId, new Date(this.clock()), this.limits);

    for (let clash = 0; clash <= MAX_CLASHES; clash++) {
      const at = this.clock();
      const allocation = await this.allocate(submissionId, input.requester.id, at, perDay);
      if ('refused' in allocation) throw new CaseLimitError(perDay ?? 0);
      const key = this.caseKey(allocation.id);
      const stored = await readDoc<EscalationCase>(this.store, key);
      if (stored) {
        if (stored.value.submissionId === submissionId) return { case: stored.value, created: false };
        // The number is taken by another case: the ledger was recreated by a racing first write
        // (see ensureExists). Give the stored case its entry back and draw again.
        await this.restoreEntry(stored.value);
        continue;
      }
      if (!allocation.fresh) {
        // The first submit holds the number and is about to store the case; give it a moment.
        const late = await this.waitForCase(key, submissionId);
        if (late) return { case: late, created: false };
      }
      const number = allocation.fresh ? allocation.number : Number(allocation.id.split('-')[1]);
      const created = newCase(input, number, submissionId, new Date(at), this.limits);
      await writeAlways(this.store, key, created);
      return { case: created, created: true };
    }
    throw new Error(
      `Escalation store: case numbers kept clashing with stored cases; check "${this.ledgerKey}".`,
    );
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
    const ledger = await readDoc<Ledger>(this.store, this.ledgerKey);
    if (!ledger) return [];
    const ids = selectIds(ledger.value, { requesterId: filter.requesterId, status: filter.status });
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
    const ledger = await readDoc<Ledger>(this.store, this.ledgerKey);
    if (!ledger) return [];
    // updatedAt >= createdAt, so only entries created before the cutoff can have expired.
    const ids = selectIds(ledger.value, { createdBefore: cutoff });
    const docs = await this.readCaseDocs(ids);
    const expired = ids.filter((id) => {
      const c = docs.get(id);
      return c ? Date.parse(c.updatedAt) < cutoff : this.isAbandoned(ledger.value, id);
    });
    await this.remove(expired);
    return expired;
  }

  /** Removes every case the requester opened (their right to be forgotten); returns the removed cases. */
  async deleteRequesterData(requesterId: string): Promise<EscalationCase[]> {
    const ledger = await readDoc<Ledger>(this.store, this.ledgerKey);
    if (!ledger) return [];
    const ids = selectIds(ledger.value, { requesterId });
    const docs = await this.readCaseDocs(ids);
    // An entry whose document a crash never wrote has this requester's digest too: drop it as well.
    const removed = ids.filter((id) => {
      const c = docs.get(id);
      return c ? c.requester.id === requesterId : this.isAbandoned(ledger.value, id);
    });
    await this.remove(removed);
    return removed.flatMap((id) => docs.get(id) ?? []);
  }

  /** An entry without a document that is not just being created: a crash left it behind. */
  private isAbandoned(ledger: Ledger, id: string): boolean {
    const entry = ledger.entries[id];
    return entry !== undefined && entry.at < this.clock() - ABANDONED_AFTER_MS;
  }

  private allocate(
    submissionId: string,
    requesterId: string,
    at: number,
    perDay: number | undefined,
  ): Promise<Allocation> {
    return updateDoc<Ledger, Allocation>(
      this.store,
      this.ledgerKey,
      () => emptyLedger(this.firstNumber),
      (ledger) => {
        const allocation = allocate(ledger, submissionId, requesterId, at, perDay);
        return allocation.fresh
          ? { write: allocation.ledger, result: allocation }
          : { keep: true, result: allocation };
      },
      this.cas,
    );
  }

  private restoreEntry(c: EscalationCase): Promise<void> {
    const entry = {
      at: Date.parse(c.createdAt),
      rq: digest(c.requester.id),
      st: c.status,
      sub: digest(c.submissionId),
    };
    return updateDoc<Ledger, void>(
      this.store,
      this.ledgerKey,
      () => emptyLedger(this.firstNumber),
      (ledger) => ({ write: withEntry(ledger, c.id, entry, c.number), result: undefined }),
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

  /** The ledger's status hint; failing it fails nothing (hints only narrow reads, see ledger.ts). */
  private async hintStatus(caseId: string, status: CaseStatus): Promise<void> {
    try {
      await updateIfExists<Ledger, void>(
        this.store,
        this.ledgerKey,
        (ledger) => {
          const next = advanceStatus(ledger, caseId, status);
          return next ? { write: next, result: undefined } : { keep: true, result: undefined };
        },
        () => undefined,
        this.cas,
      );
    } catch (err) {
      this.warn(`Escalation store: could not record ${caseId} as ${status} in the ledger.`, err);
    }
  }

  /** Case documents first, then ledger entries: a crash in between leaves an entry retention removes later. */
  private async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      await this.store.delete(ids.slice(i, i + READ_CHUNK).map((id) => this.caseKey(id)));
    }
    await updateIfExists<Ledger, void>(
      this.store,
      this.ledgerKey,
      (ledger) => {
        const next = withoutEntries(ledger, ids);
        return next ? { write: next, result: undefined } : { keep: true, result: undefined };
      },
      () => undefined,
      this.cas,
    );
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

function checkPerson(p: Person): Person {
  if (!p || typeof p.id !== 'string' || p.id === '')
    throw new CaseInputError('A transition needs who does it (id).');
  return { id: p.id, name: typeof p.name === 'string' ? p.name : '' };
}
