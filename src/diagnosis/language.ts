import type { Lang } from './types';
import type { Word } from './words';

/**
 * Common function words of each language. MIM's own vocabulary is English in both, so only
 * words that an English sentence would not use count as Danish, and the other way round.
 */
const MARKERS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(
    'the is are was were and but not with after when what why how does doesn did didn can could should would our my we it this that there have has from into only still keeps every just any of on in to by'.split(
      ' ',
    ),
  ),
  da: new Set(
    'og ikke jeg vi vores min mit det den der er var har kan skal vil hvad hvorfor hvordan hvornår når efter med på til fra af som men også stadig bare nu hver alle kører virker fejler får gør blev bliver hvis eller om ingen noget nogen hele os dem jeres man meget godt lige igen altså sker'.split(
      ' ',
    ),
  ),
};

const DANISH_LETTERS = /[æøå]/i;
// Only real words count: Latin-1 noise in pasted binary is full of æ, ø and å.
const WORD_SHAPE = /^[a-zæøå]{2,24}$/;

/** The language a message is written in, or null when it is too short or mixed to tell. */
export function detectLanguage(words: readonly Word[]): Lang | null {
  let en = 0;
  let da = 0;
  for (const { text } of words) {
    if (MARKERS.da.has(text)) da++;
    else if (MARKERS.en.has(text)) en++;
    if (DANISH_LETTERS.test(text) && WORD_SHAPE.test(text)) da += 0.5;
  }
  if (da >= 1.5 && da > en * 1.2) return 'da';
  if (en >= 1.5 && en > da * 1.2) return 'en';
  return null;
}
