import { decodeText, type TextInput } from './decode-text';
import type { EventLogReadOptions, EventLogReading, EventRecord } from './event-log-types';
import { readEventText, xmlMarker } from './event-text-view';
import { EVENT_XML_ROOTS, EventXmlBuilder } from './event-xml-view';
import { issueAt, type ReadIssue } from './read-issues';
import { readRunProfileEvent } from './run-profile-event';
import { nextIslandStart, readIsland } from './xml-islands';

/**
 * Reads Application-log events as admins paste them: Event Viewer's text copy (English or Danish
 * Windows), its XML view, and Get-WinEvent / Get-EventLog output, several in one paste, in the order
 * they appear. Run-profile events (6050 and kin) also get their MA, run profile and counts.
 */
export function readEventLog(input: TextInput, options: EventLogReadOptions = {}): EventLogReading {
  const maxEvents = options.maxEvents ?? 200;
  const maxDescription = options.maxDescription ?? 32768;
  const decoded = decodeText(input);
  const text = decoded.text;
  const issues: ReadIssue[] = [];
  if (decoded.invalid) issues.push(issueAt('invalid-encoding', null, text));

  // XML first: each island becomes one marker line, so the text readers see where it stood.
  const islands: EventRecord[][] = [];
  const pieces: string[] = [];
  let dtdRefused = false;
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = nextIslandStart(text, from, EVENT_XML_ROOTS);
    if (start === -1) break;
    const builder = new EventXmlBuilder();
    const island = readIsland(text, start, builder);
    builder.flush();
    if (island.dtdRefused) {
      dtdRefused = true;
      issues.push(issueAt('dtd-refused', island.dtdAt ?? start, text));
      pieces.push(text.slice(copied, start));
      copied = text.length;
      break;
    }
    const end = island.cut ? text.length : island.end;
    // An "<?xml" that led to no element is left to the text readers.
    if (builder.records.length > 0 || island.closed || island.cut) {
      pieces.push(text.slice(copied, start), `\n${xmlMarker(islands.length)}\n`);
      islands.push(builder.records);
      copied = end;
      if (island.errorCount > 0) {
        issues.push({
          ...issueAt('malformed', start, text),
          errorCount: island.errorCount,
          messages: island.firstErrors,
        });
      }
    }
    if (island.cut) {
      issues.push({ ...issueAt('truncated', text.length, text), openElements: island.openElements });
      break;
    }
    if (!island.closed && !island.abandoned) break;
    from = Math.max(end, start + 1);
  }
  pieces.push(text.slice(copied));

  const events: EventRecord[] = [];
  for (const item of readEventText(pieces.join(''))) {
    if (item.kind === 'xml') {
      events.push(...(islands[item.ref] ?? []));
    } else {
      const xml = item.xmlRef !== null ? islands[item.xmlRef]?.[0] : undefined;
      events.push(xml ? mergeXml(item.record, xml) : item.record);
    }
  }
  const kept = events.slice(0, maxEvents).map((e) => capDescription(e, maxDescription));
  for (const e of kept) {
    if (e.description !== null) e.runProfile = readRunProfileEvent(e.description);
  }
  if (events.length === 0 && !dtdRefused) issues.push(issueAt('nothing-recognised', null, text));
  return { encoding: decoded.encoding, events: kept, eventCount: events.length, dtdRefused, issues };
}

function capDescription(e: EventRecord, max: number): EventRecord {
  if (e.description === null || e.description.length <= max) return e;
  const truncatedFields = e.truncatedFields.includes('description')
    ? e.truncatedFields
    : [...e.truncatedFields, 'description' as const];
  return { ...e, description: e.description.slice(0, max), truncatedFields };
}

/** Event Viewer's copy carries the XML view too: it fills what the text lacks, and gives the UTC time. */
function mergeXml(textRecord: EventRecord, xml: EventRecord): EventRecord {
  const merged: EventRecord = { ...textRecord };
  merged.source ??= xml.source;
  merged.eventId ??= xml.eventId;
  merged.level ??= xml.level;
  merged.levelRaw ??= xml.levelRaw;
  merged.computer ??= xml.computer;
  merged.logName ??= xml.logName;
  merged.taskCategory ??= xml.taskCategory;
  merged.keywords ??= xml.keywords;
  merged.user ??= xml.user;
  merged.recordId ??= xml.recordId;
  merged.description ??= xml.description;
  if (xml.time !== null) merged.time = xml.time;
  return merged;
}
