import { readFileSync } from 'fs';
import http from 'http';
import https from 'https';
import net from 'net';
import path from 'path';
import { readRunHistory } from '../../../src/diagnosis/readers/run-history-reader';
import type {
  ErrorGroup,
  RunHistoryReading,
  StepDetails,
} from '../../../src/diagnosis/readers/run-history-types';
import { summarizeRunHistory } from '../../../src/diagnosis/readers/run-history-summary';

const FIXTURES = path.resolve(__dirname, '../../fixtures/readers');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const bytes = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

function group(step: StepDetails, section: ErrorGroup['section'], errorType: string): ErrorGroup {
  const g = step.errorGroups.find((x) => x.section === section && x.errorType === errorType);
  if (!g) throw new Error(`no ${section} group ${errorType}`);
  return g;
}

describe('readRunHistory: a whole document with one run', () => {
  const reading = readRunHistory(fixture('run-history-one-run.xml'));
  const run = reading.runs[0];
  const [importStep, syncStep] = run.steps;

  it('reads the run: MA name and id, profile, number, security id', () => {
    expect(reading.recognised).toBe(true);
    expect(reading.roots).toEqual(['run-history']);
    expect(reading.runs).toHaveLength(1);
    expect(run).toMatchObject({
      maId: '{3F2A9C41-7B1E-4C55-9E0A-2D6B8F1C0A11}',
      maName: 'CONTOSO-ADMA',
      runNumber: 412,
      runProfile: 'Full Import and Full Sync',
      securityId: 'CONTOSO\\svc-mimsync',
      fromFragment: false,
    });
    expect(reading.issues).toEqual([]);
  });

  it('reads each step: number, id, type and subtype, partition, result, UTC dates as ISO', () => {
    expect(importStep).toMatchObject({
      stepNumber: 1,
      stepId: '{A1B2C3D4-0001-4000-8000-000000000001}',
      stepType: 'full-import',
      stepSubtype: 'to-cs',
      partition: 'DC=corp,DC=contoso,DC=com',
      result: 'completed-discovery-errors',
      startDate: '2024-03-14T01:00:02.117Z',
      endDate: '2024-03-14T01:04:51.930Z',
      currentExportStepCounter: 0,
      lastSuccessfulExportStepCounter: 0,
    });
    expect(syncStep).toMatchObject({
      stepNumber: 2,
      stepType: 'apply-rules',
      stepSubtype: 'reevaluate-flow-connectors',
    });
    expect(syncStep.partition).toBeNull();
  });

  it('the worst step result stands for the run (two completed-* results: the first one)', () => {
    expect(run.worstResult).toBe('completed-discovery-errors');
  });

  it('keeps the counters that are present, per set, and the outbound ones per target MA', () => {
    expect(importStep.counters.staging).toEqual({
      'stage-no-change': 40211,
      'stage-add': 17,
      'stage-update': 388,
      'stage-rename': 2,
      'stage-delete': 5,
      'stage-delete-add': 0,
      'stage-failure': 2,
    });
    expect(importStep.counters.discovery).toEqual({ 'filtered-objects': 12, 'filtered-deletions': 0 });
    expect(importStep.counters.inboundFlow).toBeNull();
    expect(importStep.counters.export).toBeNull();
    expect(syncStep.counters.inboundFlow).toMatchObject({ 'connector-flow': 371, 'flow-failure': 3 });
    expect(syncStep.counters.outboundFlow).toEqual([
      {
        ma: 'FABRIKAM-SQL',
        maId: '{9C0FFEE0-2222-4B44-8D55-00000000AAAA}',
        counters: { 'provisioned-add-flow': 13, 'connector-flow': 120, 'provisioned-disconnect': 1 },
      },
      {
        ma: 'CONTOSO-MIMMA',
        maId: '{9C0FFEE0-3333-4B44-8D55-00000000BBBB}',
        counters: { 'connector-flow': 388 },
      },
    ]);
  });

  it('reads the connection result, server and incidents', () => {
    expect(importStep.connection).toEqual({
      connectionResult: 'success',
      server: 'DC01.corp.contoso.com:389',
      incidentCount: 1,
      incidents: [
        {
          connectionResult: 'success',
          date: '2024-03-14T01:00:02.340Z',
          server: 'DC01.corp.contoso.com:389',
          cdError: null,
        },
      ],
    });
  });

  it('groups discovery errors by error-type, with entry number, anchor and attribute', () => {
    expect(importStep.errorCounts).toEqual({ import: 0, export: 0, discovery: 2, retry: 0, unknown: 0 });
    const dup = group(importStep, 'discovery', 'duplicate-object');
    expect(dup.count).toBe(1);
    expect(dup.examples[0]).toMatchObject({
      dn: 'CN=Helpdesk Operators,OU=Groups,DC=corp,DC=contoso,DC=com',
      entryNumber: 1812,
      anchor: 'Q0+8AQDvqEaUJdtFbyc1aw==',
    });
    expect(group(importStep, 'discovery', 'invalid-dn').examples[0].attributeName).toBe('manager');
  });

  it('groups import errors by error-type: counts, first DNs, retry counts, first-occurred, algorithm steps', () => {
    expect(syncStep.errorCounts).toEqual({ import: 3, export: 0, discovery: 0, retry: 1, unknown: 0 });
    const ext = group(syncStep, 'import', 'extension-dll-exception');
    expect(ext).toMatchObject({
      count: 2,
      firstDns: [
        'CN=Jane Doe,OU=Staff,DC=corp,DC=contoso,DC=com',
        'CN=John Smith,OU=Staff,DC=corp,DC=contoso,DC=com',
      ],
      maxRetryCount: 2,
      earliestFirstOccurred: '2024-03-12T01:10:44.201Z',
      latestDateOccurred: '2024-03-14T01:12:11.003Z',
      algorithmSteps: { 'import-flow': 2 },
      extensionErrorCount: 2,
    });
    expect(group(syncStep, 'import', 'flow-multi-values-to-single-value').count).toBe(1);
  });

  it('keeps the extension-error-info: extension name, callsite, context and call stack', () => {
    const first = group(syncStep, 'import', 'extension-dll-exception').examples[0];
    expect(first.csGuid).toBe('{5D0C1E9A-1111-4A2B-8C3D-000000000101}');
    expect(first.extensionError).toMatchObject({
      extensionName: 'Contoso.MAExtension',
      callsite: 'import-flow',
      context: 'cd.user:givenName,sn->mv.person:displayName',
    });
    expect(first.extensionError?.callStack).toMatch(/^System\.NullReferenceException: Object reference/);
    expect(first.extensionError?.callStack).toContain('IMASynchronization.MapAttributesForImport');
  });

  it('keeps metaverse retry errors apart from the import errors of the same type', () => {
    const retry = group(syncStep, 'retry', 'extension-dll-exception');
    expect(retry.count).toBe(1);
    expect(retry.algorithmSteps).toEqual({ provisioning: 1 });
    expect(retry.examples[0].extensionError).toMatchObject({
      extensionName: 'Contoso.MVExtension',
      callsite: 'provisioning',
    });
    expect(retry.examples[0].dn).toBeNull();
  });
});

