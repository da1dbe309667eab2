import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { readRunHistory } from '../../src/diagnosis/readers/run-history-reader';
import { summarizeRunHistory } from '../../src/diagnosis/readers/run-history-summary';
import { readStackTrace } from '../../src/diagnosis/readers/stack-trace-reader';

/** Two public run histories (SharePoint UPS, same sync engine) kept in shared/, never copied in. */
const SAMPLES = path.resolve(__dirname, '../../../shared/run-history-samples');
if (!existsSync(SAMPLES)) {
  throw new Error(
    `reference samples missing: ${SAMPLES} (shared/ beside the checkout; not part of the repository)`,
  );
}
const sample = (name: string): Buffer => readFileSync(path.join(SAMPLES, name));

describe('poshmon-ups-delta-import-stopped-connectivity.xml', () => {
  const reading = readRunHistory(sample('poshmon-ups-delta-import-stopped-connectivity.xml'));
  const run = reading.runs[0];

  it('one run of two delta-import steps; step 2 stopped-connectivity', () => {
    expect(reading.issues).toEqual([]);
    expect(summarizeRunHistory(reading)).toEqual([
      {
        ma: 'MOSSAD-company',
        profile: 'DS_DELTAIMPORT',
        number: 1879,
        steps: [
          { number: 2, type: 'delta-import', result: 'stopped-connectivity' },
          { number: 1, type: 'delta-import', result: 'success' },
        ],
        errorTypes: {},
      },
    ]);
    expect(run).toMatchObject({
      maId: '{85098734-66BC-4938-8122-C5F585F463D0}',
      securityId: 'domain\\serviceacc',
    });
    expect(run.worstResult).toBe('stopped-connectivity');
  });

  it('the failed connection incident carries cd-error 8453 "Replication access was denied."', () => {
    const conn = run.steps[0].connection;
    expect(conn).toMatchObject({
      connectionResult: 'failed-search',
      server: 'DC01.ab.company.com:389',
      incidentCount: 2,
    });
    expect(conn?.incidents[1]).toEqual({
      connectionResult: 'failed-search',
      date: '2017-01-04T23:00:58.957Z',
      server: 'DC01.ab.company.com:389',
      cdError: {
        code: '8453',
        literal: 'Replication access was denied.',
        serverErrorDetail: '00002105: LdapErr: DSID-adcv, comment: Error processing control, data 0, v1db1',
      },
    });
  });

  it('step 1 succeeded and staged 3 adds, 27 updates and 2 renames; 46 objects filtered', () => {
    const step1 = run.steps[1];
    expect(step1).toMatchObject({
      partition: 'DC=za,DC=company,DC=com',
      startDate: '2017-01-04T23:00:35.380Z',
    });
    expect(step1.counters.staging).toMatchObject({
      'stage-add': 3,
      'stage-update': 27,
      'stage-rename': 2,
      'stage-failure': 0,
    });
    expect(step1.counters.discovery).toEqual({ 'filtered-objects': 46 });
    expect(run.steps[0].errorGroups).toEqual([]);
  });

  it('reads the same from UTF-16LE with a BOM, as WMI saves it', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(sample('poshmon-ups-delta-import-stopped-connectivity.xml').toString('utf8'), 'utf16le'),
    ]);
    expect(summarizeRunHistory(readRunHistory(utf16))).toEqual(summarizeRunHistory(reading));
  });
});

describe('poshmon-ups-export-completed-export-errors.xml', () => {
  const reading = readRunHistory(sample('poshmon-ups-export-completed-export-errors.xml'));
  const step = reading.runs[0].steps[0];
  const group = step.errorGroups[0];

  it('one export step, completed-export-errors, one ma-extension-error', () => {
    expect(reading.issues).toEqual([]);
    expect(summarizeRunHistory(reading)).toEqual([
      {
        ma: 'MOSS-UserProfile',
        profile: 'MOSS_EXPORT_a9061a90-5fb2-485e-90e8-4019c5c1f9ce',
        number: 2590,
        steps: [{ number: 1, type: 'export', result: 'completed-export-errors' }],
        errorTypes: { 'ma-extension-error': 1 },
      },
    ]);
    expect(step.counters.export).toMatchObject({ 'export-add': 3, 'export-update': 23, 'export-failure': 1 });
  });

  it('the export-error: cs-guid, dn, dates, retry-count 77, cd-error 0x80230703', () => {
    expect(step.errorCounts.export).toBe(1);
    expect(group).toMatchObject({
      section: 'export',
      errorType: 'ma-extension-error',
      count: 1,
      firstDns: ['MVID=67d2da90-0c2a-e411-a2e8-0050568e45d6'],
      maxRetryCount: 77,
      earliestFirstOccurred: '2016-09-26T12:02:16.987Z',
      latestDateOccurred: '2017-01-04T23:06:02.006Z',
    });
    expect(group.examples[0].csGuid).toBe('{12345678-DF83-E611-8CE8-00505689546C}');
    expect(group.cdErrors.map((c) => [c.code, c.count])).toEqual([['0x80230703', 1]]);
  });

  it('the error-literal is a .NET stack trace: four exceptions, innermost UriFormatException, in the ECMA1 export call', () => {
    const literal = group.cdErrors[0].literal ?? '';
    const trace = readStackTrace(literal);
    expect(trace.exceptions.map((e) => e.type)).toEqual([
      'System.Reflection.TargetInvocationException',
      'System.AggregateException',
      'Microsoft.Office.Server.UserProfiles.PropertyInvalidFormatException',
      'System.UriFormatException',
    ]);
    // The sample is hard-wrapped mid-word; the reader puts the words back together.
    expect(trace.exceptions[1].message).toBe('One or more errors occurred.');
    expect(trace.innermost?.message).toBe('Invalid URI: The format of the URI could not be determined.');
    expect(trace.frameCount).toBe(21);
    expect(trace.entryPoint).toMatchObject({
      callsite: 'connector-export',
      kind: 'ecma1-connector',
      interfaceName: 'IMAExtensibleCallExport',
    });
    expect(trace.entryPoint?.frame.parameters).toBe(
      'ModificationType modificationType, String[] changedAttributes, CSEntry csentry',
    );
    // Every frame is Microsoft's or the framework's: there is no customer code to point at.
    expect(trace.throwingFrame).toBeNull();
  });
});
