import { ROUTES, type Route } from './types';
import { toPlainText } from './plain-text';
import { toWords } from './words';

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
    .filter((w) => !/^\d+$/.test(w));
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

/** Turn stored counts into log-probabilities once, so scoring a message is a few map lookups. */
export function loadWordModel(data: WordModelData): WordModel {
  const vocab = Object.keys(data.counts).length;
  const docsTotal = data.docs.reduce((s, n) => s + n, 0);
  const logPrior = data.docs.map((n) => Math.log((n + 1) / (docsTotal + data.labels.length)));
  const logLikelihood = new Map<string, Float64Array>();
  for (const [f, row] of Object.entries(data.counts)) {
    logLikelihood.set(
      f,
      Float64Array.from(row, (n, l) => Math.log((n + SMOOTHING) / (data.totals[l] + SMOOTHING * vocab))),
    );
  }
  return {
    coverage(input: string | readonly string[]): number {
      const all = typeof input === 'string' ? features(input) : featuresOfWords(input);
      return all.length === 0 ? 0 : all.filter((f) => logLikelihood.has(f)).length / all.length;
    },
    posterior(input: string | readonly string[]): Map<Route, number> {
      const scores = [...logPrior];
      for (const f of typeof input === 'string' ? features(input) : featuresOfWords(input)) {
        const ll = logLikelihood.get(f);
        if (!ll) continue;
        for (let l = 0; l < scores.length; l++) scores[l] += ll[l];
      }
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const sum = exp.reduce((s, n) => s + n, 0);
      return new Map(data.labels.map((label, l) => [label, exp[l] / sum]));
    },
  };
}