describe('readRunHistory: several runs', () => {
  const reading = readRunHistory(fixture('run-history-several-runs.xml'));

  it('returns every run in document order, each with its steps and worst result', () => {
    expect(summarizeRunHistory(reading)).toEqual([
      {
        ma: 'CONTOSO-ADMA',
        profile: 'Delta Import',
        number: 413,
        steps: [{ number: 1, type: 'delta-import', result: 'success' }],
        errorTypes: {},
      },
      {
        ma: 'FABRIKAM-HR',
        profile: 'Delta Import Delta Sync',
        number: 9051,
        steps: [
          { number: 1, type: 'delta-import', result: 'stopped-connectivity' },
          { number: 2, type: 'apply-rules', result: 'completed-no-objects' },
        ],
        errorTypes: {},
      },
      {
        ma: 'CONTOSO-MIMMA',
        profile: 'Export',
        number: 2210,
        steps: [{ number: 1, type: 'export', result: 'stopped-server' }],
        errorTypes: { 'failed-creation-via-web-services': 2, 'failed-modification-via-web-services': 1 },
      },
    ]);
    expect(reading.runs.map((r) => r.worstResult)).toEqual([
      'success',
      'stopped-connectivity',
      'stopped-server',
    ]);
  });

  it('reads a connection incident with its cd-error', () => {
    const incident = reading.runs[1].steps[0].connection?.incidents[0];
    expect(incident?.cdError).toEqual({
      code: '0x80004005',
      literal: '[DBNETLIB][ConnectionOpen (Connect()).]SQL Server does not exist or access denied.',
      serverErrorDetail: null,
    });
  });

  it('tallies cd-error codes per export error-type, with the first text of each', () => {
    const step = reading.runs[2].steps[0];
    const creation = group(step, 'export', 'failed-creation-via-web-services');
    expect(creation.cdErrors).toEqual([
      {
        code: '0x80230900',
        count: 2,
        literal:
          'Microsoft.ResourceManagement.WebServices.Faults.ServiceFaultException: ValueViolatesUniqueness',
        serverErrorDetail: null,
      },
    ]);
    expect(creation.maxRetryCount).toBe(3);
    expect(creation.earliestFirstOccurred).toBe('2024-03-13T02:14:12.000Z');
    expect(step.counters.export).toEqual({ 'export-add': 40, 'export-update': 2, 'export-failure': 3 });
  });
});

