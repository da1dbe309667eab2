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

describe('parseCommand', () => {
  it.each([
    ['help', { id: 'help' }],
    ['Hjælp', { id: 'help' }],
    ['start over', { id: 'startOver' }],
    ['Start forfra', { id: 'startOver' }],
    ['cancel', { id: 'startOver' }],
    ['status stopped-connectivity', { id: 'status', code: 'stopped-connectivity' }],
    ['kode stopped server', { id: 'status', code: 'stopped server' }],
    ['version 4.6.421.0', { id: 'version', build: '4.6.421.0' }],
    ['language danish', { id: 'language', lang: 'da' }],
    ['sprog engelsk', { id: 'language', lang: 'en' }],
  ])('reads "%s" as a command', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    'full sync hangs for hours',
    'status',
    'language klingon',
    'the run status is stopped-server and it helps nothing',
  ])('leaves "%s" to the recognizer', (text) => {
    expect(parseCommand(text)).toBeNull();
  });
});

describe('escalation commands', () => {
  it.each([
    ['escalate', 'escalate'],
    ['Eskalér', 'escalate'],
    ['eskaler', 'escalate'],
    ['escalate to support', 'escalate'],
    ['my cases', 'myCases'],
    ['Mine sager', 'myCases'],
    ['delete my data', 'deleteMyData'],
    ['slet mine data', 'deleteMyData'],
    ['open cases', 'openCases'],
    ['åbne sager', 'openCases'],
    ['stats', 'stats'],
    ['statistik', 'stats'],
    ['use this channel for escalations', 'useChannel'],
    ['brug kanalen til eskaleringer', 'useChannel'],
  ])('reads "%s" as %s', (text, id) => {
    expect(parseCommand(text)).toEqual({ id });
  });

  it.each(['please escalate this to my manager', 'delete my data and my colleagues data', 'open cases?!'])(
    'leaves "%s" alone',
    (text) => {
      expect(parseCommand(text)).toBeNull();
    },
  );
});
