/**
 * Field labels of the text forms of an event: Event Viewer's "Copy details as text" in English and
 * Danish Windows, and the property names PowerShell's Format-List prints for Get-WinEvent
 * (EventLogRecord) and Get-EventLog (EventLogEntry). Keys are lower-case.
 */

export type EventField =
  | 'logName'
  | 'source'
  | 'time'
  | 'timeWritten'
  | 'eventId'
  | 'instanceId'
  | 'taskCategory'
  | 'level'
  | 'keywords'
  | 'user'
  | 'computer'
  | 'description'
  | 'recordId'
  | 'eventXml';

/** Which text form a label belongs to; a label shared by two forms says nothing about the form. */
export type LabelFamily = 'event-viewer' | 'get-winevent' | 'get-eventlog' | 'shared';

export interface EventLabel {
  field: EventField;
  family: LabelFamily;
  /** Event Viewer's first line: it ends the description above it and starts the next event. (PowerShell's
   * lists are split where a property repeats.) */
  startsRecord?: boolean;
}

export const EVENT_LABELS: Readonly<Record<string, EventLabel>> = {
  // Event Viewer, English
  'log name': { field: 'logName', family: 'event-viewer', startsRecord: true },
  date: { field: 'time', family: 'event-viewer' },
  'event id': { field: 'eventId', family: 'event-viewer' },
  'task category': { field: 'taskCategory', family: 'event-viewer' },
  user: { field: 'user', family: 'event-viewer' },
  computer: { field: 'computer', family: 'event-viewer' },
  description: { field: 'description', family: 'event-viewer' },
  'event xml': { field: 'eventXml', family: 'event-viewer' },
  // Event Viewer, Danish
  logfilnavn: { field: 'logName', family: 'event-viewer', startsRecord: true },
  kilde: { field: 'source', family: 'event-viewer' },
  dato: { field: 'time', family: 'event-viewer' },
  'hændelses-id': { field: 'eventId', family: 'event-viewer' },
  opgavekategori: { field: 'taskCategory', family: 'event-viewer' },
  niveau: { field: 'level', family: 'event-viewer' },
  nøgleord: { field: 'keywords', family: 'event-viewer' },
  bruger: { field: 'user', family: 'event-viewer' },
  beskrivelse: { field: 'description', family: 'event-viewer' },
  'hændelses-xml': { field: 'eventXml', family: 'event-viewer' },
  // Get-WinEvent | Format-List (default view and Format-List *)
  timecreated: { field: 'time', family: 'get-winevent' },
  providername: { field: 'source', family: 'get-winevent' },
  id: { field: 'eventId', family: 'get-winevent' },
  leveldisplayname: { field: 'level', family: 'get-winevent' },
  logname: { field: 'logName', family: 'get-winevent' },
  recordid: { field: 'recordId', family: 'get-winevent' },
  taskdisplayname: { field: 'taskCategory', family: 'get-winevent' },
  keywordsdisplaynames: { field: 'keywords', family: 'get-winevent' },
  userid: { field: 'user', family: 'get-winevent' },
  // Get-EventLog | Format-List
  index: { field: 'recordId', family: 'get-eventlog' },
  entrytype: { field: 'level', family: 'get-eventlog' },
  instanceid: { field: 'instanceId', family: 'get-eventlog' },
  eventid: { field: 'eventId', family: 'get-eventlog' },
  category: { field: 'taskCategory', family: 'get-eventlog' },
  timegenerated: { field: 'time', family: 'get-eventlog' },
  timewritten: { field: 'timeWritten', family: 'get-eventlog' },
  username: { field: 'user', family: 'get-eventlog' },
  // Shared by two forms
  source: { field: 'source', family: 'shared' },
  level: { field: 'level', family: 'shared' },
  keywords: { field: 'keywords', family: 'shared' },
  message: { field: 'description', family: 'shared' },
  machinename: { field: 'computer', family: 'shared' },
};

/** Providers of the MIM world, to complete a name a PowerShell table cut short ("FIMSynchronizationS..."). */
export const KNOWN_PROVIDERS: readonly string[] = [
  'FIMSynchronizationService',
  'MIIServer',
  'PCNSSVC',
  'ADSync',
  'Microsoft.ResourceManagement',
  'Forefront Identity Manager',
];