describe('readRunHistory: encodings', () => {
  const text = fixture('run-history-several-runs.xml');
  const expected = summarizeRunHistory(readRunHistory(text));
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  const cases: [string, string | Buffer, string, boolean][] = [
    ['UTF-8 bytes', Buffer.from(text, 'utf8'), 'utf-8', false],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'utf-8',
      true,
    ],
    [
      'UTF-16LE with BOM (a WMI save, CRLF)',
      bytes('run-history-several-runs.utf16le-bom.xml'),
      'utf-16le',
      true,
    ],
    ['UTF-16LE without BOM', le, 'utf-16le', false],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be', true],
    ['UTF-16BE without BOM', be, 'utf-16be', false],
    ['a string with a BOM', `\uFEFF${text}`, 'string', true],
    ['UTF-16LE bytes a script read as Latin-1', le.toString('latin1'), 'utf-16le', false],
  ];

  it.each(cases)('%s', (_name, input, encoding, bom) => {
    const reading = readRunHistory(input);
    expect(reading.encoding).toBe(encoding);
    expect(reading.bom).toBe(bom);
    expect(summarizeRunHistory(reading)).toEqual(expected);
    expect(reading.issues).toEqual([]);
  });

  it('invalid UTF-16 (a lone surrogate, an odd byte count) is read as far as it goes, never thrown', () => {
    const head = Buffer.from(
      '<export-error dn="CN=A"><error-type>cd-error</error-type></export-error>',
      'utf16le',
    );
    const loneSurrogate = Buffer.from([0x00, 0xd8]);
    const oddTail = Buffer.from([0x41]);
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), head, loneSurrogate, head, oddTail]);
    const reading = readRunHistory(broken);
    expect(reading.encoding).toBe('utf-16le');
    expect(reading.issues.map((i) => i.kind)).toContain('invalid-encoding');
    expect(summarizeRunHistory(reading)[0].errorTypes).toEqual({ 'cd-error': 2 });
  });
});

