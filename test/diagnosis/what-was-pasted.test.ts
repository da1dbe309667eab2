import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, toResult } from '../../src/diagnosis/diagnose';

/** Pasted run histories and event entries are read as documents, and their most specific finding decides. */

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'readers', name), 'utf8');

describe('a pasted run history', () => {
  it('does not read XML element names such as <cd-error> as object errors', () => {
    const { recognition } = diagnose(fixture('fragment-ma-connection.txt'));
    expect(recognition.findings.filter((f) => f.kind === 'object-error').map((f) => f.value)).toEqual([]);
    expect(toResult('x', diagnose(fixture('fragment-ma-connection.txt'))).statusCode).toBe(
      'stopped-connectivity',
    );
  });

  it('routes by the failed step’s error types before its result (rule 7 generalised)', () => {
    const paste = `<step-details step-number="1">
  <step-result>stopped-server</step-result>
  <step-description><step-type type="export"/></step-description>
  <synchronization-errors>
    <export-error cs-guid="{11111111-2222-4333-8444-555555555555}" dn="CN=new-hire-1">
      <error-type>failed-creation-via-web-services</error-type>
    </export-error>
    <export-error cs-guid="{11111111-2222-4333-8444-555555555556}" dn="CN=new-hire-2">
      <error-type>failed-creation-via-web-services</error-type>
    </export-error>
  </synchronization-errors>
</step-details>`;
    const result = toResult('x', diagnose(paste));
    expect(result).toMatchObject({ step: 'fim-ma-failed-creation', kind: 'answer' });
    expect(result.runs).toEqual([
      {
        ma: null,
        profile: null,
        number: null,
        steps: [{ number: 1, type: 'export', result: 'stopped-server' }],
        errorTypes: { 'failed-creation-via-web-services': 2 },
      },
    ]);
  });

  it('takes the status from the step that failed, not from one that succeeded', () => {
    const result = toResult('x', diagnose(fixture('run-history-several-runs.xml')));
    expect(result.statusCode).not.toBe('completed-no-objects');
    expect(result.runs.length).toBeGreaterThan(1);
  });
});

describe('pasted event-log entries', () => {
  it('are listed by source and id, in English and Danish Event Viewer text', () => {
    for (const name of ['event-viewer-6050-en.txt', 'event-viewer-6050-da.txt']) {
      expect(toResult('x', diagnose(fixture(name))).events).toContainEqual({
        source: 'FIMSynchronizationService',
        id: 6050,
      });
    }
  });

  it('are none in a message that pastes none', () => {
    expect(toResult('x', diagnose('ADMA delta import ends in stopped-connectivity'))).toMatchObject({
      runs: [],
      events: [],
    });
  });
});
