import { readFileSync } from 'fs';
import path from 'path';
import { readEventLog } from '../../../src/diagnosis/readers/event-log-reader';
import type { EventRecord } from '../../../src/diagnosis/readers/event-log-types';

const FIXTURES = path.resolve(__dirname, '../../fixtures/readers');
const read = (name: string): EventRecord[] => {
  const reading = readEventLog(readFileSync(path.join(FIXTURES, name), 'utf8'));
  expect(reading.issues).toEqual([]);
  return [...reading.events];
};

const NO_COUNTS = {
  discoveryErrors: null,
  synchronizationErrors: null,
  metaverseRetryErrors: null,
  exportErrors: null,
  warnings: null,
};
const ZERO_COUNTS = {
  discoveryErrors: 0,
  synchronizationErrors: 0,
  metaverseRetryErrors: 0,
  exportErrors: 0,
  warnings: 0,
};

describe('readEventLog: Event Viewer "Copy details as text"', () => {
  it('English, with its Event Xml: one event, the XML filling in the record id and the UTC time', () => {
    const events = read('event-viewer-6050-en.txt');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      format: 'event-viewer-text',
      source: 'FIMSynchronizationService',
      eventId: 6050,
      level: 'error',
      levelRaw: 'Error',
      time: '2024-02-03T14:05:11.463Z',
      timeRaw: '2/3/2024 2:05:11 PM',
      computer: 'SYNC01.corp.contoso.com',
      logName: 'Application',
      taskCategory: 'Management Agent Run Profile',
      keywords: 'Classic',
      user: 'N/A',
      recordId: 88231,
    });
    expect(events[0].description).toMatch(
      /^The management agent "CONTOSO-ADMA" failed .*\n[\s\S]*run history for details\.$/,
    );
    expect(events[0].description).not.toContain('Event Xml');
  });

  it('English 6050: MA, run profile, outcome, reason and the five counts', () => {
    expect(read('event-viewer-6050-en.txt')[0].runProfile).toEqual({
      maName: 'CONTOSO-ADMA',
      runProfile: 'Delta Import',
      outcome: 'failed',
      reason: 'because of connectivity issues',
      counts: ZERO_COUNTS,
    });
  });

  it('Danish labels, a day-first date and a Danish level; the chat line above is ignored', () => {
    const [event] = read('event-viewer-6050-da.txt');
    expect(event).toMatchObject({
      format: 'event-viewer-text',
      source: 'FIMSynchronizationService',
      eventId: 6050,
      level: 'warning',
      levelRaw: 'Advarsel',
      time: '2024-02-03T14:05:11',
      timeRaw: '03-02-2024 14:05:11',
      computer: 'MIMSYNC02.fabrikam.local',
      logName: 'Application',
      taskCategory: 'Management Agent Run Profile',
      keywords: 'Klassisk',
      user: 'I/T',
      recordId: null,
    });
    expect(event.runProfile).toEqual({
      maName: 'FABRIKAM-HR',
      runProfile: 'Full Sync',
      outcome: 'completed',
      reason: 'with errors',
      counts: {
        discoveryErrors: 0,
        synchronizationErrors: 37,
        metaverseRetryErrors: 2,
        exportErrors: 0,
        warnings: 0,
      },
    });
  });

  it('several events in one paste, each with its own source and description', () => {
    const events = read('event-viewer-several.txt');
    expect(events.map((e) => [e.source, e.eventId, e.level, e.time, e.computer])).toEqual([
      ['FIMSynchronizationService', 6801, 'error', '2023-11-14T23:42:07', 'SYNC01.corp.contoso.com'],
      ['PCNSSVC', 6025, 'error', '2023-11-14T23:50:31', 'DC01.corp.contoso.com'],
      ['FIMSynchronizationService', 6127, 'warning', '2023-11-15T00:01:09', 'SYNC01.corp.contoso.com'],
    ]);
    expect(events[0].description).toContain('at Contoso.Connectors.Rest.RestConnector.GetImportEntries');
    expect(events[0].description).toMatch(/4\.6\.607\.0$/);
    expect(events[1].description).toBe(
      'Password Change Notification Service failed to deliver a notification to target SYNC01.corp.contoso.com.',
    );
    expect(events[0].runProfile).toBeNull();
    expect(events[2].runProfile).toEqual({
      maName: 'CONTOSO-ADMA',
      runProfile: 'Delta Sync',
      outcome: null,
      reason: 'with a delta import or delta synchronization step type',
      counts: NO_COUNTS,
    });
  });
});

