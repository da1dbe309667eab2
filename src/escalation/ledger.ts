/**
 * The case ledger: one small document that hands out case numbers and indexes every live case.
 *
 * Why one document: botbuilder stores have no transactions and no create-if-absent, but they do
 * have compare-and-swap on one item. Numbering, the submission dedupe and the index entry of a new
 * case happen in the same CAS, so a number is never given twice, a double click cannot open two
 * cases, and no case exists that the index (and so retention and "my cases") does not know.
 * Listing is one read, no scan. Each entry is ~80 bytes; thousands of live cases stay well under
 * the size a store handles in one item (retention keeps it bounded).
 */
import { createHash } from 'node:crypto';
import { formatCaseId, type CaseStatus } from './case';

export interface LedgerEntry {
  /** Created, epoch ms. */
  at: number;
  /** Digest of the requester id: "my cases" without keeping raw user ids in the index. */
  rq: string;
  /** Status hint; the case document is the truth. It only ever moves forward (see advanceStatus). */
  st: CaseStatus;
  /** Digest of the submission id that opened the case. */
  sub: string;
}

export interface Ledger {
  /** The next case number to hand out. */
  next: number;
  entries: Record<string, LedgerEntry>;
}

export function emptyLedger(firstNumber: number): Ledger {
  return { next: firstNumber, entries: {} };
}

/** Short, stable, not reversible: enough to find entries, not to read ids back out of the store. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 16);
}

export type Allocation =
  /** A new number, and the ledger to write. */
  | { fresh: true; id: string; number: number; ledger: Ledger }
  /** This submission already has a case. */
  | { fresh: false; id: string }
  /** The requester opened their daily number of cases already (a repeat of one of them is not refused). */
  | { fresh: false; refused: true };

const DAY_MS = 86_400_000;

/**
 * The next number for a submission, or the case it already has. With `perDay`, the requester's
 * cases of the last 24 hours are counted in the same read-modify-write, so two submissions at once
 * cannot both pass the cap.
 */
export function allocate(
  ledger: Ledger,
  submission: string,
  requester: string,
  at: number,
  perDay?: number,
): Allocation {
  const sub = digest(submission);
  for (const [id, entry] of Object.entries(ledger.entries)) {
    if (entry.sub === sub) return { fresh: false, id };
  }
  if (perDay !== undefined) {
    const rq = digest(requester);
    let theirs = 0;
    for (const entry of Object.values(ledger.entries))
      if (entry.rq === rq && entry.at > at - DAY_MS) theirs++;
    if (theirs >= perDay) return { fresh: false, refused: true };
  }
  const number = ledger.next;
  const id = formatCaseId(number);
  return {
    fresh: true,
    id,
    number,
    ledger: {
      next: number + 1,
      entries: { ...ledger.entries, [id]: { at, rq: digest(requester), st: 'open', sub } },
    },
  };
}

/** Put an entry back as it should be (a case found in storage that the ledger lost). */
export function withEntry(ledger: Ledger, id: string, entry: LedgerEntry, number: number): Ledger {
  return { next: Math.max(ledger.next, number + 1), entries: { ...ledger.entries, [id]: entry } };
}

const RANK: Record<CaseStatus, number> = { open: 0, taken: 1, resolved: 2 };

/** Status only moves forward, so a late or repeated hint can never hide an unresolved case. */
export function advanceStatus(ledger: Ledger, id: string, status: CaseStatus): Ledger | null {
  const entry = ledger.entries[id];
  if (!entry || RANK[entry.st] >= RANK[status]) return null;
  return { ...ledger, entries: { ...ledger.entries, [id]: { ...entry, st: status } } };
}

export function withoutEntries(ledger: Ledger, ids: readonly string[]): Ledger | null {
  const gone = ids.filter((id) => id in ledger.entries);
  if (gone.length === 0) return null;
  const entries = { ...ledger.entries };
  for (const id of gone) delete entries[id];
  return { ...ledger, entries };
}

export interface LedgerFilter {
  requesterId?: string;
  status?: readonly CaseStatus[];
  /** Created before this time (epoch ms). */
  createdBefore?: number;
}

/** Ids of entries that may match, oldest first; the caller checks the case documents. */
export function selectIds(ledger: Ledger, filter: LedgerFilter): string[] {
  const rq = filter.requesterId === undefined ? undefined : digest(filter.requesterId);
  return Object.entries(ledger.entries)
    .filter(
      ([, e]) =>
        (rq === undefined || e.rq === rq) &&
        // A hint can lag behind (never run ahead), so "open" in the ledger may already be taken.
        (filter.status === undefined || filter.status.some((s) => RANK[s] >= RANK[e.st])) &&
        (filter.createdBefore === undefined || e.at < filter.createdBefore),
    )
    .sort(([, a], [, b]) => a.at - b.at)
    .map(([id]) => id);
}
