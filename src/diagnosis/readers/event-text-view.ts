import { normaliseEventLevel } from './event-level';
import { EVENT_LABELS, type EventLabel, type LabelFamily } from './event-labels';
import type { EventRecord } from './event-log-types';
import { readEventTable } from './event-table-view';
import { eventTimeToIso } from './event-time';
import { emptyRecord } from './event-xml-view';

/**
 * The text forms of events, line by line: Event Viewer's "Copy details as text" (labels, then the
 * description on the lines below "Description:" up to "Event Xml:"), PowerShell's Format-List (labels
 * padded to a colon, the message's further lines indented), and PowerShell's tables. XML islands were
 * cut out beforehand and stand as marker lines, so an "Event Xml:" label can claim the XML below it.
 */

export type TextItem =
  { kind: 'text'; record: EventRecord; xmlRef: number | null } | { kind: 'xml'; ref: number };

/** Marker that stands for the XML island numbered ref; the private-use character cannot come from MIM. */
export function xmlMarker(ref: number): string {
  return `\uE000${ref}\uE000`;
}

const MARKER = /^\uE000(\d+)\uE000$/;
/** "Label: value" at the start of a line; the label is a few words, letters or hyphens. */
const LABEL_LINE = /^([A-Za-zÆØÅæøåÉé][A-Za-zÆØÅæøåÉé -]{0,30}?)[ \t]*:(?:[ \t]*(.*))?$/;
const GROUP_PROVIDER = /^\s+ProviderName:[ \t]*(\S.*)$/;

interface LabelMatch {
  key: string;
  def: EventLabel;
  value: string;
  /** Column where the value starts: the indent of a Format-List message's further lines. */
  valueColumn: number;
}

function matchLabel(line: string): LabelMatch | null {
  const m = LABEL_LINE.exec(line);
  if (!m) return null;
  const key = m[1].trim().toLowerCase();
  const def = EVENT_LABELS[key];
  if (!def) return null;
  const value = (m[2] ?? '').trim();
  const valueColumn = m[2] === undefined ? line.length : line.length - m[2].length;
  return { key, def, value, valueColumn };
}

interface Acc {
  record: EventRecord;
  labels: Set<string>;
  families: Set<LabelFamily>;
  descMode: 'viewer' | 'list' | null;
  descLines: string[];
  descIndent: number;
  instanceId: number | null;
  timeWritten: string | null;
  expectXml: boolean;
  xmlRef: number | null;
}

export function readEventText(text: string): TextItem[] {
  const lines = text.split(/\r?\n/);
  const items: TextItem[] = [];
  let cur: Acc | null = null;
  let groupProvider: string | null = null;
  const flush = (): void => {
    if (cur) {
      const item = finish(cur);
      if (item) items.push(item);
    }
    cur = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    const marker = MARKER.exec(line.trim());
    if (marker) {
      const ref = Number(marker[1]);
      const acc: Acc | null = cur;
      if (acc && acc.expectXml && acc.xmlRef === null) {
        endDescription(acc);
        acc.xmlRef = ref;
        acc.expectXml = false;
        continue;
      }
      flush();
      items.push({ kind: 'xml', ref });
      continue;
    }
    if (cur !== null) {
      const acc: Acc = cur;
      if (acc.descMode === 'list') {
        if (line === '' || /^\s/.test(line)) {
          acc.descLines.push(stripIndent(line, acc.descIndent));
          continue;
        }
        endDescription(acc);
      } else if (acc.descMode === 'viewer') {
        if (!endsViewerDescription(lines, i, line)) {
          acc.descLines.push(line);
          continue;
        }
        endDescription(acc);
      }
    }
    const group = GROUP_PROVIDER.exec(line);
    if (group) {
      flush();
      groupProvider = group[1].trim();
      continue;
    }
    const table = readEventTable(lines, i, groupProvider);
    if (table) {
      flush();
      for (const record of table.records) items.push({ kind: 'text', record, xmlRef: null });
      i = table.next - 1;
      continue;
    }
    const lab = matchLabel(line);
    if (lab) {
      if (cur !== null) {
        const acc: Acc = cur;
        if (acc.labels.has(lab.key) || (lab.def.startsRecord === true && acc.labels.size > 0)) flush();
      }
      const acc: Acc = cur ?? newAcc();
      cur = acc;
      apply(acc, lab);
      continue;
    }
    if (cur !== null) {
      const acc: Acc = cur;
      // Blank lines between fields, the wrapped tail of a long Format-List value, and properties we do
      // not read (Version, Qualifiers, ReplacementStrings, ...) stay in the event.
      if (line.trim() === '' || /^\s/.test(line) || LABEL_LINE.test(line)) continue;
      acc.expectXml = false;
      flush();
    }
  }
  flush();
  return items;
}

