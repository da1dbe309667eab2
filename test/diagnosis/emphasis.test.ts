import { EMPHASIS, emphasisOf } from '../../src/diagnosis/emphasis';
import { toWords } from '../../src/diagnosis/words';

/** How much each sentence of a message counts: the one that asks counts most, with or without a "?". */

function weightAt(text: string, part: string): number {
  const offset = text.indexOf(part);
  if (offset < 0) throw new Error(`"${part}" is not in the text`);
  return emphasisOf(text, toWords(text))(offset);
}

describe('the sentence that asks', () => {
  it.each([
    ['a question mark', 'The HR MA export fails every night. Is the 6025 on DC01 related?', 'Is the'],
    [
      'an English yes/no question without one',
      'The HR MA export fails every night. Is this a known bug in SP2',
      'Is this',
    ],
    ['"anyone know" without one', 'PCNS logs 6025 on DC01.\nanyone know why the export hangs', 'anyone know'],
    [
      '"so, how do I" after a lead word',
      'Export hangs for hours. So, how do I see what it waits for',
      'how do I',
    ],
    [
      'a Danish question without one',
      'Eksporten fejler hver nat. Er det en kendt fejl i sync engine',
      'Er det',
    ],
    [
      'Danish "findes der"',
      'Det sker efter opdateringen. findes der en nyere version hvor det er løst',
      'findes der',
    ],
  ])('is found by %s', (_how, text, part) => {
    expect(weightAt(text, part)).toBe(EMPHASIS.question);
  });

  it.each([
    ['"which is why"', 'Is the export slow? Which is why we moved it to the night', 'Which is why'],
    ['"do not"', 'Can the run profile wait? Do not restart the service during the run', 'Do not'],
    [
      'a plain statement',
      'Does the FIM MA need a full sync? The export ends in stopped-server',
      'The export',
    ],
    [
      'Danish "har prøvet" with the subject left out',
      'Kan man se det i loggen? Har prøvet at genstarte',
      'Har prøvet',
    ],
  ])('leaves a statement plain: %s', (_how, text, part) => {
    expect(weightAt(text, part)).toBe(EMPHASIS.plain);
  });

  it('weighs nothing when the whole message is one question', () => {
    const text = 'anyone know why the export hangs';
    expect(weightAt(text, 'export')).toBe(EMPHASIS.plain);
  });
});

describe('the environment the admin runs', () => {
  it('counts as background, in either language, and the rest of the post as written', () => {
    const en = 'The HR MA export fails every night.\nEnvironment: MIM 4.6.607.0 on Windows Server 2019.';
    expect(weightAt(en, 'Windows')).toBe(EMPHASIS.background);
    expect(weightAt(en, 'export')).toBe(EMPHASIS.plain);
    const da = 'Eksporten fejler hver nat.\nMiljø: MIM 4.6.607.0 på Windows Server 2019.';
    expect(weightAt(da, 'Windows')).toBe(EMPHASIS.background);
    expect(weightAt(da, 'fejler')).toBe(EMPHASIS.plain);
  });
});
