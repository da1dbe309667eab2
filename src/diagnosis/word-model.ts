import { ROUTES, type Route } from './types';
import { toPlainText } from './plain-text';
import { isNumber, toWords } from './words';

/**
 * A small naive Bayes model over the words of labelled admin messages. The phrase tables catch what
 * admins usually write; this catches the long tail of indirect wording ("the DCs can't get a ticket
 * for the sync box") that no table lists. It only adds to the evidence; codes still decide.
 */

/** The trained model as stored in knowledge/word-model.json (counts, so it stays inspectable). */
export interface WordModelData {
  /** Routes in the order of every count array. */
  labels: Route[];
  /** Messages per label. */
  docs: number[];
  /** Feature occurrences per label, summed. */
  totals: number[];
  /** Feature -> occurrences per label. */
  counts: Record<string, number[]>;
}

export interface WordModel {
  /** From the message text, or from its words as the recognizer split them. */
  posterior(input: string | readonly string[]): Map<Route, number>;
  /** Share of the message's features the model has seen: low for noise, where its guess means little. */
  coverage(input: string | readonly string[]): number;
}

const SMOOTHING = 0.5;
/** A long paste says what it is about in its first lines; the rest would only slow scoring. */
const MAX_WORDS = 1500;

/** Cheaper than a regular expression on every word: most words are plain ASCII. */
function hasNonAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return true;
  return false;
}

/** Danish letters also written as ae/oe/aa: both spellings become one feature. */
function fold(word: string): string {
  return hasNonAscii(word) ? word.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa') : word;
}

/** Words, a five-letter stem of longer words (hænger/hængende), and word pairs; numbers left out. */
export function features(text: string): string[] {
  return featuresOfWords(toWords(toPlainText(text)).map((w) => w.text));
}

/** The same from words already split and lower-cased (the recognizer's), so a message is split once. */
export function featuresOfWords(all: readonly string[]): string[] {
  const words = all
    .slice(0, MAX_WORDS)
    .map(fold)
    .filter((w) => !isNumber(w));
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(words[i]);
    if (words[i].length >= 6) out.add(`~${words[i].slice(0, 5)}`);
    if (i > 0) out.add(`${words[i - 1]}_${words[i]}`);
  }
  return [...out];
}

/** Count features per label over labelled messages; features seen only once are dropped as noise. */
export function trainWordModel(items: readonly { text: string; expect: Route }[]): WordModelData {
  const labels = [...ROUTES];
  const index = new Map(labels.map((l, i) => [l, i]));
  const docs = labels.map(() => 0);
  const raw = new Map<string, number[]>();
  for (const item of items) {
    const l = index.get(item.expect);
    if (l === undefined) throw new Error(`Unknown label ${item.expect}`);
    docs[l]++;
    for (const f of features(item.text)) {
      const row = raw.get(f) ?? labels.map(() => 0);
      row[l]++;
      raw.set(f, row);
    }
  }
  const counts: Record<string, number[]> = {};
  for (const [f, row] of [...raw].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (row.reduce((s, n) => s + n, 0) >= 2) counts[f] = row;
  }
  const totals = labels.map((_, l) => Object.values(counts).reduce((s, row) => s + row[l], 0));
  return { labels, docs, totals, counts };
}

/**
 * The stored features indexed for scoring without building them: words, stems (without the `~`)
 * and word pairs (first word -> second word), each to its row of log-likelihoods.
 */
interface FeatureIndex {
  words: Map<string, number>;
  stems: Map<string, number>;
  pairs: Map<string, Map<string, number>>;
}

function indexFeatures(names: readonly string[]): FeatureIndex {
  const index: FeatureIndex = { words: new Map(), stems: new Map(), pairs: new Map() };
  names.forEach((name, row) => {
    if (name.startsWith('~')) index.stems.set(name.slice(1), row);
    else if (name.includes('_')) {
      // Words hold letters and digits only, so the underscore is the pair's one joint.
      const [first, second] = name.split('_');
      let seconds = index.pairs.get(first);
      if (!seconds) index.pairs.set(first, (seconds = new Map()));
      seconds.set(second, row);
    } else index.words.set(name, row);
  });
  return index;
}

/** Turn stored counts into log-probabilities once, so scoring a message is a few map lookups. */
export function loadWordModel(data: WordModelData): WordModel {
  const names = Object.keys(data.counts);
  const vocab = names.length;
  const labels = data.labels.length;
  const docsTotal = data.docs.reduce((s, n) => s + n, 0);
  const logPrior = data.docs.map((n) => Math.log((n + 1) / (docsTotal + labels)));
  const logLikelihood = new Float64Array(vocab * labels);
  names.forEach((f, row) => {
    data.counts[f].forEach((n, l) => {
      logLikelihood[row * labels + l] = Math.log((n + SMOOTHING) / (data.totals[l] + SMOOTHING * vocab));
    });
  });
  const index = indexFeatures(names);
  const known = new Set(names);
  // Each feature counts once per message (as in training): a row is marked with the message's turn.
  const seenIn = new Uint32Array(vocab);
  let turn = 0;

  const posteriorOfWords = (all: readonly string[]): Map<Route, number> => {
    const scores = [...logPrior];
    turn = turn === 0xffffffff ? 1 : turn + 1;
    if (turn === 1) seenIn.fill(0);
    const add = (row: number | undefined): void => {
      if (row === undefined || seenIn[row] === turn) return;
      seenIn[row] = turn;
      for (let l = 0; l < labels; l++) scores[l] += logLikelihood[row * labels + l];
    };
    // The same features as featuresOfWords, in the same order, without building them.
    let previous: string | undefined;
    const end = Math.min(all.length, MAX_WORDS);
    for (let i = 0; i < end; i++) {
      const word = fold(all[i]);
      if (isNumber(word)) continue;
      add(index.words.get(word));
      if (word.length >= 6) add(index.stems.get(word.slice(0, 5)));
      if (previous !== undefined) add(index.pairs.get(previous)?.get(word));
      previous = word;
    }
    const max = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - max));
    const sum = exp.reduce((s, n) => s + n, 0);
    return new Map(data.labels.map((label, l) => [label, exp[l] / sum]));
  };
  const wordsOf = (text: string): string[] => toWords(toPlainText(text)).map((w) => w.text);

  return {
    coverage(input: string | readonly string[]): number {
      const all = typeof input === 'string' ? features(input) : featuresOfWords(input);
      return all.length === 0 ? 0 : all.filter((f) => known.has(f)).length / all.length;
    },
    posterior(input: string | readonly string[]): Map<Route, number> {
      return posteriorOfWords(typeof input === 'string' ? wordsOf(input) : input);
    },
  };
}