describe('readRunHistory: pasted fragments', () => {
  it('an export-error inside a chat message, with an ampersand after it', () => {
    const reading = readRunHistory(fixture('fragment-export-error.txt'));
    expect(reading.roots).toEqual(['export-error']);
    expect(reading.issues).toEqual([]);
    const [run] = reading.runs;
    expect(run).toMatchObject({
      maName: null,
      runNumber: null,
      runProfile: null,
      fromFragment: true,
      worstResult: null,
    });
    const g = group(run.steps[0], 'export', 'permission-issue');
    expect(g).toMatchObject({
      count: 1,
      maxRetryCount: 4,
      earliestFirstOccurred: '2024-03-11T02:30:55.410Z',
    });
    expect(g.examples[0].cdError).toEqual({
      code: '0x80070005',
      literal: 'Access is denied.',
      serverErrorDetail: '00000005: SecErr: DSID-03152857, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0',
    });
    expect(summarizeRunHistory(reading)).toEqual([
      {
        ma: null,
        profile: null,
        number: null,
        steps: [{ number: null, type: null, result: null }],
        errorTypes: { 'permission-issue': 1 },
      },
    ]);
  });

  it('an import-error with extension-error-info (entities in the call stack decoded)', () => {
    const reading = readRunHistory(fixture('fragment-import-error.txt'));
    const g = group(reading.runs[0].steps[0], 'import', 'extension-dll-exception');
    expect(g.algorithmSteps).toEqual({ join: 1 });
    expect(g.examples[0].extensionError).toMatchObject({
      extensionName: 'Fabrikam.MAExtension',
      callsite: 'join-resolution',
    });
    expect(g.examples[0].extensionError?.callStack).toContain('Int32& imventry');
  });

  it('a step-details with text before it', () => {
    const reading = readRunHistory(fixture('fragment-step-details.txt'));
    expect(reading.roots).toEqual(['step-details']);
    const [run] = reading.runs;
    expect(run.fromFragment).toBe(true);
    expect(run.worstResult).toBe('completed-export-errors');
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0]).toMatchObject({
      stepNumber: 1,
      stepType: 'export',
      result: 'completed-export-errors',
    });
    expect(group(run.steps[0], 'export', 'constraint-violation').cdErrors[0].serverErrorDetail).toContain(
      'CONSTRAINT_ATT_TYPE',
    );
  });

  it('a run-details without run-history around it, and a prompt after it', () => {
    const reading = readRunHistory(fixture('fragment-run-details.txt'));
    expect(reading.roots).toEqual(['run-details']);
    expect(summarizeRunHistory(reading)).toEqual([
      {
        ma: 'FABRIKAM-HR',
        profile: 'Full Import',
        number: 9052,
        steps: [{ number: 1, type: 'full-import', result: 'no-start-credentials' }],
        errorTypes: {},
      },
    ]);
    expect(reading.runs[0].fromFragment).toBe(false);
    expect(reading.runs[0].securityId).toBeNull();
  });

  it('a synchronization-errors block keeps import and export errors apart', () => {
    const step = readRunHistory(fixture('fragment-synchronization-errors.txt')).runs[0].steps[0];
    expect(step.errorCounts).toMatchObject({ import: 1, export: 1 });
    expect(group(step, 'import', 'ambiguous-import-flow-from-multiple-connectors').count).toBe(1);
    expect(group(step, 'export', 'cd-existing-object').cdErrors[0].code).toBe('0x80071392');
  });

  it('an ma-connection with a failed incident', () => {
    const step = readRunHistory(fixture('fragment-ma-connection.txt')).runs[0].steps[0];
    expect(step.connection).toMatchObject({
      connectionResult: 'failed-connection',
      server: 'DC03.corp.contoso.com:389',
    });
    expect(step.connection?.incidents[0].cdError).toEqual({
      code: '0x0000203a',
      literal: 'The server is not operational.',
      serverErrorDetail: 'None',
    });
  });

  it.each([
    [
      'a retry-error',
      '<retry-error><date-occurred>2024-03-14 01:00:00.000</date-occurred><error-type>extension-dll-exception</error-type><algorithm-step>provisioning</algorithm-step></retry-error>',
      'retry',
      'extension-dll-exception',
    ],
    [
      'an ma-object-error',
      '<ma-object-error><error-type>missing-anchor-component</error-type><line-number>7</line-number><column-number>3</column-number></ma-object-error>',
      'discovery',
      'missing-anchor-component',
    ],
    [
      'a cd-error alone',
      '<cd-error><error-code>0x8007052e</error-code><error-literal>Logon failure</error-literal></cd-error>',
      'unknown',
      null,
    ],
    [
      'an extension-error-info alone',
      '<extension-error-info><extension-name>Contoso.MVExtension</extension-name><extension-callsite>provisioning</extension-callsite></extension-error-info>',
      'unknown',
      null,
    ],
  ] as const)('%s', (_name, xml, section, errorType) => {
    const reading = readRunHistory(`look: ${xml} thanks`);
    const step = reading.runs[0].steps[0];
    expect(step.errorCounts[section]).toBe(1);
    const g = step.errorGroups[0];
    expect(g).toMatchObject({ section, errorType, count: 1 });
  });

  it('a bare cd-error and a bare extension-error-info keep their facts', () => {
    const step = readRunHistory(
      '<cd-error><error-code>0x8007052e</error-code><error-literal>Logon failure</error-literal></cd-error>',
    ).runs[0].steps[0];
    expect(step.errorGroups[0].examples[0].cdError).toEqual({
      code: '0x8007052e',
      literal: 'Logon failure',
      serverErrorDetail: null,
    });
    const discovery = readRunHistory(
      '<ma-object-error><error-type>parse-error</error-type><line-number>7</line-number><column-number>3</column-number></ma-object-error>',
    ).runs[0].steps[0];
    expect(discovery.errorGroups[0].examples[0]).toMatchObject({ lineNumber: 7, columnNumber: 3 });
  });

  it('several fragments pasted one after another, with chat between, go into one step', () => {
    const one =
      '<export-error dn="CN=A,DC=contoso,DC=com"><error-type>invalid-dn</error-type></export-error>';
    const two =
      '<export-error dn="CN=B,DC=contoso,DC=com"><error-type>invalid-dn</error-type></export-error>';
    const reading = readRunHistory(`first one:\n${one}\nand this <b>one</b> too & more:\n${two}\n`);
    expect(reading.runs).toHaveLength(1);
    expect(group(reading.runs[0].steps[0], 'export', 'invalid-dn').firstDns).toEqual([
      'CN=A,DC=contoso,DC=com',
      'CN=B,DC=contoso,DC=com',
    ]);
  });

  it('a counters block alone', () => {
    const step = readRunHistory(
      '<export-counters><export-add detail="true">5</export-add><export-failure>1</export-failure></export-counters>',
    ).runs[0].steps[0];
    expect(step.counters.export).toEqual({ 'export-add': 5, 'export-failure': 1 });
  });
});

