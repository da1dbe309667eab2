import {
  STEP_RESULT_RANKS,
  stepResultRank,
  worstStepResult,
} from '../../../src/diagnosis/readers/step-results';

describe('stepResultRank', () => {
  it.each([
    ['success', STEP_RESULT_RANKS.ok],
    ['completed-no-objects', STEP_RESULT_RANKS.ok],
    ['in-progress', STEP_RESULT_RANKS.inProgress],
    ['completed-export-errors', STEP_RESULT_RANKS.completedWithIssues],
    ['completed-sync-errors', STEP_RESULT_RANKS.completedWithIssues],
    ['completed-warnings', STEP_RESULT_RANKS.completedWithIssues],
    ['something-new-in-sp3', STEP_RESULT_RANKS.unknown],
    ['stopped-connectivity', STEP_RESULT_RANKS.failed],
    ['stopped-extension-dll-exception', STEP_RESULT_RANKS.failed],
    ['no-start-credentials', STEP_RESULT_RANKS.failed],
    [' Stopped-Server ', STEP_RESULT_RANKS.failed],
  ])('%s', (result, rank) => {
    expect(stepResultRank(result)).toBe(rank);
  });

  it('orders fine < in progress < completed with issues < unknown < stopped/no-start', () => {
    const r = STEP_RESULT_RANKS;
    expect([r.ok, r.inProgress, r.completedWithIssues, r.unknown, r.failed]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('worstStepResult', () => {
  it('picks the worst, the first of equals, and skips missing results', () => {
    expect(
      worstStepResult([
        'success',
        'completed-export-errors',
        null,
        'stopped-server',
        'no-start-ma-already-running',
      ]),
    ).toBe('stopped-server');
    expect(worstStepResult(['completed-no-objects', 'success'])).toBe('completed-no-objects');
    expect(worstStepResult(['success', 'completed-sync-errors', 'completed-export-errors'])).toBe(
      'completed-sync-errors',
    );
  });

  it('is null when no step has a result', () => {
    expect(worstStepResult([])).toBeNull();
    expect(worstStepResult([null, ' '])).toBeNull();
  });
});
