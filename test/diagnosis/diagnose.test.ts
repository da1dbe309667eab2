import * as decideModule from '../../src/diagnosis/decide';
import * as recognizeModule from '../../src/diagnosis/recognize';
import { diagnose } from '../../src/diagnosis/diagnose';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('diagnosing a message', () => {
  it('reads an identical message once and decides on it once', () => {
    const recognize = jest.spyOn(recognizeModule, 'recognize');
    const decide = jest.spyOn(decideModule, 'decide');
    const text = 'FIM MA export ends in stopped-server every night (reading test 1)';
    const first = diagnose(text);
    const again = diagnose(text);
    expect(again).toBe(first);
    expect(recognize).toHaveBeenCalledTimes(1);
    expect(decide).toHaveBeenCalledTimes(1);
    expect(first.decision).toMatchObject({ statusCode: 'stopped-server' });
  });

  it('reads a different message anew', () => {
    const recognize = jest.spyOn(recognizeModule, 'recognize');
    const a = diagnose('PCNS logs event 6025 on DC01 (reading test 2)');
    const b = diagnose('PCNS logs event 6025 on DC02 (reading test 2)');
    expect(b).not.toBe(a);
    expect(recognize).toHaveBeenCalledTimes(2);
  });

  it('hands out results nobody can edit, so the next user gets the same answer', () => {
    const { recognition, decision, reply } = diagnose(
      'ADMA delta import stopped-connectivity (reading test 3)',
    );
    expect(() =>
      recognition.findings.push({ kind: 'connector', value: 'x', raw: 'x', confidence: 1 }),
    ).toThrow(TypeError);
    expect(Object.isFrozen(reply)).toBe(true);
    expect(() => {
      decision.candidates[0]!.score = 99;
    }).toThrow(TypeError);
  });

  it('does not keep a long paste, which hardly repeats', () => {
    const recognize = jest.spyOn(recognizeModule, 'recognize');
    const paste = `stopped-extension-dll-exception\n${'   at Mms.Rules.Provision(MVEntry mventry)\n'.repeat(60)}`;
    const first = diagnose(paste);
    const again = diagnose(paste);
    expect(recognize).toHaveBeenCalledTimes(2);
    expect(Object.isFrozen(first)).toBe(false);
    expect(again.decision.route).toBe(first.decision.route);
  });
});

describe('an exception that only reports how a run ended', () => {
  const trace = (exception: string, frames: string) =>
    `Our scheduler stops at the first step:\n\nUnhandled Exception: ${exception}\n${frames}\nWhat does that point at?`;
  /** A scheduler's own frames: no extension method on the stack. */
  const schedulerFrames =
    '   at Contoso.Scheduler.Runner.RunStep(String name)\n   at Contoso.Scheduler.Program.Main(String[] args)';

  it('is read as the run status it carries, not as code that failed', () => {
    const d = diagnose(
      trace('Contoso.Scheduler.RunFailedException: stopped-connectivity', schedulerFrames),
    ).decision;
    expect({ route: d.route, statusCode: d.statusCode }).toEqual({
      route: 'run-error-codes',
      statusCode: 'stopped-connectivity',
    });
  });

  it('is still the extension’s own when its message says more or an extension method threw it', () => {
    const ownWords = diagnose(
      trace(
        'System.NullReferenceException: Object reference not set to an instance of an object.',
        schedulerFrames,
      ),
    ).decision;
    expect(ownWords.route).toBe('extension-dll-exception');
    const inProvision = diagnose(
      trace(
        'System.InvalidOperationException: stopped-connectivity',
        '   at Contoso.Mv.MVExtensionObject.Microsoft.MetadirectoryServices.IMVSynchronization.Provision(MVEntry mventry)',
      ),
    ).decision;
    expect(inProvision.route).toBe('extension-dll-exception');
  });
});
