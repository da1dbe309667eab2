import { environmentSentences, isEnvironmentSentence } from '../../src/diagnosis/environment-line';

/** A sentence that only says what the admin runs is background: it names no failure and asks nothing. */

describe('an environment sentence', () => {
  it.each([
    ['a labelled line', 'Environment: MIM 4.6.607.0 on Windows Server 2019, SQL 2019 on a separate server.'],
    ['a plain "we run" sentence', "We're running FIM 2010 R2 SP1 on Windows 2012 R2 with SQL 2014."],
    ['a Danish line', 'Miljø: MIM 4.6.607.0 på Windows Server 2019, SQL 2019 på en separat server.'],
    ['a Danish "vi kører" sentence', 'Vi kører MIM 2016 SP2 på Windows Server 2022 og SQL 2019.'],
  ])('is found in %s', (_how, sentence) => {
    expect(isEnvironmentSentence(sentence)).toBe(true);
  });

  it.each([
    ['says something happened', 'We upgraded MIM to 4.6.607.0 on Windows Server 2019.'],
    ['asks', 'MIM 4.6.607.0 on Windows Server 2019?'],
    ['names a failure', 'MIM 4.6.607.0 on Windows Server 2019 crashes on export.'],
    ['has no version', 'SQL is on a separate server.'],
    ['names no platform', 'We run 3 management agents.'],
    ['is Danish and says what broke', 'Efter opdateringen til 4.6.607.0 fejler eksporten.'],
  ])('is not a sentence that %s', (_how, sentence) => {
    expect(isEnvironmentSentence(sentence)).toBe(false);
  });

  it('is located in a post by its offsets, the rest of the post left alone', () => {
    const line = 'Environment: MIM 4.6.607.0 on Windows Server 2019, SQL 2019 on a separate server.';
    const text = `The HR MA export stops with stopped-server every night.\n${line}\nWhat does that status mean?`;
    expect(environmentSentences(text).map(({ start, end }) => text.slice(start, end).trim())).toEqual([line]);
    expect(environmentSentences('The HR MA export stops with stopped-server every night.')).toEqual([]);
  });
});
