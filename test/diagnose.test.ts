import * as decideModule from '../src/diagnosis/decide';
import * as recognizeModule from '../src/diagnosis/recognize';
import { decideOn, readMessage } from '../src/teams/message-reading';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('reading a message', () => {
  it('reads an identical message once and decides on it once', () => {
    const recognize = jest.spyOn(recognizeModule, 'recognize');
    const decide = jest.spyOn(decideModule, 'decide');
    const text = 'FIM MA export ends in stopped-server every night (reading test 1)';
    const first = readMessage(text);
    const again = readMessage(text);
    expect(again).toBe(first);
    expect(decideOn(again)).toBe(decideOn(first));
    expect(recognize).toHaveBeenCalledTimes(1);
    expect(decide).toHaveBeenCalledTimes(1);
    expect(decideOn(first)).toMatchObject({ statusCode: 'stopped-server' });
  });

  it('reads a different message anew', () => {
    const recognize = jest.spyOn(recognizeModule, 'recognize');
    const a = readMessage('PCNS logs event 6025 on DC01 (reading test 2)');
    const b = readMessage('PCNS logs event 6025 on DC02 (reading test 2)');
    expect(b).not.toBe(a);
    expect(recognize).toHaveBeenCalledTimes(2);
  });

  it('hands out results nobody can edit, so the next user gets the same answer', () => {
    const recognition = readMessage('ADMA delta import stopped-connectivity (reading test 3)');
    expect(() =>
      recognition.findings.push({ kind: 'connector', value: 'x', raw: 'x', confidence: 1 }),
    ).toThrow(TypeError);
    const decision = decideOn(recognition);
    expect(() => {
      decision.candidates[0]!.score = 99;
    }).toThrow(TypeError);
  });

  it('does not keep a long paste, which hardly repeats', () => {
    const recognize = jest.spyOn(recognizeModule, 'recognize');
    const paste = `stopped-extension-dll-exception\n${'   at Mms.Rules.Provision(MVEntry mventry)\n'.repeat(60)}`;
    const first = readMessage(paste);
    readMessage(paste);
    expect(recognize).toHaveBeenCalledTimes(2);
    expect(Object.isFrozen(first)).toBe(false);
    expect(decideOn(first).route).toBe(decideOn(readMessage(paste)).route);
  });
});
