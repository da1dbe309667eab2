import type { TextEncodingName } from './decode-text';
import type { EventLevel } from './event-level';
import type { ReadIssue } from './read-issues';
import type { RunProfileEventFacts } from './run-profile-event';

/** How the event was pasted. */
export type EventFormat =
  | 'event-viewer-text'
  | 'event-xml'
  | 'get-winevent-list'
  | 'get-winevent-table'
  | 'get-eventlog-list'
  | 'get-eventlog-table';

/** One event, with the fields as the provider and Windows wrote them; null when the paste lacks one. */
export interface EventRecord {
  format: EventFormat;
  /** The provider as it writes itself: FIMSynchronizationService, MIIServer, PCNSSVC, ADSync, ... */
  source: string | null;
  eventId: number | null;
  level: EventLevel | null;
  /** The level as written (Error, Fejl, 2, ...). */
  levelRaw: string | null;
  /** ISO 8601: with Z from the XML view, local time without a zone from text. */
  time: string | null;
  timeRaw: string | null;
  computer: string | null;
  logName: string | null;
  taskCategory: string | null;
  keywords: string | null;
  user: string | null;
  recordId: number | null;
  description: string | null;
  /**
   * Fields cut short: by PowerShell's "..." in a table (the source is completed when it is a known
   * provider), or a description longer than the reader keeps.
   */
  truncatedFields: readonly ('source' | 'description')[];
  /** MA, run profile and error counts, when the description is a run-profile event (6050 and its kin). */
  runProfile: RunProfileEventFacts | null;
}

export interface EventLogReading {
  encoding: TextEncodingName;
  /** The first maxEvents events, in the order pasted. */
  events: readonly EventRecord[];
  /** How many events the paste held (more than events.length when capped). */
  eventCount: number;
  dtdRefused: boolean;
  issues: readonly ReadIssue[];
}

export interface EventLogReadOptions {
  /** Events kept (the count stays exact). Default 200. */
  maxEvents?: number;
  /** Longest description kept, in characters. Default 32768. */
  maxDescription?: number;
}
