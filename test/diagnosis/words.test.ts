import { PhraseIndex, toWords } from '../../src/diagnosis/words';

/** How a message is split into words: lower case, with where each stood. */

describe('words', () => {
  const texts = (text: string) => toWords(text).map((w) => w.text);

  it('are lower case, split at punctuation, hyphens and underscores, with their offsets', () => {
    expect(toWords('ADMA stopped-server_now')).toEqual([
      { text: 'adma', start: 0, end: 4 },
      { text: 'stopped', start: 5, end: 12 },
      { text: 'server', start: 13, end: 19 },
      { text: 'now', start: 20, end: 23 },
    ]);
  });

  it('read a vowel stretched in chat as typed once, in either language', () => {
    expect(texts('full sync slooow, pleeease help')).toEqual(['full', 'sync', 'slow', 'please', 'help']);
    expect(texts('eksporten er sååå langsom')).toEqual(['eksporten', 'er', 'så', 'langsom']);
    // The offsets stay those of the text as typed.
    expect(toWords('slooow')[0]).toEqual({ text: 'slow', start: 0, end: 6 });
  });

  it('keep doubled letters, joined names and hex numbers as they are', () => {
    expect(texts('full speed StoppedExtensionDllLoad 0x8000ffff')).toEqual([
      'full',
      'speed',
      'stoppedextensiondllload',
      '0x8000ffff',
    ]);
  });
});

describe('a phrase', () => {
  it('is refused when one of its words could never be in a message (a hyphen, a dot)', () => {
    const index = new PhraseIndex<string>();
    expect(() => index.add('full-sync*', 'x')).toThrow(/full-sync/);
    expect(() => index.add('miiserver.exe', 'x')).toThrow(/miiserver\.exe/);
    // Split into words, the same phrase is found.
    index.add('full sync*', 'x');
    expect(index.matchAll(toWords('the full-synchronization hangs')).map((m) => m.item)).toEqual(['x']);
  });
});