describe('readRunHistory: damaged and hostile input', () => {
  it('a document cut half way returns what was read and where it was cut', () => {
    const full = fixture('run-history-one-run.xml');
    const half = full.slice(0, Math.floor(full.length / 2));
    const reading = readRunHistory(half);
    expect(reading.truncated).toBe(true);
    const issue = reading.issues.find((i) => i.kind === 'truncated');
    expect(issue?.offset).toBe(half.length);
    expect(issue?.line).toBe(half.split('\n').length);
    expect(issue?.openElements?.slice(0, 3)).toEqual(['run-history', 'run-details', 'step-details']);
    expect(reading.issues.map((i) => i.kind)).not.toContain('malformed');
    const run = reading.runs[0];
    expect(run.maName).toBe('CONTOSO-ADMA');
    expect(run.steps[0].result).toBe('completed-discovery-errors');
    expect(run.steps[0].counters.staging).toMatchObject({ 'stage-update': 388 });
  });

  it('a cut inside an error keeps the error, its partial text and the path to it', () => {
    const xml = fixture('run-history-several-runs.xml');
    const cut = xml.slice(0, xml.indexOf('EndpointNotFoundException') + 10);
    const reading = readRunHistory(cut);
    expect(reading.issues.find((i) => i.kind === 'truncated')?.openElements).toEqual([
      'run-history',
      'run-details',
      'step-details',
      'synchronization-errors',
      'export-error',
      'cd-error',
      'error-literal',
    ]);
    const step = reading.runs[2].steps[0];
    const g = group(step, 'export', 'failed-modification-via-web-services');
    expect(g.count).toBe(1);
    expect(g.cdErrors[0].literal).toBe('System.ServiceModel.EndpointNo');
    expect(step.errorCounts.export).toBe(3);
  });

  it('refuses a DTD with billion laughs: nothing expanded, fast', () => {
    const started = process.hrtime.bigint();
    const reading = readRunHistory(fixture('run-history-doctype-billion-laughs.xml'));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(reading.dtdRefused).toBe(true);
    expect(reading.issues.map((i) => i.kind)).toEqual(['dtd-refused']);
    expect(reading.issues[0].line).toBe(2);
    expect(reading.runs).toEqual([]);
    expect(ms).toBeLessThan(100);
  });

  describe('an external entity', () => {
    const spies: jest.SpyInstance[] = [];
    beforeEach(() => {
      spies.push(
        jest.spyOn(http, 'request'),
        jest.spyOn(http, 'get'),
        jest.spyOn(https, 'request'),
        jest.spyOn(https, 'get'),
        jest.spyOn(net, 'connect'),
        jest.spyOn(net, 'createConnection'),
      );
    });
    afterEach(() => {
      for (const s of spies.splice(0)) s.mockRestore();
    });

    it('is refused and nothing is fetched', () => {
      const reading = readRunHistory(fixture('run-history-doctype-external-entity.xml'));
      expect(reading.dtdRefused).toBe(true);
      expect(reading.runs).toEqual([]);
      expect(JSON.stringify(reading)).not.toMatch(/win\.ini|198\.51\.100\.7|\[fonts\]/);
      for (const s of spies) expect(s).not.toHaveBeenCalled();
    });
  });

  it('a DOCTYPE after a fragment stops the reading there, keeping what came before', () => {
    const reading = readRunHistory(
      '<export-error dn="CN=A"><error-type>invalid-dn</error-type></export-error>\n<!DOCTYPE x [<!ENTITY a "b">]><export-error dn="CN=B"/>',
    );
    expect(reading.dtdRefused).toBe(true);
    expect(reading.runs[0].steps[0].errorCounts.export).toBe(1);
  });

  it('binary junk is not a run history, and does not throw', () => {
    let seed = 12345;
    const junk = Buffer.alloc(64 * 1024);
    for (let i = 0; i < junk.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk[i] = seed >> 16;
    }
    for (let i = 0; i < junk.length; i += 97) junk[i] = 0x3c; // plenty of '<'
    const reading = readRunHistory(junk);
    expect(reading.recognised).toBe(false);
    expect(reading.runs).toEqual([]);
    expect(reading.issues.map((i) => i.kind)).toEqual(expect.arrayContaining(['nothing-recognised']));
  });

  it('plain chat text is not a run history', () => {
    const reading = readRunHistory('the ADMA delta import went stopped-connectivity again <3');
    expect(reading.recognised).toBe(false);
    expect(reading.issues.map((i) => i.kind)).toEqual(['nothing-recognised']);
  });

  it('mismatched tags and HTML entities are reported as malformed and read past', () => {
    const reading = readRunHistory(
      '<step-details step-number="1"><step-result>stopped-server</step-result><foo></bar><error-literal>a&nbsp;b</error-literal></step-details>',
    );
    const malformed = reading.issues.find((i) => i.kind === 'malformed');
    expect(malformed?.errorCount).toBeGreaterThan(0);
    expect(reading.runs[0].steps[0].result).toBe('stopped-server');
  });
});

