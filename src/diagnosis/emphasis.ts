import { environmentSentences } from './environment-line';
import { PhraseIndex, SENTENCE_END, type Word } from './words';

/**
 * How much a part of a message counts. When an admin mentions two problems, the one they ask
 * about is the primary (routing rule 1), and one they wave away ("ignore that", "looks fine")
 * is not the problem at all. An environment line ("MIM 4.6.607.0 on Windows Server 2019") is
 * background: below an aside, so it does not make a post long either.
 */
export const EMPHASIS = {
  question: 1.6,
  focus: 1.6,
  aside: 0.6,
  background: 0.5,
  dismissed: 0.3,
  plain: 1,
} as const;

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
  // "PCNS to MIM on the same DCs is working again": a neighbour that recovered, not the question.
  'working again',
  'works again',
  'virker igen',
  'kører igen',
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
  'not worried',
  'ikke involveret',
  'not involved',
  'isn t involved',
  'is not involved',
  'no errors',
  'no error',
  'ingen fejl',
  'don t care about',
  'ikke bekymret',
  'no custom code',
  'no custom',
  'no rules extension',
  'no extension',
  'ingen egen kode',
  'ingen kode',
  'ingen extension',
  'not pcns',
  'isn t pcns',
  'ikke pcns',
  'nothing to do with',
  'intet at gøre med',
  'har ikke noget med',
  'no 6025',
  'not a 6025',
  'ingen 6025',
  'ikke 6025',
  'nothing with kerberos',
  'intet med kerberos',
  'which is expected',
  'that is expected',
  'is expected',
  'are expected',
  'as expected',
  'er forventet',
  'som forventet',
  'hvilket er forventet',
  'haven t touched',
  'have not touched',
  // "a design question, not an error"; "I can't see any failed-creation errors".
  'not an error',
  'not a bug',
  'ikke en fejl',
  'ikke en bug',
  'can t see any',
  'cannot see any',
  'don t see any',
  'do not see any',
  'kan ikke se nogen',
  'ser ingen',
  // "the Microsoft generic connector, not our own code": the admin's code ruled out.
  'not our code',
  'not our own code',
  'ikke vores kode',
  'ikke vores egen kode',
  // "(not the Generic SQL connector)": a connector named only to rule it out.
  'not the generic',
  'not generic',
  'ikke generic',
  'ikke den generic*',
]) {
  DISMISSALS.add(phrase, true);
}

/**
 * "That's sorted" waves a problem away; asked ("is there a build where this is fixed?") it is the
 * question itself, so these count as dismissals only outside a question.
 */
const RESOLVED = [
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
];
for (const phrase of RESOLVED) DISMISSALS.add(phrase, true);
const RESOLVED_ONLY = new Set(RESOLVED);

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
  'main problem',
  'what we need help with',
  'what i need help with',
  'vil have hjælp til',
  'har brug for hjælp til',
  'real problem',
  'my question',
  'hovedproblemet',
  'first please',
  'first pls',
  'lets start with',
  'let s start with',
  'focus on',
  'først',
  'lad os starte med',
  'fokus på',
  'mainly',
  'primarily',
  'primært',
]) {
  FOCUS.add(phrase, true);
}

interface Marker {
  weight: number;
  /** A "that's fixed" phrase: a dismissal only outside a question. */
  resolved: boolean;
}

/** The three lists in one index, each phrase carrying its weight: one pass over the words. */
const MARKERS = new PhraseIndex<Marker>();
for (const [index, weight] of [
  [FOCUS, EMPHASIS.focus],
  [ASIDES, EMPHASIS.aside],
  [DISMISSALS, EMPHASIS.dismissed],
] as const) {
  for (const phrase of index.phrases())
    MARKERS.add(phrase, { weight, resolved: weight === EMPHASIS.dismissed && RESOLVED_ONLY.has(phrase) });
}

interface Segment {
  start: number;
  end: number;
  weight: number;
}

