import { lookUpBuild, lookUpCode, stepOfRunStatus } from '../../src/diagnosis/look-up';

describe('look-ups of the status and version commands', () => {
  it('finds a run status or an object error and the step for it', () => {
    expect(lookUpCode('stopped-connectivity')).toMatchObject({
      finding: { kind: 'run-status', value: 'stopped-connectivity' },
      step: 'run-error-codes',
    });
    expect(lookUpCode('stopped-extension-dll-exception')?.step).toBe('extension-dll-exception');
    expect(lookUpCode('cd-error')?.finding.kind).toBe('object-error');
  });

  it('knows nothing of an unknown code', () => {
    expect(lookUpCode('no-such-code-at-all')).toBeNull();
  });

  it('sends a MIM build to update-mim and a connector build to update-connectors', () => {
    expect(lookUpBuild('4.6.421.0')).toMatchObject({
      finding: { kind: 'mim-build', value: '4.6.421.0' },
      step: 'update-mim',
    });
    expect(lookUpBuild('1.1.1346.0')).toMatchObject({
      finding: { kind: 'connector-build' },
      step: 'update-connectors',
    });
    expect(lookUpBuild('banana')).toBeNull();
  });

  it('gives the step a picked run status points to', () => {
    expect(stepOfRunStatus('stopped-connectivity')).toBe('run-error-codes');
    expect(stepOfRunStatus('not-a-status')).toBeNull();
  });
});
