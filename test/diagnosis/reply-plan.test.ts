import { planReply, plausibleSteps } from '../../src/diagnosis/reply-plan';
import type { Decision } from '../../src/diagnosis/types';

const base: Decision = {
  kind: 'answer',
  route: 'run-error-codes',
  candidates: [{ step: 'run-error-codes', score: 6 }],
  confidence: 0.8,
  statusCode: 'stopped-server',
  objectCode: null,
  secondary: null,
};

describe('what the bot does with a decision', () => {
  it.each<[string, Decision, ReturnType<typeof planReply>]>([
    [
      'answers a sure decision',
      base,
      { kind: 'answer', step: 'run-error-codes', secondary: null, lowConfidence: false },
    ],
    [
      'answers an unsure one, saying so',
      { ...base, confidence: 0.4 },
      { kind: 'answer', step: 'run-error-codes', secondary: null, lowConfidence: true },
    ],
    [
      'asks between two or more candidates, offering exactly those',
      {
        ...base,
        kind: 'clarify',
        candidates: [
          { step: 'run-error-codes', score: 4 },
          { step: 'update-mim', score: 3.5 },
        ],
      },
      { kind: 'clarify', candidates: ['run-error-codes', 'update-mim'] },
    ],
    [
      'answers a clarify decision with one candidate, unsure (a question with one choice is none)',
      { ...base, kind: 'clarify', confidence: 0.9 },
      { kind: 'answer', step: 'run-error-codes', secondary: null, lowConfidence: true },
    ],
    [
      'passes out-of-scope on',
      { ...base, kind: 'out-of-scope', route: 'out-of-scope' },
      { kind: 'out-of-scope' },
    ],
    ['passes no-signal on', { ...base, kind: 'no-signal', candidates: [] }, { kind: 'no-signal' }],
  ])('%s', (_name, decision, plan) => {
    expect(planReply(decision)).toEqual(plan);
  });

  it('keeps a second problem only when it is a step', () => {
    expect(planReply({ ...base, secondary: 'pcns-6025' })).toMatchObject({ secondary: 'pcns-6025' });
  });

  it('suggests later only candidates with real evidence', () => {
    const decision: Decision = {
      ...base,
      candidates: [
        { step: 'run-error-codes', score: 6 },
        { step: 'update-mim', score: 2 },
        { step: 'pcns-6025', score: 1.9 },
      ],
    };
    expect(plausibleSteps(decision)).toEqual(['run-error-codes', 'update-mim']);
  });
});