describe('readEventLog: the XML view', () => {
  it('reads each <Event> of an <Events> list: provider, id, level, UTC time, record, channel, computer', () => {
    const events = read('event-xml-several.xml');
    expect(
      events.map((e) => [e.format, e.source, e.eventId, e.level, e.time, e.recordId, e.logName, e.computer]),
    ).toEqual([
      [
        'event-xml',
        'FIMSynchronizationService',
        6050,
        'error',
        '2024-03-12T01:00:42.000Z',
        120044,
        'Application',
        'SYNC01.corp.contoso.com',
      ],
      [
        'event-xml',
        'MIIServer',
        6127,
        'warning',
        '2024-03-12T01:05:00.500Z',
        120045,
        'Application',
        'SYNC01.corp.contoso.com',
      ],
    ]);
    expect(events[0].runProfile?.counts.exportErrors).toBe(12);
    expect(events[0].runProfile).toMatchObject({
      maName: 'FABRIKAM-SQL',
      runProfile: 'Export',
      reason: 'because the server encountered errors',
    });
  });

  it('prefers the rendered message, level name, task and keywords when RenderingInfo is there', () => {
    const e = read('event-xml-several.xml')[1];
    expect(e.description).toMatch(
      /The rules configuration has changed since the last full synchronization\.$/,
    );
    expect(e).toMatchObject({
      levelRaw: 'Warning',
      taskCategory: 'Management Agent Run Profile',
      keywords: 'Classic',
    });
  });

  it('an <Event> pasted inside chat text, with single-quoted attributes', () => {
    const reading = readEventLog(
      "we got this: <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='PCNSSVC'/><EventID>6025</EventID><Level>2</Level><TimeCreated SystemTime='2024-01-05T08:00:00.000Z'/><Computer>DC02.corp.contoso.com</Computer></System><EventData><Data>Password Change Notification Service failed.</Data></EventData></Event> any idea?",
    );
    expect(reading.events).toHaveLength(1);
    expect(reading.events[0]).toMatchObject({
      source: 'PCNSSVC',
      eventId: 6025,
      level: 'error',
      computer: 'DC02.corp.contoso.com',
    });
  });

  it('an audit event takes its level from the keywords', () => {
    const [e] = readEventLog(
      '<Event><System><Provider Name="Microsoft-Windows-Security-Auditing"/><EventID>4625</EventID><Level>0</Level><Keywords>0x8010000000000000</Keywords></System></Event>',
    ).events;
    expect(e.level).toBe('audit-failure');
  });

  it('refuses a DOCTYPE in the XML view', () => {
    const reading = readEventLog(
      '<!DOCTYPE Event [<!ENTITY x SYSTEM "http://198.51.100.7/">]><Event><System><EventID>&x;</EventID></System></Event>',
    );
    expect(reading.dtdRefused).toBe(true);
    expect(reading.events).toEqual([]);
    expect(reading.issues.map((i) => i.kind)).toEqual(['dtd-refused']);
  });

  it('a cut-off event keeps what was read and says it was cut', () => {
    const reading = readEventLog(
      '<Event><System><Provider Name="FIMSynchronizationService"/><EventID>6050</EventID><Level>2</Le',
    );
    expect(reading.events).toHaveLength(1);
    expect(reading.events[0]).toMatchObject({ source: 'FIMSynchronizationService', eventId: 6050 });
    expect(reading.issues.find((i) => i.kind === 'truncated')?.openElements).toEqual([
      'Event',
      'System',
      'Level',
    ]);
  });
});

