/**
 * "That fixed it" / "Still failing", and Teams' thumbs up / down under an advice message, counted per
 * step and per MIM code, so support can see which steps actually resolve which run statuses and
 * object errors (the `stats` command). Thumbs may carry a comment: kept redacted and short.
 * One small document per step keeps concurrent clicks on different steps from contending.
 */
import { createHash } from 'node:crypto';
import { updateDoc, type CasOptions } from './cas';
import { redact } from './redact';
import { readDocs, type KeyValueStore } from './store';
import { isStepId, STEP_IDS, type StepId } from '../diagnosis/types';

/** What a user said about a step of their case. */
export type FeedbackOutcome = 'fixed' | 'still-failing';
/** Teams' feedback buttons under an advice message. */
export type ThumbOutcome = 'thumbs-up' | 'thumbs-down';
export type CountedOutcome = FeedbackOutcome | ThumbOutcome;
const OUTCOME_FIELD: Record<CountedOutcome, keyof Counts> = {
  fixed: 'fixed',
  'still-failing': 'stillFailing',
  'thumbs-up': 'up',
  'thumbs-down': 'down',
};
export type CodeKind = 'run-status' | 'object-error';

export interface FeedbackEvent {
  step: StepId;
  outcome: CountedOutcome;
  statusCode?: string | null;
  objectCode?: string | null;
  /** One id per click (e.g. activity id + step): a repeated click or redelivery is counted once. */
  feedbackId?: string;
  /** What the user wrote with a thumb; stored redacted and capped. */
  comment?: string | null;
}

export interface Counts {
  fixed: number;
  stillFailing: number;
  /** Thumbs up / down (absent in documents written before thumbs existed). */
  up: number;
  down: number;
}

/** A comment left with a thumb. */
export interface FeedbackComment {
  reaction: 'up' | 'down';
  text: string;
  at: string;
}

export interface CodeStats extends Counts {
  kind: CodeKind;
  code: string;
}

export interface StepStats extends Counts {
  step: StepId;
  codes: CodeStats[];
  /** The latest comments, newest last. */
  comments: FeedbackComment[];
}

export interface FeedbackStats {
  /** Steps with any feedback, most fixes first. */
  steps: StepStats[];
  /** All steps together over the last 7 and 30 days (UTC days, today included). */
  last7: Counts;
  last30: Counts;
  /** For each code: the steps that fixed it, most fixes first. */
  resolvedBy: { kind: CodeKind; code: string; steps: { step: StepId; fixed: number }[] }[];
}

interface StepDoc extends Counts {
  /** "run-status:stopped-server" -> counts. */
  codes: Record<string, Counts>;
  /** Digests of recent feedback ids, newest last. */
  recent: string[];
  comments?: FeedbackComment[];
  /** Counts per UTC day (yyyy-mm-dd), the last DAYS_KEPT days, for the 7- and 30-day figures. */
  days?: Record<string, Counts>;
}

/** Days of per-day counts kept per step: enough for the 30-day figures. */
const DAYS_KEPT = 31;

/** Comments kept per step, and their length: enough to read what went wrong, not a transcript. */
const MAX_COMMENTS = 20;
const MAX_COMMENT_CHARS = 300;

function countsOf(c: Partial<Counts> | undefined): Counts {
  return { fixed: c?.fixed ?? 0, stillFailing: c?.stillFailing ?? 0, up: c?.up ?? 0, down: c?.down ?? 0 };
}

export interface FeedbackStoreOptions {
  keyPrefix?: string;
  /** Epoch ms; which day a vote counts for. */
  clock?: () => number;
  cas?: CasOptions;
  /** Feedback ids remembered per step for dedupe (default 500). */
  rememberIds?: number;
}

