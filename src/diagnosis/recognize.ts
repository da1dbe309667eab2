import { editDistanceWithin } from './fuzzy';
import { OBJECT_ERRORS, RUN_STATUSES, getEventId } from './knowledge';
import {
  CODE_ALIASES,
  CONNECTOR_ALIASES,
  DOMAIN_PHRASES,
  EXCEPTION_WEIGHTS,
  HRESULT_WEIGHTS,
  PHRASE_SIGNALS,
  PLAIN_ENGLISH_CODES,
} from './knowledge/signals';
import { EMPHASIS, emphasisOf, uniformEmphasis } from './emphasis';
import { PRODUCTS } from './knowledge/products';
import { detectLanguage } from './language';
import type { ConnectorId, Finding, FindingKind, Recognition } from './types';
import { PhraseIndex, SENTENCE_END, compactKey, toWords, type Word } from './words';

/** Longer pastes are cut before scanning: what matters sits in the first lines and the end. */
const HEAD_CHARS = 24_000;
const TAIL_CHARS = 4_000;

type CodeKind = 'run-status' | 'object-error';

interface CodeEntry {
  code: string;
  kind: CodeKind;
  compact: string;
  parts: number;
}

// Built once at load: recognising must stay cheap per message.
const CODES: CodeEntry[] = [
  ...RUN_STATUSES.map((s) => ({ code: s.code, kind: 'run-status' as const })),
  ...OBJECT_ERRORS.map((e) => ({ code: e.code, kind: 'object-error' as const })),
].map((c) => ({ ...c, compact: compactKey(c.code), parts: c.code.split('-').length }));

const PLAIN_ENGLISH = new Set(PLAIN_ENGLISH_CODES);
const CODE_BY_COMPACT = new Map<string, CodeEntry>(CODES.map((c) => [c.compact, c]));
const MAX_CODE_PARTS = Math.max(...CODES.map((c) => c.parts));

type PhraseItem =
  | { kind: 'symptom'; value: string }
  | { kind: 'connector'; value: ConnectorId }
  | { kind: 'alias'; value: string }
  | { kind: 'domain'; value: string }
  | { kind: 'product' | 'not-product'; value: string };

const PHRASES = new PhraseIndex<PhraseItem>();
/** Signals read at plain weight wherever they stand (`saidOutright`). */
const SAID_OUTRIGHT = new Set(PHRASE_SIGNALS.filter((row) => row.saidOutright).map((row) => row.id));
/** Per signal, the signals its phrases cancel where they overlap (a negated failure word). */
const CANCELS = new Map<string, ReadonlySet<string>>(
  PHRASE_SIGNALS.filter((row) => row.cancels).map((row) => [row.id, new Set(row.cancels)]),
);
for (const row of PHRASE_SIGNALS) {
  for (const p of row.phrases) PHRASES.add(p, { kind: 'symptom', value: row.id });
}
for (const [connector, aliases] of Object.entries(CONNECTOR_ALIASES) as [ConnectorId, readonly string[]][]) {
  for (const p of aliases) PHRASES.add(p, { kind: 'connector', value: connector });
}
for (const [code, aliases] of Object.entries(CODE_ALIASES)) {
  for (const p of aliases) PHRASES.add(p, { kind: 'alias', value: code });
}
for (const p of DOMAIN_PHRASES) PHRASES.add(p, { kind: 'domain', value: 'mim-sync' });
for (const product of PRODUCTS) {
  for (const p of product.markers) PHRASES.add(p, { kind: 'product', value: product.id });
  for (const p of product.butNot ?? []) PHRASES.add(p, { kind: 'not-product', value: product.id });
}

const EVENT_KEYWORDS = new Set([
  'event',
  'eventid',
  'events',
  'id',
  'hændelse',
  'hændelsen',
  'hændelses',
  'hændelsesid',
  'error',
  'fejl',
  'warning',
  'advarsel',
  'pcns',
  'log',
  'logs',
  'logged',
  'logger',
  'throws',
]);

