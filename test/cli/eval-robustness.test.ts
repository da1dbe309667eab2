import { HARMLESS_EDITS, robustness } from '../../src/cli/eval-robustness';
import type { Labelled } from '../../src/cli/eval';

/** `npm run eval:robust`: a greeting, a signature or another product named in passing moves no route. */

const ITEMS: Labelled[] = [
  {
    id: 'r1',
    lang: 'en',
    text: 'The HR MA export ends with stopped-extension-dll-exception since the weekend. Where do I look?',
    expect: 'extension-dll-exception',
  },
  {
    id: 'r2',
    lang: 'da',
    text: 'Vores AD MA delta import stopper med stopped-connectivity hver nat. Hvad betyder det?',
    expect: 'run-error-codes',
  },
  { id: 'r3', lang: 'en', text: 'fim ma ful sync slooow, any tips?', expect: 'fim-ma-slow-full-sync' },
  // Labelled wrong on purpose: not routed right, so no edit can move it.
  { id: 'r4', lang: 'en', text: 'PCNS logs event 6025 on DC01 for every change.', expect: 'update-mim' },
];

describe('robustness to harmless edits', () => {
  it('counts only the messages routed right, and no harmless edit moves them', () => {
    const figures = robustness(ITEMS);
    expect(figures.routedRight).toBe(3);
    expect(figures.edits.map((e) => e.edit)).toEqual(HARMLESS_EDITS.map((e) => e.name));
    expect(figures.edits.filter((e) => e.changed.length > 0)).toEqual([]);
  });

  it('names the messages an edit that changes the question moves', () => {
    const figures = robustness(ITEMS, [
      {
        name: 'the question is about another product',
        after: {
          en: '\n\nTo be clear, all of this is on our Azure AD Connect server, not on MIM.',
          da: '\n\nFor at være tydelig: det hele sker på vores Azure AD Connect-server, ikke på MIM.',
        },
      },
    ]);
    expect(figures.edits[0].changed).toEqual(['r1', 'r2', 'r3']);
  });
});