describe('readRunHistory: a 50,000-error run history', () => {
  const ERRORS = 50_000;
  const TYPES = ['permission-issue', 'constraint-violation', 'cd-existing-object'];
  let reading: RunHistoryReading;

  beforeAll(() => {
    const parts = [
      '<?xml version="1.0" encoding="utf-16"?><run-history><run-details><ma-name>FABRIKAM-ADMA</ma-name><run-number>77</run-number>',
      '<step-details step-number="1"><step-result>stopped-error-limit</step-result><step-description><step-type type="export"/></step-description><synchronization-errors>',
    ];
    for (let i = 0; i < ERRORS; i++) {
      // 15 distinct codes in the first type, so its code list overflows its cap of 10.
      const type = TYPES[i % 3];
      const code =
        type === 'permission-issue' ? `0x800700${(i % 45).toString(16).padStart(2, '0')}` : '0x8007202f';
      parts.push(
        `<export-error cs-guid="{${i}}" dn="CN=User${i},OU=Staff,DC=fabrikam,DC=com"><date-occurred>2024-03-14 02:00:00.000</date-occurred>`,
        `<first-occurred>2024-03-${String(1 + (i % 13)).padStart(2, '0')} 02:00:00.000</first-occurred><retry-count>${i % 500}</retry-count>`,
        `<error-type>${type}</error-type><cd-error><error-code>${code}</error-code><error-literal>literal ${i}</error-literal></cd-error></export-error>`,
      );
    }
    parts.push('</synchronization-errors></step-details></run-details></run-history>');
    reading = readRunHistory(Buffer.from(parts.join(''), 'utf16le'));
  });

  it('counts every error exactly', () => {
    const step = reading.runs[0].steps[0];
    expect(step.errorCounts.export).toBe(ERRORS);
    expect(summarizeRunHistory(reading)[0].errorTypes).toEqual({
      'permission-issue': 16667,
      'constraint-violation': 16667,
      'cd-existing-object': 16666,
    });
    const g = group(step, 'export', 'permission-issue');
    expect(g.maxRetryCount).toBe(499);
    expect(g.earliestFirstOccurred).toBe('2024-03-01T02:00:00.000Z');
    expect(g.cdErrors.reduce((n, t) => n + t.count, 0) + g.otherCdErrors).toBe(16667);
  });

  it('keeps only a few examples: first five DNs, five examples, ten codes per group', () => {
    const step = reading.runs[0].steps[0];
    const g = group(step, 'export', 'permission-issue');
    expect(g.firstDns).toEqual([0, 3, 6, 9, 12].map((i) => `CN=User${i},OU=Staff,DC=fabrikam,DC=com`));
    expect(g.examples).toHaveLength(5);
    expect(g.cdErrors).toHaveLength(10);
    expect(g.otherCdErrors).toBeGreaterThan(0);
    for (const other of step.errorGroups) expect(other.examples.length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(reading).length).toBeLessThan(20_000);
  });
});

