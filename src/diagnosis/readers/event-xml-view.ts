import type { IslandHandlers } from './xml-islands';
import { eventTimeToIso } from './event-time';
import { normaliseEventLevel } from './event-level';
import type { EventRecord } from './event-log-types';

/**
 * Event Viewer's XML view (and wevtutil / Get-WinEvent ToXml): <Event><System>...</System>
 * <EventData><Data>...</Data></EventData>[<RenderingInfo>]</Event>, one or several, maybe inside <Events>.
 * Classic providers such as FIMSynchronizationService put the whole message in the Data elements.
 */

export const EVENT_XML_ROOTS: ReadonlySet<string> = new Set(['Event', 'Events']);

/** Keywords bits that mark audit events (winmeta.xml). */
const AUDIT_FAILURE = 0x10000000000000n;
const AUDIT_SUCCESS = 0x20000000000000n;

interface Partial {
  record: EventRecord;
  data: string[];
  renderedMessage: string | null;
  renderedLevel: string | null;
  keywordsHex: string | null;
}

export class EventXmlBuilder implements IslandHandlers {
  readonly records: EventRecord[] = [];
  private readonly path: string[] = [];
  private current: Partial | null = null;
  private buf = '';

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const local = localName(name);
    this.path.push(local);
    this.buf = '';
    if (local === 'Event') {
      this.current = {
        record: emptyRecord('event-xml'),
        data: [],
        renderedMessage: null,
        renderedLevel: null,
        keywordsHex: null,
      };
      return;
    }
    const cur = this.current;
    if (!cur) return;
    const parent = this.path.length >= 2 ? this.path[this.path.length - 2] : '';
    if (parent === 'System') {
      if (local === 'Provider')
        cur.record.source = attributes['EventSourceName'] ?? attributes['Name'] ?? null;
      if (local === 'TimeCreated' && attributes['SystemTime']) {
        cur.record.timeRaw = attributes['SystemTime'];
        cur.record.time = eventTimeToIso(attributes['SystemTime']);
      }
      if (local === 'Security' && attributes['UserID']) cur.record.user = attributes['UserID'];
    }
  }

  text(data: string): void {
    // The leaves we read are short; a cap keeps a hostile paste from growing one string.
    if (this.current && this.buf.length < 65536) this.buf += data;
  }

  close(name: string): void {
    const local = localName(name);
    const parent = this.path.length >= 2 ? this.path[this.path.length - 2] : '';
    this.path.pop();
    const cur = this.current;
    const value = this.buf.trim();
    this.buf = '';
    if (!cur) return;
    if (local === 'Event') {
      this.records.push(finishRecord(cur));
      this.current = null;
      return;
    }
    if (parent === 'System') {
      const r = cur.record;
      if (local === 'EventID') r.eventId = toInt(value);
      else if (local === 'Level') {
        r.levelRaw ??= value;
        r.level = normaliseEventLevel(value);
      } else if (local === 'Keywords') cur.keywordsHex = value;
      else if (local === 'EventRecordID') r.recordId = toInt(value);
      else if (local === 'Channel') r.logName = value || null;
      else if (local === 'Computer') r.computer = value || null;
    } else if (parent === 'EventData' && local === 'Data') {
      if (value !== '') cur.data.push(value);
    } else if (parent === 'RenderingInfo') {
      if (local === 'Message') cur.renderedMessage = value || null;
      else if (local === 'Level') cur.renderedLevel = value || null;
      else if (local === 'Task') cur.record.taskCategory = value || null;
    } else if (parent === 'Keywords' && local === 'Keyword' && this.path.includes('RenderingInfo')) {
      cur.record.keywords = cur.record.keywords ? `${cur.record.keywords}, ${value}` : value;
    }
  }

  /** An Event the text ended inside: what was read so far still counts. */
  flush(): void {
    if (this.current) this.records.push(finishRecord(this.current));
    this.current = null;
  }
}

function finishRecord(p: Partial): EventRecord {
  const r = p.record;
  r.description = p.renderedMessage ?? (p.data.length > 0 ? p.data.join('\n') : null);
  if (p.renderedLevel) {
    r.levelRaw = p.renderedLevel;
    r.level = normaliseEventLevel(p.renderedLevel) ?? r.level;
  }
  if (p.keywordsHex !== null) {
    r.keywords ??= p.keywordsHex;
    const bits = parseHex(p.keywordsHex);
    if (bits !== null && (bits & AUDIT_FAILURE) !== 0n) r.level = 'audit-failure';
    else if (bits !== null && (bits & AUDIT_SUCCESS) !== 0n) r.level = 'audit-success';
  }
  return r;
}

export function emptyRecord(format: EventRecord['format']): EventRecord {
  return {
    format,
    source: null,
    eventId: null,
    level: null,
    levelRaw: null,
    time: null,
    timeRaw: null,
    computer: null,
    logName: null,
    taskCategory: null,
    keywords: null,
    user: null,
    recordId: null,
    description: null,
    truncatedFields: [],
    runProfile: null,
  };
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}

function toInt(v: string): number | null {
  return /^\d{1,15}$/.test(v) ? Number(v) : null;
}

function parseHex(v: string): bigint | null {
  return /^0x[0-9a-f]{1,16}$/i.test(v) ? BigInt(v) : null;
}
