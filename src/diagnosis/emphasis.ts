import { PhraseIndex, type Word } from './words';

/**
 * How much a part of a message counts. When an admin mentions two problems, the one they ask
 * about is the primary (routing rule 1), and one they wave away ("ignore that", "looks fine")
 * is not the problem at all.
 */
export const EMPHASIS = { question: 1.6, focus: 1.6, aside: 0.6, dismissed: 0.3, plain: 1 } as const;

const DISMISSALS = new PhraseIndex<true>();
for (const phrase of [
  'ignore that',
  'ignore it',
  'ignore the',
  'known thing',
  'known issue we',
  'not the problem',
  'not the issue',
  'not my question',
  'can live with',
  'looks fine',
  'look fine',
  'is fine',
  'are fine',
  'works fine',
  'seems fine',
  'runs fine',
  'otherwise fine',
  'no problem with',
  'ignorer',
  'ikke problemet',
  'ikke det jeg spørger om',
  'kan leve med',
  'ser fin ud',
  'ser fine ud',
  'virker fint',
  'kører fint',
  'ellers fint',
  'er fint',
  'er ligegyldig',
  'that s sorted',
  'thats sorted',
  'is sorted',
  'already fixed',
  'is fixed',
  'now fixed',
  'was fixed',
  'resolved',
  'er løst',
  'er fikset',
  'er ordnet',
  'er klaret',
]) {
  DISMISSALS.add(phrase, true);
}

/** A remark on the side ("also", "btw") counts less than the main sentence. */
const ASIDES = new PhraseIndex<true>();
for (const phrase of [
  'also',
  'btw',
  'by the way',
  'side note',
  'og så',
  'også',
  'desuden',
  'i øvrigt',
  'forresten',
]) {
  ASIDES.add(phrase, true);
}

/** Where the admin says what to look at first. */
const FOCUS = new PhraseIndex<true>();
for (const phrase of [
  'first please',
  'first pls',
  'start with',
  'focus on',
  'først',
  'start med',
  'fokus på',
  'mainly',
  'primarily',
  'primært',
]) {
  FOCUS.add(phrase, true);
}

interface Segment {
  start: number;
  end: number;
  weight: number;
}

// Sentence ends: ?, ! or . followed by space or end (not the dots of 4.6.421.0), line breaks,
// brackets, and a dash between spaces ("the errors I can live with - how do I make it faster?").
const BOUNDARY = /[.!?](?=\s|$)|[\n()]|\s[-–—]\s/g;

/** Split into sentences and weigh each: questions up, dismissed sentences down. */
export function emphasisOf(text: string, words: readonly Word[]): (offset: number) => number {
  const segments: Segment[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + m[0].length;
    segments.push({ start, end, weight: m[0] === '?' ? EMPHASIS.question : EMPHASIS.plain });
    start = end;
  }
  if (start < text.length) segments.push({ start, end: text.length, weight: EMPHASIS.plain });

  // A lone question is the whole message: nothing to weigh it against.
  const questions = segments.filter((s) => s.weight === EMPHASIS.question).length;
  if (questions === segments.filter((s) => text.slice(s.start, s.end).trim()).length) {
    for (const s of segments) s.weight = EMPHASIS.plain;
  }
  const mark = (index: PhraseIndex<true>, weight: number, onlyIfPlain: boolean): void => {
    for (const m of index.matchAll(words)) {
      const at = words[m.index].start;
      const segment = segments.find((s) => at >= s.start && at < s.end);
      if (segment && (!onlyIfPlain || segment.weight === EMPHASIS.plain)) segment.weight = weight;
    }
  };
  mark(ASIDES, EMPHASIS.aside, true);
  mark(FOCUS, EMPHASIS.focus, false);
  mark(DISMISSALS, EMPHASIS.dismissed, false);
  if (segments.every((s) => s.weight === EMPHASIS.plain)) return () => EMPHASIS.plain;
  return (offset: number) => {
    // Segments are few; a linear scan beats building an index for them.
    for (const s of segments) if (offset >= s.start && offset < s.end) return s.weight;
    return EMPHASIS.plain;
  };
}