describe('readEventLog: PowerShell', () => {
  it('Get-WinEvent | Format-List: the default four properties, the message over indented lines', () => {
    const events = read('get-winevent-format-list.txt');
    expect(events.map((e) => [e.format, e.source, e.eventId, e.time])).toEqual([
      ['get-winevent-list', 'FIMSynchronizationService', 6050, '2024-02-03T14:05:11'],
      ['get-winevent-list', 'FIMSynchronizationService', 6309, '2024-02-03T13:59:58'],
    ]);
    expect(events[0].description).toContain(
      'connectivity issues.\n\n Additional Information\n Discovery Errors',
    );
    expect(events[0].runProfile).toEqual({
      maName: 'CONTOSO-ADMA',
      runProfile: 'Delta Import',
      outcome: 'failed',
      reason: 'because of connectivity issues',
      counts: ZERO_COUNTS,
    });
    expect(events[1].description).toContain('0x8023063d');
  });

  it('Get-WinEvent | Format-List * on Danish Windows: LevelDisplayName and KeywordsDisplayNames win', () => {
    const [e] = read('get-winevent-format-list-star.txt');
    expect(e).toMatchObject({
      format: 'get-winevent-list',
      source: 'FIMSynchronizationService',
      eventId: 6000,
      level: 'error',
      levelRaw: 'Fejl',
      time: '2024-03-14T07:15:02',
      computer: 'SYNC01.corp.contoso.com',
      logName: 'Application',
      taskCategory: 'Management Agent Run Profile',
      keywords: 'Klassisk',
      recordId: 91344,
    });
    expect(e.runProfile).toMatchObject({
      maName: 'FABRIKAM-HR',
      runProfile: 'Full Import',
      reason: 'because the credentials were invalid',
    });
  });

  it('Get-WinEvent as a table under its ProviderName group', () => {
    const events = read('get-winevent-table.txt');
    expect(events.map((e) => [e.format, e.source, e.eventId, e.level, e.time, e.truncatedFields])).toEqual([
      [
        'get-winevent-table',
        'FIMSynchronizationService',
        6050,
        'error',
        '2024-02-03T14:05:11',
        ['description'],
      ],
      [
        'get-winevent-table',
        'FIMSynchronizationService',
        6127,
        'warning',
        '2024-02-03T13:10:02',
        ['description'],
      ],
    ]);
    expect(events[0].runProfile).toMatchObject({
      maName: 'CONTOSO-ADMA',
      outcome: 'failed',
      runProfile: null,
    });
  });

  it('Get-EventLog | Format-List: event id from InstanceId, level from EntryType', () => {
    const events = read('get-eventlog-format-list.txt');
    expect(
      events.map((e) => [e.format, e.source, e.eventId, e.level, e.recordId, e.time, e.taskCategory]),
    ).toEqual([
      [
        'get-eventlog-list',
        'FIMSynchronizationService',
        6050,
        'error',
        88231,
        '2024-02-03T14:05:11',
        'Management Agent Run Profile',
      ],
      [
        'get-eventlog-list',
        'FIMSynchronizationService',
        6127,
        'warning',
        88230,
        '2024-02-03T13:10:02',
        'Management Agent Run Profile',
      ],
    ]);
    expect(events[0].runProfile?.reason).toBe('because of connectivity issues');
    expect(events[0].description).not.toContain('ReplacementStrings');
  });

  it('Get-EventLog as a table: a cut-short source completed, the time kept as written', () => {
    const events = read('get-eventlog-table.txt');
    expect(
      events.map((e) => [
        e.format,
        e.recordId,
        e.source,
        e.eventId,
        e.level,
        e.time,
        e.timeRaw,
        e.truncatedFields,
      ]),
    ).toEqual([
      [
        'get-eventlog-table',
        88231,
        'FIMSynchronizationService',
        6050,
        'error',
        null,
        'Feb 03 14:05',
        ['source', 'description'],
      ],
      [
        'get-eventlog-table',
        88230,
        'FIMSynchronizationService',
        6127,
        'warning',
        null,
        'Feb 03 13:10',
        ['source', 'description'],
      ],
      ['get-eventlog-table', 88102, 'PCNSSVC', 2001, 'information', null, 'Feb 02 23:50', []],
    ]);
    expect(events[2].description).toBe('The Password Change Notification Service started.');
  });
});