const BUILD = /\b(\d)\.(\d{1,2})\.(\d{1,5})\.(\d{1,3})\b/g;
// "4.6.355" without the last part: admins often leave off the ".0".
const SHORT_MIM_BUILD = /\b4\.([0-6])\.(\d{2,5})\b(?!\.\d)/g;
const SHORT_HRESULT = /^0x[0-9a-f]{5,7}$/;
const STACK_FRAME = /^[ \t]{0,12}(?:at|ved) [\w.`<>[\]]{1,300}\(/m;

function clip(text: string): string {
  if (text.length <= HEAD_CHARS + TAIL_CHARS) return text;
  return `${text.slice(0, HEAD_CHARS)}\n${text.slice(-TAIL_CHARS)}`;
}

class Findings {
  private readonly byKey = new Map<string, Finding>();

  constructor(private readonly emphasisAt: (offset: number) => number) {}

  /** Record a finding at a character offset; a repeat keeps the surest reading and the strongest emphasis. */
  add(kind: FindingKind, value: string, raw: string, confidence: number, at: number, plain = false): void {
    const key = `${kind}:${value}`;
    const emphasis = plain ? Math.max(EMPHASIS.plain, this.emphasisAt(at)) : this.emphasisAt(at);
    const existing = this.byKey.get(key);
    if (!existing) {
      this.byKey.set(key, { kind, value, raw: raw.slice(0, 200), confidence, emphasis });
      return;
    }
    if (existing.confidence < confidence) {
      existing.confidence = confidence;
      existing.raw = raw.slice(0, 200);
    }
    existing.emphasis = Math.max(existing.emphasis ?? 1, emphasis);
    existing.mentions = (existing.mentions ?? 1) + 1;
  }

  has(kind: FindingKind, value: string): boolean {
    return this.byKey.has(`${kind}:${value}`);
  }

  list(): Finding[] {
    return [...this.byKey.values()];
  }
}

function rawOf(text: string, words: readonly Word[], index: number, length: number): string {
  return text.slice(words[index].start, words[index + length - 1].end);
}

// Codes grouped by their first word, so a window is only compared with codes it could be.
const CODES_BY_FIRST_WORD = new Map<string, CodeEntry[]>();
for (const entry of CODES) {
  const first = entry.code.split('-')[0];
  CODES_BY_FIRST_WORD.set(first, [...(CODES_BY_FIRST_WORD.get(first) ?? []), entry]);
}

// Misspelt first words worth a fuzzy look; a wider list would cost time on every word.
const FUZZY_FIRST_WORDS = ['stopped', 'completed', 'failed', 'extension'];
/** Fuzzy comparisons allowed per message: a paste full of near-codes must still answer at once. */
const FUZZY_BUDGET = 400;

function codesStartingLike(word: string): CodeEntry[] {
  const exact = CODES_BY_FIRST_WORD.get(word) ?? [];
  if (word.length < 5) return exact;
  // Misspellings rarely touch the first letter; checking it first keeps this off the hot path.
  const near = FUZZY_FIRST_WORDS.filter(
    (f) =>
      f !== word &&
      f[0] === word[0] &&
      Math.abs(f.length - word.length) <= 1 &&
      editDistanceWithin(word, f, 1) <= 1,
  );
  return near.length === 0 ? exact : [...exact, ...near.flatMap((f) => CODES_BY_FIRST_WORD.get(f) ?? [])];
}

/** A code's words are joined the same way throughout: all hyphens, all underscores or all spaces. */
function joiner(text: string, left: Word, right: Word): string | null {
  const between = text.slice(left.end, right.start);
  return between === '-' || between === '_' || between === ' ' ? between : null;
}

/**
 * Status and error codes written with hyphens, spaces, underscores or in CamelCase, and misspelt.
 * Marks the words a code used, so its parts are not read again as symptom words.
 */
function findCodes(text: string, words: readonly Word[], out: Findings, covered: boolean[]): void {
  const groups = new Map<string, CodeEntry[]>();
  let budget = FUZZY_BUDGET;
  for (let i = 0; i < words.length; i++) {
    const first = words[i].text;
    // A whole CamelCase or run-together word: StoppedExtensionDllException.
    if (first.length >= 10) {
      const whole = CODE_BY_COMPACT.get(first);
      if (whole) {
        out.add(whole.kind, whole.code, words[i].text, 0.95, words[i].start);
        covered[i] = true;
        continue;
      }
    }
    let group = groups.get(first);
    if (!group) {
      group = codesStartingLike(first);
      groups.set(first, group);
    }
    if (group.length === 0) continue;

    const windows: string[] = [];
    let compact = first;
    let join: string | null = null;
    for (let k = i + 1; k < words.length && k - i < MAX_CODE_PARTS; k++) {
      const j = joiner(text, words[k - 1], words[k]);
      if (j === null || (join !== null && j !== join)) break;
      join = j;
      compact += words[k].text;
      windows.push(compact);
    }
    let matched = 0;
    for (let w = windows.length - 1; w >= 0 && matched === 0; w--) {
      const exact = CODE_BY_COMPACT.get(windows[w]);
      if (exact && exact.parts === w + 2) {
        // "access denied" in prose is not the access-denied status; a spaced-out long code still is.
        const prose = join === ' ' && exact.parts === 2;
        if (prose && PLAIN_ENGLISH.has(exact.code)) continue;
        const confidence = prose ? 0.5 : 1;
        out.add(exact.kind, exact.code, rawOf(text, words, i, w + 2), confidence, words[i].start);
        matched = w + 2;
      }
    }
    // Misspellings are looked for only in hyphenated or underscored words (stoped-conectivity):
    // prose joined by spaces ("failed to connect") would cost time and find false codes.
    const fuzzy = join === '-' || join === '_';
    for (let w = windows.length - 1; fuzzy && w >= 0 && matched === 0 && budget > 0; w--) {
      const max = windows[w].length >= 14 ? 2 : windows[w].length >= 9 ? 1 : 0;
      if (max === 0) continue;
      let best: { entry: CodeEntry; distance: number } | null = null;
      for (const entry of group) {
        // "webservices" for "web-services": a misspelt code may also join two of its parts.
        if (Math.abs(entry.parts - (w + 2)) > 1) continue;
        budget--;
        const d = editDistanceWithin(windows[w], entry.compact, max);
        if (d <= max && (!best || d < best.distance)) best = { entry, distance: d };
      }
      if (best) {
        out.add(
          best.entry.kind,
          best.entry.code,
          rawOf(text, words, i, w + 2),
          best.distance === 1 ? 0.85 : 0.7,
          words[i].start,
        );
        matched = w + 2;
      }
    }
    if (matched > 0) {
      covered.fill(true, i, i + matched);
      i += matched - 1;
    }
  }
}

function isInsideDottedNumber(text: string, word: Word): boolean {
  const before = text[word.start - 1];
  const after = text[word.end];
  return (
    (before === '.' && /\d/.test(text[word.start - 2] ?? '')) ||
    (after === '.' && /\d/.test(text[word.end + 1] ?? ''))
  );
}

function findEventIds(text: string, words: readonly Word[], out: Findings): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.text.length !== 4 || !/^[1-9]\d{3}$/.test(w.text) || isInsideDottedNumber(text, w)) continue;
    const id = Number(w.text);
    const known = getEventId(id) !== undefined;
    const keyworded = [words[i - 1], words[i - 2], words[i - 3]].some((p) => p && EVENT_KEYWORDS.has(p.text));
    if (keyworded && (known || (id >= 6000 && id < 7000)))
      out.add('event-id', String(id), w.text, 0.95, w.start);
    else if (known && id >= 6000) out.add('event-id', String(id), w.text, 0.6, w.start);
    else if (known && /pcns|event|hændelse/i.test(text))
      out.add('event-id', String(id), w.text, 0.6, w.start);
  }
}

function findBuilds(text: string, out: Findings): void {
  for (const m of text.matchAll(BUILD)) {
    const [raw, major, minor] = m;
    if (major === '4' && Number(minor) <= 6) out.add('mim-build', raw, raw, 0.95, m.index ?? 0);
    else if (major === '1' && minor === '1') out.add('connector-build', raw, raw, 0.95, m.index ?? 0);
  }
  for (const m of text.matchAll(SHORT_MIM_BUILD)) {
    // Not the first three parts of a four-part build, which the loop above already read.
    if (text[(m.index ?? 0) - 1] === '.') continue;
    out.add('mim-build', `${m[0]}.0`, m[0], 0.85, m.index ?? 0);
  }
}

// "my C#", "VB.NET": the admin's own code, which the word splitter cannot see.
const CUSTOM_CODE = /\b(?:c#|vb\.net|\.net code|\.net-kode)/i;
const HOUR_WORDS = new Set(['hours', 'hrs', 'h', 'timer', 't', 'days', 'dage', 'døgn']);
const LONG_DURATION = /^\d{1,3}(?:h|t|hrs|timer|d|dage|days)$/;
const KB_NUMBER = /^(?:kb)?\d{6,7}$/;

function findTokens(words: readonly Word[], text: string, out: Findings): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (LONG_DURATION.test(w.text)) out.add('symptom', 'long-duration', w.text, 0.8, w.start);
    // "9 timer", "11 hours": a run that takes hours.
    if (/^\d{1,3}$/.test(w.text) && Number(w.text) >= 2 && HOUR_WORDS.has(words[i + 1]?.text ?? '')) {
      out.add('symptom', 'long-duration', `${w.text} ${words[i + 1].text}`, 0.8, w.start);
    }
    if (KB_NUMBER.test(w.text) && (w.text.startsWith('kb') || words[i - 1]?.text === 'kb')) {
      out.add('symptom', 'kb-reference', w.text, 0.9, w.start);
    }
    if (w.text.length > 9 && w.text.endsWith('exception')) {
      out.add(
        'exception',
        w.text,
        text.slice(w.start, w.end),
        EXCEPTION_WEIGHTS[w.text] ? 0.95 : 0.8,
        w.start,
      );
    } else if (w.text.length === 10 && w.text.startsWith('0x') && /^0x[0-9a-f]{8}$/.test(w.text)) {
      out.add('hresult', w.text, w.text, HRESULT_WEIGHTS[w.text] ? 0.95 : 0.7, w.start);
    } else if (SHORT_HRESULT.test(w.text)) {
      // Task Scheduler and some tools drop the leading zeros of a success code ("0x41301"): the
      // same code as 0x00041301, so it is read as that.
      const value = `0x${w.text.slice(2).padStart(8, '0')}`;
      out.add('hresult', value, text.slice(w.start, w.end), 0.6, w.start);
    }
  }
  const custom = CUSTOM_CODE.exec(text);
  if (custom) out.add('symptom', 'extension-code', custom[0], 0.8, custom.index);
  const frame = STACK_FRAME.exec(text);
  if (frame) out.add('symptom', 'stack-trace', 'at …(', 0.9, frame.index);
}

function findPhrases(text: string, words: readonly Word[], out: Findings, covered: readonly boolean[]): void {
  const matches = [...PHRASES.matchAll(words)];
  type Match = (typeof matches)[number];
  const within = (inner: Match, outer: Match): boolean =>
    outer !== inner && outer.index <= inner.index && inner.index + inner.length <= outer.index + outer.length;
  const cancelling = matches.filter((m) => m.item.kind === 'symptom' && CANCELS.has(m.item.value));
  const cancelled = (m: Match): boolean =>
    m.item.kind === 'symptom' &&
    cancelling.some((c) => within(m, c) && (CANCELS.get(c.item.value)?.has(m.item.value) ?? false));
  // "Web Service MA" names the Web Services connector, not the FIM Service MA its tail spells.
  const connectors = matches.filter((m) => m.item.kind === 'connector');
  const insideLongerName = (m: Match): boolean =>
    m.item.kind === 'connector' && connectors.some((c) => c.length > m.length && within(m, c));
  for (const m of matches) {
    if (covered[m.index] || covered[m.index + m.length - 1] || cancelled(m) || insideLongerName(m)) continue;
    const raw = rawOf(text, words, m.index, m.length);
    const at = words[m.index].start;
    switch (m.item.kind) {
      case 'symptom':
        out.add('symptom', m.item.value, raw, 0.8, at, SAID_OUTRIGHT.has(m.item.value));
        break;
      case 'connector':
        out.add('connector', m.item.value, raw, 0.9, at);
        break;
      case 'alias': {
        const entry = CODE_BY_COMPACT.get(compactKey(m.item.value));
        if (entry) out.add(entry.kind, entry.code, raw, 0.8, at);
        break;
      }
      case 'domain':
        out.add('symptom', 'mim-sync', raw, 0.5, at);
        break;
      case 'product':
        // "vi bruger ikke Entra provisioning", "not Azure AD Connect": named to be ruled out.
        out.add(negatedAt(text, words, m.index) ? 'not-product' : 'product', m.item.value, raw, 0.9, at);
        break;
      case 'not-product':
        out.add(m.item.kind, m.item.value, raw, 0.9, at);
        break;
    }
  }
}

/** Words that negate what follows them; "t" is what is left of "don't" and "isn't" once split. */
const NEGATORS = new Set(['not', 'ikke', 'no', 'never', 'aldrig', 'without', 'uden', 't']);
/**
 * Verbs a negation reaches across ("we don't use X", "fordi vi ikke bruger X"). Others keep the product
 * the subject: "I can't find the Entra Connect setting" is about Entra Connect.
 */
const HAVE_OR_USE = new Set(['use', 'using', 'have', 'run', 'running', 'bruger', 'har', 'kører', 'involve']);
/** SENTENCE_END without its global flag, for a stateless test of the gap between two words. */
const BREAK_BETWEEN = new RegExp(SENTENCE_END.source);

/** "not X", "ikke X", "don't use X": a negation right before the word at `index`, in its sentence. */
function negatedAt(text: string, words: readonly Word[], index: number): boolean {
  const joined = (k: number) => !BREAK_BETWEEN.test(text.slice(words[k].end, words[k + 1].start));
  const before = words[index - 1];
  if (!before || !joined(index - 1)) return false;
  if (NEGATORS.has(before.text)) return true;
  const twoBack = words[index - 2];
  return (
    twoBack !== undefined && HAVE_OR_USE.has(before.text) && joined(index - 2) && NEGATORS.has(twoBack.text)
  );
}

/** "run stopped with extension-dll-exception": the run status is the stopped- form of the object code. */
function inferStoppedStatus(words: readonly Word[], out: Findings): void {
  if (!words.some((w) => w.text.startsWith('stop'))) return;
  for (const f of out.list()) {
    if (f.kind !== 'object-error') continue;
    const status = CODE_BY_COMPACT.get(compactKey(`stopped-${f.value}`));
    if (status && status.kind === 'run-status' && !out.has('run-status', status.code)) {
      out.add('run-status', status.code, f.raw, Math.min(f.confidence, 0.8), -1);
    }
  }
}

/** Pull out everything a MIM admin's message tells: codes, event IDs, builds, names, symptoms, language. */
export function recognize(input: string): Recognition {
  const text = clip(input);
  const words = toWords(text);
  const emphasisAt = emphasisOf(text, words);
  const out = new Findings(emphasisAt);
  const covered = new Array<boolean>(words.length).fill(false);
  findCodes(text, words, out, covered);
  findEventIds(text, words, out);
  findBuilds(text, out);
  findTokens(words, text, out);
  findPhrases(text, words, out, covered);
  inferStoppedStatus(words, out);
  const own = ownAccount(text, words, emphasisAt);
  return {
    text,
    findings: out.list(),
    lang: detectLanguage(words),
    words: own.words,
    ownLength: own.length,
  };
}

/**
 * The greeting and pleasantries a post opens with ("Hi all, hope you had a good weekend. A question
 * from our side:", "Hej alle sammen, håber I kan hjælpe."): not part of the account. Only a greeting
 * word with a few words after it, and sentences of hope or "a question", so an opening line that
 * already says what fails ("Hi, our ADMA stops every night") loses only its "Hi,".
 */
const LEADING_GREETING =
  /^\s*(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|morning|hej|hejsa|halløj|godmorgen|goddag|kære)\b(?:[ \t]+(?:all|everyone|everybody|team|folks|guys|there|alle|sammen|allesammen|i|jer)\b){0,2}[ \t]*[,.!:]*\s*)/i;
const LEADING_PLEASANTRY =
  /^(?:(?:i )?(?:hope|håber)\b[^.!?\n]{0,100}[.!?]+\s*|(?:(?:a|one|quick|short|et|hurtigt|kort)[ \t]+)?(?:question|spørgsmål)(?:[ \t]+(?:from|fra)[ \t]+(?:our|my|os|mig|vores)(?:[ \t]+(?:side|team))?)?[ \t]*:\s*)/i;

/** How many characters the opening greeting and pleasantries take (0 when there are none). */
export function greetingLength(text: string): number {
  const greeting = LEADING_GREETING.exec(text);
  if (!greeting) return 0;
  let at = greeting[0].length;
  for (let m = LEADING_PLEASANTRY.exec(text.slice(at)); m && m[0].length > 0;) {
    at += m[0].length;
    m = LEADING_PLEASANTRY.exec(text.slice(at));
  }
  // A greeting that is the whole message is what the admin said: read it.
  return /[\p{L}\p{N}]/u.test(text.slice(at)) ? at : 0;
}

/**
 * What the admin says in their own words: the words the word model reads and the length that makes
 * a post long. The opening greeting, quoted lines, the signature, an environment line and remarks
 * waved away do not count; asides are left out of the words too ("we also have Entra Connect, but
 * it is fine" is not what is asked). A message that is all aside is read whole.
 */
function ownAccount(
  text: string,
  words: readonly Word[],
  emphasisAt: (offset: number) => number,
): { words: string[]; length: number } {
  const greeting = greetingLength(text);
  if (emphasisAt === uniformEmphasis && greeting === 0)
    return { words: words.map((w) => w.text), length: text.length };
  const own: string[] = [];
  let waved = greeting;
  for (const w of words) {
    if (w.start < greeting) continue;
    const weight = emphasisAt(w.start);
    if (weight >= EMPHASIS.plain) own.push(w.text);
    else if (weight < EMPHASIS.aside) waved += w.end - w.start + 1;
  }
  // All aside: read whole, but for the environment lines, which say nothing of what fails.
  const whole = () => words.filter((w) => emphasisAt(w.start) !== EMPHASIS.background).map((w) => w.text);
  return {
    words: own.length > 0 ? own : whole(),
    length: Math.max(0, text.length - waved),
  };
}
