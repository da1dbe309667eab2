import { parseCommand } from '../src/teams/commands';

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