describe('readEventLog: mixed and odd input', () => {
  it('keeps the order of a paste that mixes forms', () => {
    const text = [
      readFileSync(path.join(FIXTURES, 'event-xml-several.xml'), 'utf8'),
      readFileSync(path.join(FIXTURES, 'event-viewer-6050-da.txt'), 'utf8'),
      readFileSync(path.join(FIXTURES, 'get-eventlog-table.txt'), 'utf8'),
    ].join('\n');
    const reading = readEventLog(text);
    expect(reading.events.map((e) => e.format)).toEqual([
      'event-xml',
      'event-xml',
      'event-viewer-text',
      'get-eventlog-table',
      'get-eventlog-table',
      'get-eventlog-table',
    ]);
  });

  it('reads a UTF-16 file saved from Event Viewer', () => {
    const text = readFileSync(path.join(FIXTURES, 'event-viewer-6050-da.txt'), 'utf8').replace(/\n/g, '\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const reading = readEventLog(bytes);
    expect(reading.encoding).toBe('utf-16le');
    expect(reading.events[0]).toMatchObject({
      eventId: 6050,
      source: 'FIMSynchronizationService',
      level: 'warning',
    });
    expect(reading.events[0].description).not.toContain('\r');
  });

  it('a stray "Date:" line in a chat message is not an event', () => {
    const reading = readEventLog('Date: yesterday night\nthe sync failed again, no idea why');
    expect(reading.events).toEqual([]);
    expect(reading.issues.map((i) => i.kind)).toEqual(['nothing-recognised']);
  });
});

describe('readEventLog: bounds', () => {
  it('keeps the first maxEvents events and counts them all', () => {
    const one =
      '<Event><System><Provider Name="FIMSynchronizationService"/><EventID>6050</EventID></System></Event>\n';
    const reading = readEventLog(one.repeat(1000), { maxEvents: 10 });
    expect(reading.eventCount).toBe(1000);
    expect(reading.events).toHaveLength(10);
  });

  it('cuts a very long description and says so', () => {
    const text = `Log Name: Application\nSource: FIMSynchronizationService\nEvent ID: 6801\nDescription:\n${'x'.repeat(100_000)}`;
    const [e] = readEventLog(text, { maxDescription: 1000 }).events;
    expect(e.description).toHaveLength(1000);
    expect(e.truncatedFields).toEqual(['description']);
  });

  it('an "<?xml" before Event Viewer text does not hide the text', () => {
    const text = `<?xml version="1.0"?>\n${readFileSync(path.join(FIXTURES, 'event-viewer-6050-da.txt'), 'utf8')}`;
    expect(readEventLog(text).events[0]).toMatchObject({ eventId: 6050, level: 'warning' });
  });

  it.each([
    ['a 200,000-space line', `x${' '.repeat(200_000)}y`],
    ['a label followed by 200,000 spaces', `  ProviderName: x${' '.repeat(200_000)}y`],
    ['100,000 empty lines', `${'\n'.repeat(100_000)}Discovery Errors : "1"`],
  ])('stays cheap on %s', (_name, text) => {
    const started = Date.now();
    readEventLog(text);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
