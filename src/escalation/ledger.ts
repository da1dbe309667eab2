/**
 * The case ledger, as documents that each stay small however many cases there are:
 * - the counter (`<prefix>/ledger`): the next case number, nothing else;
 * - index shards (`<prefix>/cases/<number / 100>`): an entry per live case, a hundred numbers each;
 * - one document per requester (`<prefix>/requester/<digest>`): which submission opened which of
 *   their cases, and when (the double-click dedupe and the daily cap).
 * Opening a case rewrites the counter, one shard and one requester document: case 3,000 costs
 * what case 3 did. Earlier versions kept every entry in the counter document; the case store
 * moves them out on first use (see CaseStore.migrate).
 *
 * The functions here are pure; case-store.ts does the reads and compare-and-swap writes.
 */
import { createHash } from 'node:crypto';
import type { CaseStatus } from './case';

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

/** The counter. `entries` is only ever non-empty in a store written by an earlier version. */
export interface Ledger {
  /** The next case number to hand out. */
  next: number;
  entries?: Record<string, LedgerEntry>;
}

/** One shard of the index: the cases numbered shard*100 .. shard*100+99 that still exist. */
export interface LedgerShard {
  entries: Record<string, LedgerEntry>;
}

/** A requester's cases: submission digest -> case id, and case id -> when it was opened. */
export interface RequesterCases {
  subs: Record<string, string>;
  opened: Record<string, number>;
}

export const SHARD_SIZE = 100;

export function emptyLedger(firstNumber: number): Ledger {
  return { next: firstNumber };
}

export function shardOf(caseNumber: number): number {
  return Math.floor(caseNumber / SHARD_SIZE);
}

/** Short, stable, not reversible: enough to find entries, not to read ids back out of the store. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 16);
}

const DAY_MS = 86_400_000;

export type SubmissionClaim =
  /** The submission is now this case's; write `doc`. */
  | { claimed: true; doc: RequesterCases }
  /** This submission already has a case. */
  | { claimed: false; id: string }
  /** The requester opened their daily number of cases already. */
  | { claimed: false; refused: true };

/**
 * Ties a submission to a case number drawn for it, unless the submission has a case already or
 * the requester reached `perDay` cases in 24 hours. Checked in the requester's own document, so
 * two submissions at once cannot both pass the cap, and a repeat is never refused.
 */
export function claimSubmission(
  doc: RequesterCases,
  submission: string,
  caseId: string,
  at: number,
  perDay?: number,
): SubmissionClaim {
  const sub = digest(submission);
  const existing = doc.subs[sub];
  if (existing !== undefined) return { claimed: false, id: existing };
  if (perDay !== undefined && openedSince(doc, at - DAY_MS) >= perDay)
    return { claimed: false, refused: true };
  return {
    claimed: true,
    doc: { subs: { ...doc.subs, [sub]: caseId }, opened: { ...doc.opened, [caseId]: at } },
  };
}

/** The case a submission opened, per the requester's document. */
export function caseOfSubmission(doc: RequesterCases | undefined, submission: string): string | undefined {
  return doc?.subs[digest(submission)];
}

export function openedSince(doc: RequesterCases, since: number): number {
  return Object.values(doc.opened).filter((at) => at > since).length;
}

/** The requester's document without these cases; null when nothing changes. */
export function withoutCases(doc: RequesterCases, ids: ReadonlySet<string>): RequesterCases | null {
  if (!Object.keys(doc.opened).some((id) => ids.has(id))) return null;
  const subs = Object.fromEntries(Object.entries(doc.subs).filter(([, id]) => !ids.has(id)));
  const opened = Object.fromEntries(Object.entries(doc.opened).filter(([id]) => !ids.has(id)));
  return { subs, opened };
}

const RANK: Record<CaseStatus, number> = { open: 0, taken: 1, resolved: 2 };

/** Status only moves forward, so a late or repeated hint can never hide an unresolved case. */
export function advanceStatus(shard: LedgerShard, id: string, status: CaseStatus): LedgerShard | null {
  const entry = shard.entries[id];
  if (!entry || RANK[entry.st] >= RANK[status]) return null;
  return { entries: { ...shard.entries, [id]: { ...entry, st: status } } };
}

export interface LedgerFilter {
  requesterId?: string;
  status?: readonly CaseStatus[];
  /** Created before this time (epoch ms). */
  createdBefore?: number;
}

/** Ids of entries that may match, oldest first; the caller checks the case documents. */
export function selectIds(entries: Readonly<Record<string, LedgerEntry>>, filter: LedgerFilter): string[] {
  const rq = filter.requesterId === undefined ? undefined : digest(filter.requesterId);
  return Object.entries(entries)
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