describe('readRunHistory: options', () => {
  it('maxExamplesPerGroup bounds DNs and examples; maxLongText bounds a literal', () => {
    const errors = Array.from(
      { length: 4 },
      (_, i) =>
        `<export-error dn="CN=U${i}"><error-type>invalid-dn</error-type><cd-error><error-literal>${'x'.repeat(100)}</error-literal></cd-error></export-error>`,
    ).join('');
    const reading = readRunHistory(`<synchronization-errors>${errors}</synchronization-errors>`, {
      maxExamplesPerGroup: 2,
      maxLongText: 10,
    });
    const g = reading.runs[0].steps[0].errorGroups[0];
    expect(g.count).toBe(4);
    expect(g.firstDns).toEqual(['CN=U0', 'CN=U1']);
    expect(g.examples).toHaveLength(2);
    expect(g.examples[0].cdError?.literal).toBe('x'.repeat(10));
  });

  it('maxIncidents keeps the first incidents and the last one', () => {
    const incidents = Array.from(
      { length: 6 },
      (_, i) =>
        `<incident><connection-result>${i === 5 ? 'failed-search' : 'success'}</connection-result><server>dc${i}</server></incident>`,
    ).join('');
    const conn = readRunHistory(
      `<ma-connection><connection-log>${incidents}</connection-log></ma-connection>`,
      { maxIncidents: 3 },
    ).runs[0].steps[0].connection;
    expect(conn?.incidentCount).toBe(6);
    expect(conn?.incidents.map((i) => i.server)).toEqual(['dc0', 'dc1', 'dc5']);
    expect(conn?.incidents[2].connectionResult).toBe('failed-search');
  });
});

describe('readRunHistory: hostile shapes stay cheap', () => {
  const spaces = ' '.repeat(200_000);
  it.each([
    ['a 200,000-space line', `x${spaces}y`],
    [
      'a 5 MB attribute',
      `<export-error dn="${'x'.repeat(5_000_000)}"><error-type>invalid-dn</error-type></export-error>`,
    ],
    [
      '200,000 nested unknown elements',
      `<run-history>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</run-history>`,
    ],
    ['50,000 XML declarations', '<?xml version="1.0"?>'.repeat(50_000)],
    ['a million "<"', '<'.repeat(1_000_000)],
  ])('%s', (_name, text) => {
    const started = Date.now();
    const reading = readRunHistory(text);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(JSON.stringify(reading).length).toBeLessThan(20_000);
  });

  it('an attribute is kept up to 4 KB', () => {
    const reading = readRunHistory(
      `<export-error dn="${'x'.repeat(10_000)}"><error-type>invalid-dn</error-type></export-error>`,
    );
    expect(reading.runs[0].steps[0].errorGroups[0].firstDns[0]).toHaveLength(4096);
  });

  it('an XML declaration followed by chat, then a fragment: the fragment is still read', () => {
    const reading = readRunHistory(
      '<?xml version="1.0"?> oops, wrong paste. This one:\n<export-error dn="CN=A"><error-type>invalid-dn</error-type></export-error>',
    );
    expect(reading.runs[0].steps[0].errorCounts.export).toBe(1);
  });
});
