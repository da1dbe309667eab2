import { ACTIONS, isClickOnly, parseCardAction, type CardAction } from '../../../src/teams/actions';

/** One well-formed payload per verb, as the bot's cards send them. */
const PAYLOADS: { [V in CardAction['verb']]: Extract<CardAction, { verb: V }> } = {
  answer: { verb: 'answer', questionId: 'symptom#1', choice: 'pcns-6025' },
  showStep: { verb: 'showStep', step: 'update-mim' },
  fixed: { verb: 'fixed', step: 'pcns-6025' },
  stillFailing: { verb: 'stillFailing', step: 'pcns-6025', tried: ['pcns-6025'] },
  startOver: { verb: 'startOver' },
  help: { verb: 'help' },
  escalate: { verb: 'escalate', step: 'run-error-codes' },
  openCase: { verb: 'openCase', submissionId: '0f8fad5b-d9cb-469f-a165-70867728950e', impact: 'question' },
  takeCase: { verb: 'takeCase', caseId: 'MSD-1042' },
  resolveCase: { verb: 'resolveCase', caseId: 'MSD-1042', note: 'new DLL' },
  runAlertOnIt: { verb: 'runAlertOnIt', alertId: '0123456789abcdef01234567.3' },
  runAlertMute: { verb: 'runAlertMute', alertId: '0123456789abcdef01234567.3' },
  runAlertCase: { verb: 'runAlertCase', alertId: '0123456789abcdef01234567.3' },
};

describe('the card verb registry', () => {
  it('has a handler for every verb, and reads each verb back as its card sent it', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(PAYLOADS).sort());
    for (const payload of Object.values(PAYLOADS)) expect(parseCardAction(payload)).toEqual(payload);
  });

  it('answers only the support card buttons without dialog state', () => {
    const clickOnly = Object.values(PAYLOADS)
      .filter((a) => isClickOnly(a))
      .map((a) => a.verb);
    expect(clickOnly).toEqual(['takeCase', 'resolveCase', 'runAlertOnIt', 'runAlertMute', 'runAlertCase']);
  });

  it.each([
    ['no verb', { step: 'update-mim' }],
    ['an unknown verb', { verb: 'deleteEverything' }],
    ['a prototype name as verb', { verb: 'toString' }],
    ['__proto__ as verb', JSON.parse('{"verb":"__proto__"}')],
    ['a verb that is no string', { verb: 42 }],
    ['an array', ['answer']],
    ['null', null],
    ['a string', 'help'],
  ])('rejects %s', (_case, payload) => {
    expect(parseCardAction(payload)).toBeNull();
  });
});

describe('card payloads of the escalation buttons', () => {
  it.each([
    [{ verb: 'escalate' }, { verb: 'escalate' }],
    [
      { verb: 'escalate', step: 'pcns-6025' },
      { verb: 'escalate', step: 'pcns-6025' },
    ],
    [
      {
        verb: 'openCase',
        submissionId: '3f1c7a52-8d0e-4b7a-9c61-2f4e5d6a7b8c',
        description: 'x',
        impact: 'question',
      },
      {
        verb: 'openCase',
        submissionId: '3f1c7a52-8d0e-4b7a-9c61-2f4e5d6a7b8c',
        description: 'x',
        impact: 'question',
      },
    ],
    [
      { verb: 'openCase', submissionId: '3f1c7a52-8d0e', description: '', impact: '' },
      { verb: 'openCase', submissionId: '3f1c7a52-8d0e' },
    ],
    [
      { verb: 'takeCase', caseId: 'MSD-1001', takenBy: { id: '29:boss' } },
      { verb: 'takeCase', caseId: 'MSD-1001' },
    ],
    [
      { verb: 'resolveCase', caseId: 'MSD-1001', note: 'fixed' },
      { verb: 'resolveCase', caseId: 'MSD-1001', note: 'fixed' },
    ],
  ])('accepts %j as %j (extra fields dropped)', (data, expected) => {
    expect(parseCardAction(data)).toEqual(expected);
  });

  it.each([
    { verb: 'escalate', step: 'not-a-step' },
    { verb: 'openCase' },
    { verb: 'openCase', submissionId: 'short' },
    { verb: 'openCase', submissionId: '3f1c7a52-8d0e; drop', description: 'x', impact: 'question' },
    { verb: 'openCase', submissionId: '3f1c7a52-8d0e', impact: 'everything is on fire' },
    { verb: 'openCase', submissionId: '3f1c7a52-8d0e', description: 'x'.repeat(5000) },
    { verb: 'openCase', submissionId: '3f1c7a52-8d0e', description: { $gt: '' } },
    { verb: 'takeCase' },
    { verb: 'takeCase', caseId: '../ledger' },
    { verb: 'takeCase', caseId: 'MSD-1001 ' },
    { verb: 'resolveCase', caseId: 'MSD-1001', note: ['x'] },
  ])('refuses %j', (data) => {
    expect(parseCardAction(data)).toBeNull();
  });
});