// Clauses within a sentence: commas, semicolons, a colon before a space, a dash between spaces.
const CLAUSE_END = /[.!?](?=\s|$)|[\n();,]|:(?=\s)|\s[-–—]\s/g;

function split(text: string, boundary: RegExp, weightOf: (end: string) => number): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = (m.index ?? 0) + m[0].length;
    segments.push({ start, end, weight: weightOf(m[0]) });
    start = end;
  }
  if (start < text.length) segments.push({ start, end: text.length, weight: weightOf('') });
  return segments;
}

/**
 * How a question starts when the admin leaves out the question mark ("anyone know why the export
 * hangs", "hvordan får jeg den til at…"), after an optional "so," or "hi,". Only openers that start
 * nothing but a question: "how the rules extension is loaded" or "what we see" are statements.
 */
const OPENERS = [
  String.raw`how (?:do|can|could|would|should|does|did|come|is|are)`,
  String.raw`what (?:is|are|does|do|can|should|would|causes|could)`,
  String.raw`why (?:is|are|does|do|did|would|(?:won|doesn|isn|can)[ '’]t)`,
  String.raw`which (?!is\b|was\b|means\b)\w+`,
  String.raw`(?:is|are|was|were) (?:this|that|it|there|the|a|an|my|our|these|those)`,
  String.raw`(?:does|did|can|could|should|would|will) (?!not\b)\w+`,
  String.raw`do (?:i|we|you|they|the|these|any|mim|fim)`,
  String.raw`(?:has|have) (?:anyone|anybody|someone|somebody)`,
  String.raw`anyone (?:know|knows|seen|else|have|got|ever)`,
  String.raw`any (?:idea|ideas|clue|suggestions|hints|tips|pointers)`,
  String.raw`hvordan|hvorfor|hvilken|hvilke|nogen der|findes der`,
  String.raw`hvad (?:er|gør|skal|kan|betyder|sker)`,
  String.raw`(?:er|var) (?:det|der|den|dette|denne|man)`,
  String.raw`(?:kan|skal|bør|må|vil) (?:man|jeg|vi|i|nogen|du|den|det|der|mim|fim)`,
  String.raw`(?:giver|virker|hjælper|gør) (?:det|man)`,
  String.raw`(?:har|ved|kender) (?:nogen|i|du)`,
  String.raw`nogen (?:idéer|ideer|forslag|bud)`,
].join('|');
const LEAD = String.raw`[ \t>*•-]*(?:(?:so|and|but|ok|okay|hi|hello|hey|og|men|så|hej)[ \t,]+)?`;
const QUESTION_OPENER = new RegExp(String.raw`^${LEAD}(?:${OPENERS})\b`, 'i');
/** The same anywhere a sentence starts: most messages have none, and keep the fast path. */
const OPENER_ANYWHERE = new RegExp(String.raw`(?:^|[.!?]\s+|\n)${LEAD}(?:${OPENERS})\b`, 'i');

/** True when the sentence ends in a question mark, or starts as only a question does. */
function asks(text: string, sentence: Segment | undefined): boolean {
  if (sentence === undefined) return false;
  const own = text.slice(sentence.start, sentence.end).trim();
  return own.endsWith('?') || QUESTION_OPENER.test(own);
}

function mayAskWithoutMark(text: string): boolean {
  return OPENER_ANYWHERE.test(text);
}

function at(segments: readonly Segment[], offset: number): Segment | undefined {
  // Segments are few; a linear scan beats building an index for them.
  return segments.find((s) => offset >= s.start && offset < s.end);
}

/** A line that starts a signature: what follows is the writer, not the problem. */
const SIGN_OFF =
  /^[ \t]*(?:--|best regards|kind regards|regards|thanks(?: in advance)?|thank you|cheers|br|mvh|med venlig hilsen|venlig hilsen|vh|hilsen|tak på forhånd|på forhånd tak)[ \t,.!]*$/gim;