/** Codes are recognizer output; anything else (free text, huge strings) is not counted. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export class FeedbackStore {
  private readonly prefix: string;
  private readonly cas: CasOptions;
  private readonly remember: number;
  private readonly clock: () => number;

  constructor(
    private readonly store: KeyValueStore,
    options: FeedbackStoreOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'escalation';
    this.cas = options.cas ?? {};
    this.remember = options.rememberIds ?? 500;
    this.clock = options.clock ?? Date.now;
  }

  stepKey(step: StepId): string {
    return `${this.prefix}/feedback/${step}`;
  }

  /** Counts one outcome; false when this feedback id was already counted. */
  async record(event: FeedbackEvent): Promise<boolean> {
    if (!isStepId(event.step)) throw new TypeError(`Feedback: unknown step "${String(event.step)}".`);
    if (!Object.hasOwn(OUTCOME_FIELD, event.outcome)) {
      throw new TypeError(`Feedback: unknown outcome "${String(event.outcome)}".`);
    }
    const codes = [
      event.statusCode && CODE.test(event.statusCode) ? `run-status:${event.statusCode}` : null,
      event.objectCode && CODE.test(event.objectCode) ? `object-error:${event.objectCode}` : null,
    ].filter((c): c is string => c !== null);
    const seen = event.feedbackId
      ? createHash('sha256').update(event.feedbackId).digest('base64url').slice(0, 16)
      : null;
    const field = OUTCOME_FIELD[event.outcome];
    const now = new Date(this.clock());
    const comment = commentOf(event, now.toISOString());
    const today = now.toISOString().slice(0, 10);

    return updateDoc<StepDoc, boolean>(
      this.store,
      this.stepKey(event.step),
      () => ({ ...countsOf(undefined), codes: {}, recent: [] }),
      (doc) => {
        if (seen && doc.recent.includes(seen)) return { keep: true, result: false };
        const own = countsOf(doc);
        const next: StepDoc = {
          ...doc,
          ...own,
          [field]: own[field] + 1,
          codes: { ...doc.codes },
          recent: seen ? [...doc.recent, seen].slice(-this.remember) : doc.recent,
          comments: comment ? [...(doc.comments ?? []), comment].slice(-MAX_COMMENTS) : doc.comments,
          days: countDay(doc.days ?? {}, today, field),
        };
        for (const code of codes) {
          const counts = countsOf(next.codes[code]);
          next.codes[code] = { ...counts, [field]: counts[field] + 1 };
        }
        return { write: next, result: true };
      },
      this.cas,
    );
  }

  async stats(): Promise<FeedbackStats> {
    const docs = await readDocs<StepDoc>(
      this.store,
      STEP_IDS.map((step) => this.stepKey(step)),
    );
    const steps: StepStats[] = [];
    for (const step of STEP_IDS) {
      const doc = docs.get(this.stepKey(step))?.value;
      if (!doc) continue;
      const codes = Object.entries(doc.codes ?? {})
        .map(([key, counts]) => ({ ...splitCode(key), ...countsOf(counts) }))
        .sort((a, b) => b.fixed - a.fixed || b.stillFailing - a.stillFailing || a.code.localeCompare(b.code));
      steps.push({ step, ...countsOf(doc), codes, comments: doc.comments ?? [] });
    }
    steps.sort((a, b) => b.fixed - a.fixed || STEP_IDS.indexOf(a.step) - STEP_IDS.indexOf(b.step));

    const byCode = new Map<string, FeedbackStats['resolvedBy'][number]>();
    for (const s of steps) {
      for (const c of s.codes) {
        if (c.fixed === 0) continue;
        const key = `${c.kind}:${c.code}`;
        const entry = byCode.get(key) ?? { kind: c.kind, code: c.code, steps: [] };
        entry.steps.push({ step: s.step, fixed: c.fixed });
        byCode.set(key, entry);
      }
    }
    const resolvedBy = [...byCode.values()]
      .map((e) => ({ ...e, steps: e.steps.sort((a, b) => b.fixed - a.fixed) }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const now = this.clock();
    const lastDays = (n: number): Counts => {
      const total = countsOf(undefined);
      for (const step of STEP_IDS) {
        const days = docs.get(this.stepKey(step))?.value.days ?? {};
        for (const [day, counts] of Object.entries(days)) {
          if (now - Date.parse(`${day}T00:00:00Z`) >= n * DAY_MS) continue;
          const c = countsOf(counts);
          total.fixed += c.fixed;
          total.stillFailing += c.stillFailing;
          total.up += c.up;
          total.down += c.down;
        }
      }
      return total;
    };
    return { steps, resolvedBy, last7: lastDays(7), last30: lastDays(30) };
  }
}

const DAY_MS = 86_400_000;

/** Adds one to today's counts and drops the days beyond DAYS_KEPT. */
function countDay(days: Record<string, Counts>, today: string, field: keyof Counts): Record<string, Counts> {
  const counts = countsOf(days[today]);
  const next: Record<string, Counts> = { ...days, [today]: { ...counts, [field]: counts[field] + 1 } };
  const keep = Object.keys(next).sort().slice(-DAYS_KEPT);
  return Object.fromEntries(keep.map((day) => [day, next[day]]));
}

function commentOf(event: FeedbackEvent, at: string): FeedbackComment | null {
  if (event.outcome !== 'thumbs-up' && event.outcome !== 'thumbs-down') return null;
  const text = redact(
    String(event.comment ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  ).slice(0, MAX_COMMENT_CHARS);
  return text ? { reaction: event.outcome === 'thumbs-up' ? 'up' : 'down', text, at } : null;
}

function splitCode(key: string): { kind: CodeKind; code: string } {
  const at = key.indexOf(':');
  const kind = key.slice(0, at) === 'object-error' ? 'object-error' : 'run-status';
  return { kind, code: key.slice(at + 1) };
}
