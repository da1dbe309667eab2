import { COMMANDS, commandLanguage, parseCommand } from '../../../src/teams/commands';

describe('the command registry', () => {
  it('has a handler and a pattern for every command', () => {
    for (const [id, def] of Object.entries(COMMANDS)) {
      expect(typeof def.handle).toBe('function');
      expect(def.pattern.source.startsWith('^')).toBe(true);
      expect(def.pattern.source.endsWith('$')).toBe(true);
      expect(id).toMatch(/^[a-z][A-Za-z]+$/);
    }
  });

  it.each([
    ['hjælp', 'da'],
    ['help', null],
    ['start forfra', 'da'],
    ['start over', null],
    ['fejler stadig', 'da'],
    ['kode cd-error', 'da'],
    ['slet mine data', 'da'],
    ['brug kanalen til eskaleringer', 'da'],
    ['sprog engelsk', null],
  ])('"%s" is written in %s', (text, lang) => {
    expect(commandLanguage(text)).toBe(lang);
  });

  it('takes no argument it does not know', () => {
    expect(parseCommand('language klingon')).toBeNull();
    expect(parseCommand('language __proto__')).toBeNull();
    expect(parseCommand('sprog dansk')).toEqual({ id: 'language', lang: 'da' });
  });
});
