/** A word of a message: letters and digits only, lower-cased, with where it stood. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A vowel typed three times or more ("slooow", "pleeease"): chat stretching a word. Only vowels:
 * joined names keep their consonants (StoppedExtensionDllLoad has three l's).
 */
const STRETCHED_ALL = /([aeiouyæøå])\1{2,}/gu;
const VOWELS = new Set('aeiouyæøå');

/** A plain loop: this runs on every word of every message, most of which have no run of three. */
function isStretched(word: string): boolean {
  let digit = false;
  let stretched = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (i >= 2 && word[i] === word[i - 1] && word[i] === word[i - 2] && VOWELS.has(word[i]))
      stretched = true;
  }
  return stretched && !digit;
}

/**
 * Split text into lower-case words; punctuation, hyphens and underscores separate words. A word
 * stretched in chat is read as typed once ("slooow" as "slow"); words with digits (0x8000ffff) stay.
 */
export function toWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    let word = m[0].toLowerCase();
    if (isStretched(word)) word = word.replace(STRETCHED_ALL, '$1');
    words.push({ text: word, start, end: start + m[0].length });
  }
  return words;
}

/**
 * Sentence ends: ?, ! or . followed by space or end (not the dots of 4.6.421.0), line breaks. Not
 * brackets: "(tempdb, memory cap)" inside a question is part of what it asks.
 */
export const SENTENCE_END = /[.!?](?=\s|$)|\n/g;

/** A word of digits only (a build's parts, a count). */
export function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

/** The same key for `stopped-server`, `stopped server`, `StoppedServer`. */
export function compactKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What one word of a phrase may be: the letters and digits `toWords` keeps. */
const PHRASE_WORD = /^[\p{L}\p{N}]+$/u;

interface PatternWord {
  text: string;
  prefix: boolean;
}

interface Entry<T> {
  words: PatternWord[];
  item: T;
}

export interface PhraseMatch<T> {
  item: T;
  /** Index of the first word. */
  index: number;
  length: number;
}

/**
 * Finds phrases ("full sync*", "already exists in management agent") in a word list with a map
 * lookup per word, so matching stays linear in the message length.
 */
export class PhraseIndex<T> {
  private readonly exact = new Map<string, Entry<T>[]>();
  private readonly prefixed = new Map<string, Entry<T>[]>();
  private readonly added: string[] = [];

  /** The phrases as they were added. */
  phrases(): readonly string[] {
    return this.added;
  }

  add(phrase: string, item: T): void {
    this.added.push(phrase);
    const words = phrase
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
    if (words.length === 0) throw new Error(`Empty phrase for ${String(item)}`);
    // Messages are split at hyphens and punctuation: a phrase word holding one could never match.
    const unmatchable = words.find((w) => !PHRASE_WORD.test(w.text));
    if (unmatchable)
      throw new Error(`Phrase "${phrase}" has a word no message can hold: "${unmatchable.text}"`);
    const first = words[0];
    if (first.prefix && first.text.length < 3) throw new Error(`Prefix too short in phrase "${phrase}"`);
    const bucketKey = first.prefix ? first.text.slice(0, 3) : first.text;
    const bucket = first.prefix ? this.prefixed : this.exact;
    const list = bucket.get(bucketKey) ?? [];
    list.push({ words, item });
    bucket.set(bucketKey, list);
  }

  /** Every match, longest first at each position. */
  matchAll(words: readonly Word[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i].text;
      // Two lookups per word and no allocation: this runs for every word of every message.
      for (const bucket of [this.exact.get(w), this.prefixed.get(w.slice(0, 3))]) {
        if (!bucket) continue;
        for (const entry of bucket) {
          if (PhraseIndex.matchesAt(entry.words, words, i)) {
            found.push({ item: entry.item, index: i, length: entry.words.length });
          }
        }
      }
    }
    return found;
  }

  private static matchesAt(pattern: readonly PatternWord[], words: readonly Word[], at: number): boolean {
    if (at + pattern.length > words.length) return false;
    for (let k = 0; k < pattern.length; k++) {
      const p = pattern[k];
      const w = words[at + k].text;
      if (p.prefix ? !w.startsWith(p.text) : w !== p.text) return false;
    }
    return true;
  }
}