/** A signature is a few lines: name, title, company, phone, a disclaimer. */
const SIGNATURE_LINES = 6;
/** A line quoted from an earlier message ("> ..."), as mail and forum replies show it. */
const QUOTED_LINE = /^[ \t]*>.*$/gm;

/**
 * Parts of a long post that are not the admin's own words: lines quoted from earlier messages and
 * the signature after a sign-off line near the end. Both count as little as a remark waved away.
 */
function regionsOf(text: string): Segment[] {
  const regions: Segment[] = [];
  if (text.includes('>')) {
    for (const m of text.matchAll(QUOTED_LINE)) {
      const start = m.index ?? 0;
      regions.push({ start, end: start + m[0].length, weight: EMPHASIS.dismissed });
    }
  }
  const signOff = signatureStart(text);
  if (signOff !== undefined) regions.push({ start: signOff, end: text.length, weight: EMPHASIS.dismissed });
  for (const line of environmentSentences(text)) regions.push({ ...line, weight: EMPHASIS.background });
  return regions;
}

/** What `emphasisOf` returns when every part of a message counts the same (most messages). */
export const uniformEmphasis = (_offset: number): number => EMPHASIS.plain;

/**
 * Where the signature starts: a sign-off line after the admin's own text with only a few lines
 * after it, or near the end of a long post. "Thanks" on the first line is a greeting.
 */
function signatureStart(text: string): number | undefined {
  for (const m of text.matchAll(SIGN_OFF)) {
    const at = m.index ?? 0;
    if (text.slice(0, at).trim() === '') continue;
    const after = text
      .slice(at + m[0].length)
      .split('\n')
      .filter((line) => line.trim() !== '');
    if (after.length <= SIGNATURE_LINES || at >= text.length * 0.6) return at;
  }
  return undefined;
}

/**
 * Weigh the parts of a message: a sentence that asks counts more; a clause that waves something away
 * ("no errors in the event log", "that's sorted") or is an aside counts less; "the hang first" counts
 * more; quoted lines and a signature count less.
 */
export function emphasisOf(text: string, words: readonly Word[]): (offset: number) => number {
  const sentenceWeight = sentenceEmphasis(text, words);
  const regions = regionsOf(text);
  if (regions.length === 0) return sentenceWeight;
  return (offset: number) => {
    const region = at(regions, offset);
    const weight = sentenceWeight(offset);
    return region ? Math.min(region.weight, weight) : weight;
  };
}

function sentenceEmphasis(text: string, words: readonly Word[]): (offset: number) => number {
  const marks = MARKERS.matchAll(words);
  // Most messages neither ask against a statement nor mark anything: skip the splitting.
  if (marks.length === 0 && !text.includes('?') && !mayAskWithoutMark(text)) return uniformEmphasis;
  const sentences = split(text, SENTENCE_END, () => EMPHASIS.plain);
  for (const s of sentences) if (asks(text, s)) s.weight = EMPHASIS.question;
  // A lone question is the whole message: nothing to weigh it against.
  const nonEmpty = sentences.filter((s) => text.slice(s.start, s.end).trim());
  if (nonEmpty.every((s) => s.weight === EMPHASIS.question))
    for (const s of sentences) s.weight = EMPHASIS.plain;

  const clauses = split(text, CLAUSE_END, () => 0);
  // Where markers disagree about a clause, the lower weight wins: "the main problem is fine now".
  for (const m of marks) {
    const offset = words[m.index].start;
    if (m.item.resolved && asks(text, at(sentences, offset))) continue;
    const clause = at(clauses, offset);
    if (clause && (clause.weight === 0 || m.item.weight < clause.weight)) clause.weight = m.item.weight;
  }

  if (sentences.every((s) => s.weight === EMPHASIS.plain) && clauses.every((c) => c.weight === 0)) {
    return uniformEmphasis;
  }
  return (offset: number) => {
    const marked = at(clauses, offset)?.weight ?? 0;
    return marked > 0 ? marked : (at(sentences, offset)?.weight ?? EMPHASIS.plain);
  };
}
