import { readRunHistory } from '../../../src/diagnosis/readers/run-history-reader';
import {
  summarizeRunHistory,
  UNSPECIFIED_ERROR_TYPE,
} from '../../../src/diagnosis/readers/run-history-summary';

describe('summarizeRunHistory', () => {
  it('gives per run: ma, profile, number, steps (number, type, result) and error counts per error-type', () => {
    const xml = `<run-details><ma-name>CONTOSO-ADMA</ma-name><run-number>5</run-number><run-profile-name>Full Sync</run-profile-name>
      <step-details step-number="1"><step-result>completed-sync-errors</step-result><step-description><step-type type="apply-rules"/></step-description>
        <synchronization-errors>
          <import-error dn="CN=A"><error-type>extension-dll-exception</error-type></import-error>
          <import-error dn="CN=B"><error-type>extension-dll-exception</error-type></import-error>
        </synchronization-errors>
        <mv-retry-errors><retry-error><error-type>extension-dll-exception</error-type></retry-error></mv-retry-errors>
      </step-details></run-details>`;
    expect(summarizeRunHistory(readRunHistory(xml))).toEqual([
      {
        ma: 'CONTOSO-ADMA',
        profile: 'Full Sync',
        number: 5,
        steps: [{ number: 1, type: 'apply-rules', result: 'completed-sync-errors' }],
        errorTypes: { 'extension-dll-exception': 3 },
      },
    ]);
  });

  it('a fragment without run details gives one run of nulls; an error with no error-type is counted apart', () => {
    const summary = summarizeRunHistory(
      readRunHistory('<cd-error><error-code>0x8007052e</error-code></cd-error>'),
    );
    expect(summary).toEqual([
      {
        ma: null,
        profile: null,
        number: null,
        steps: [{ number: null, type: null, result: null }],
        errorTypes: { [UNSPECIFIED_ERROR_TYPE]: 1 },
      },
    ]);
  });

  it('nothing read gives no runs', () => {
    expect(summarizeRunHistory(readRunHistory('hello'))).toEqual([]);
  });
});