const PROMPT = /^PS [A-Za-z]:\\[^>]*>/;
/** A Format-List property: padded to the colon ("Index              : 88231"). */
const PADDED_LABEL = /^\S[^:]*\s:/;

/**
 * Event Viewer's description runs to the end of the paste; it stops at "Event Xml:", the next event's
 * "Log Name:", or where PowerShell output begins (a prompt, a table, a Format-List property).
 */
function endsViewerDescription(lines: readonly string[], i: number, line: string): boolean {
  const lab = matchLabel(line);
  if (lab && (lab.def.field === 'eventXml' || lab.def.startsRecord === true)) return true;
  if (
    lab &&
    (lab.def.family === 'get-winevent' || lab.def.family === 'get-eventlog') &&
    PADDED_LABEL.test(line)
  )
    return true;
  if (PROMPT.test(line)) return true;
  return readEventTable(lines, i, null) !== null;
}

function newAcc(): Acc {
  return {
    record: emptyRecord('event-viewer-text'),
    labels: new Set(),
    families: new Set(),
    descMode: null,
    descLines: [],
    descIndent: 0,
    instanceId: null,
    timeWritten: null,
    expectXml: false,
    xmlRef: null,
  };
}

function apply(acc: Acc, lab: LabelMatch): void {
  acc.labels.add(lab.key);
  acc.families.add(lab.def.family);
  const r = acc.record;
  const v = lab.value;
  switch (lab.def.field) {
    case 'description':
      // Event Viewer puts the description below its label; Format-List starts it on the label's line.
      acc.descMode = lab.key === 'message' ? 'list' : 'viewer';
      acc.descIndent = lab.valueColumn;
      acc.descLines = v === '' ? [] : [v];
      return;
    case 'eventXml':
      acc.expectXml = true;
      return;
    case 'time':
      r.timeRaw = v || null;
      r.time = v ? eventTimeToIso(v) : null;
      return;
    case 'timeWritten':
      acc.timeWritten = v || null;
      return;
    case 'eventId':
      r.eventId = toInt(v);
      return;
    case 'instanceId':
      acc.instanceId = toInt(v);
      return;
    case 'recordId':
      r.recordId = toInt(v);
      return;
    case 'level':
      // Format-List * prints the number (Level) and the name (LevelDisplayName); the name wins.
      if (r.levelRaw !== null && /^\d+$/.test(v) && !/^\d+$/.test(r.levelRaw)) return;
      r.levelRaw = v || null;
      r.level = v ? normaliseEventLevel(v) : null;
      return;
    case 'keywords':
      r.keywords = v.replace(/^\{|\}$/g, '').trim() || null;
      return;
    case 'source':
      r.source = v || null;
      return;
    case 'logName':
      r.logName = v || null;
      return;
    case 'taskCategory':
      r.taskCategory = v || null;
      return;
    case 'user':
      r.user = v || null;
      return;
    case 'computer':
      r.computer = v || null;
      return;
  }
}

function endDescription(acc: Acc): void {
  if (acc.descMode === null) return;
  const lines = acc.descLines.map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  acc.record.description = lines.length > 0 ? lines.join('\n') : null;
  acc.descMode = null;
  acc.descLines = [];
}

function finish(acc: Acc): TextItem | null {
  endDescription(acc);
  const r = acc.record;
  if (acc.families.has('event-viewer')) r.format = 'event-viewer-text';
  else if (acc.families.has('get-eventlog')) r.format = 'get-eventlog-list';
  else if (acc.families.has('get-winevent')) r.format = 'get-winevent-list';
  // InstanceId carries the severity and facility bits above the event id.
  if (r.eventId === null && acc.instanceId !== null) r.eventId = acc.instanceId % 0x10000;
  if (r.time === null && acc.timeWritten !== null) {
    r.timeRaw = acc.timeWritten;
    r.time = eventTimeToIso(acc.timeWritten);
  }
  // A stray "Date: ..." line in a chat message is not an event.
  const substantial = r.eventId !== null || r.source !== null || r.description !== null;
  if (!substantial || acc.labels.size < 2) {
    return acc.xmlRef !== null ? { kind: 'xml', ref: acc.xmlRef } : null;
  }
  return { kind: 'text', record: r, xmlRef: acc.xmlRef };
}

function stripIndent(line: string, indent: number): string {
  let k = 0;
  while (k < indent && k < line.length && line[k] === ' ') k++;
  return line.slice(k);
}

function toInt(v: string): number | null {
  return /^\d{1,15}$/.test(v) ? Number(v) : null;
}
