/**
 * Turn figures for `stats`: how many answers the bot gave, how many of them nobody came back to
 * (abandoned), and which messages it could not place. Counted per UTC day in one document per day.
 *
 * Counting happens in memory and is written every few seconds as one increment per day touched,
 * so a turn costs no store write: a crash loses at most the last interval's counts, which for
 * figures a support lead reads weekly is the right trade against a write on every message.
 * Nothing that identifies a user is kept: unplaced messages are redacted, stripped of addresses
 * and capped before they are counted.
 */
import { updateDoc, type CasOptions } from './cas';
import { redact } from './redact';
import { readDocs, type KeyValueStore } from './store';

const DAY_MS = 86_400_000;

/** An answer counts as abandoned when this passes with no further word from its user. */
export const FOLLOW_UP_WINDOW_MS = DAY_MS;

/** Characters of an unplaced message kept, and distinct messages kept per day. */
export const UNPLACED_CHARS = 120;
const UNPLACED_PER_DAY = 200;
const DAYS_KEPT = 31;

export type UnplacedKind = 'no-signal' | 'out-of-scope';

interface DayDoc {
  answered: number;
  followedUp: number;
  /** Normalised message text -> count. */
  unplaced: Record<string, number>;
}

export interface UnplacedMessage {
  text: string;
  count: number;
}

export interface TurnPeriod {
  /** Answers given (advice), in the period. */
  answered: number;
  /**
   * Answers with no outcome, thumb or further message from their user within 24 hours. Only
   * answers at least that old are judged, so the latest day's are not counted yet.
   */
  abandoned: number;
  /** The most frequent messages the bot could not place, most frequent first (at most ten). */
  unplaced: UnplacedMessage[];
}

export interface TurnFiguresOptions {
  keyPrefix?: string;
  clock?: () => number;
  cas?: CasOptions;
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function emptyDay(): DayDoc {
  return { answered: 0, followedUp: 0, unplaced: {} };
}

export class TurnFigures {
  private readonly prefix: string;
  private readonly clock: () => number;
  private readonly cas: CasOptions;
  /** Counts not yet written, per day. */
  private pending = new Map<string, DayDoc>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore,
    options: TurnFiguresOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'escalation';
    this.clock = options.clock ?? Date.now;
    this.cas = options.cas ?? {};
  }

  dayKey(day: string): string {
    return `${this.prefix}/turns/${day}`;
  }

  /** The bot gave an answer (one per turn that gave advice); returns when, for followedUp. */
  answered(): number {
    const now = this.clock();
    this.counts(dayOf(now)).answered++;
    return now;
  }

  /** The user of an answer given at `advisedAt` came back (message, click or thumb). */
  followedUp(advisedAt: number): void {
    if (this.clock() - advisedAt > FOLLOW_UP_WINDOW_MS) return;
    this.counts(dayOf(advisedAt)).followedUp++;
  }

  /** A message the bot could not place in MIM Sync. */
  unplaced(text: string): void {
    const shown = unplacedText(text);
    if (!shown) return;
    const day = this.counts(dayOf(this.clock()));
    day.unplaced[shown] = (day.unplaced[shown] ?? 0) + 1;
  }

  /** Writes what was counted since the last flush: one increment per day touched. */
  flush(): Promise<void> {
    // One flush at a time; a failed one does not stop the next.
    const run = this.flushing.catch(() => undefined).then(() => this.writePending());
    this.flushing = run;
    return run;
  }

  private async writePending(): Promise<void> {
    const batch = [...this.pending];
    this.pending = new Map();
    for (let i = 0; i < batch.length; i++) {
      const [day, add] = batch[i];
      try {
        await updateDoc<DayDoc, void>(
          this.store,
          this.dayKey(day),
          emptyDay,
          (doc) => ({ write: merged(doc, add), result: undefined }),
          this.cas,
        );
      } catch (err) {
        // Kept for the next flush: the store being down must not lose the counts.
        for (const [rest, counts] of batch.slice(i))
          this.pending.set(rest, merged(this.counts(rest), counts));
        throw err;
      }
    }
  }

  /** The last `days` UTC days, today included. */
  async period(days: number): Promise<TurnPeriod> {
    await this.flush();
    const now = this.clock();
    const wanted = Array.from({ length: Math.min(days, DAYS_KEPT) }, (_, i) => dayOf(now - i * DAY_MS));
    const docs = await readDocs<DayDoc>(
      this.store,
      wanted.map((d) => this.dayKey(d)),
    );
    let answered = 0;
    let abandoned = 0;
    const unplaced = new Map<string, number>();
    for (const day of wanted) {
      const doc = docs.get(this.dayKey(day))?.value;
      if (!doc) continue;
      answered += doc.answered;
      // Judged only once the whole day's answers are past the follow-up window.
      const judged = Date.parse(`${day}T00:00:00Z`) + DAY_MS + FOLLOW_UP_WINDOW_MS <= now;
      if (judged) abandoned += Math.max(0, doc.answered - doc.followedUp);
      for (const [text, n] of Object.entries(doc.unplaced ?? {}))
        unplaced.set(text, (unplaced.get(text) ?? 0) + n);
    }
    const top = [...unplaced]
      .map(([text, count]) => ({ text, count }))
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
      .slice(0, 10);
    return { answered, abandoned, unplaced: top };
  }

  private counts(day: string): DayDoc {
    let counts = this.pending.get(day);
    if (!counts) {
      counts = emptyDay();
      this.pending.set(day, counts);
    }
    return counts;
  }
}

function merged(doc: DayDoc, add: DayDoc): DayDoc {
  const unplaced = { ...(doc.unplaced ?? {}) };
  for (const [text, n] of Object.entries(add.unplaced)) unplaced[text] = (unplaced[text] ?? 0) + n;
  // A day's distinct messages are capped; the rarest go first.
  const kept = Object.entries(unplaced)
    .sort((a, b) => b[1] - a[1])
    .slice(0, UNPLACED_PER_DAY);
  return {
    answered: (doc.answered ?? 0) + add.answered,
    followedUp: (doc.followedUp ?? 0) + add.followedUp,
    unplaced: Object.fromEntries(kept),
  };
}

const EMAIL = /[^\s@<>()[\]]{1,64}@[^\s@<>()[\]]{1,255}/g;
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** The form an unplaced message is counted in: secrets, addresses and ids out, spaces folded, capped. */
export function unplacedText(text: string): string {
  const cleaned = redact(String(text))
    .replace(EMAIL, '[address]')
    .replace(GUID, '[id]')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (cleaned.length <= UNPLACED_CHARS) return cleaned;
  return `${cleaned.slice(0, UNPLACED_CHARS - 1).trimEnd()}…`;
}
