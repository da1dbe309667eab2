import { normaliseEventLevel } from './event-level';
import { KNOWN_PROVIDERS } from './event-labels';
import type { EventRecord } from './event-log-types';
import { eventTimeToIso } from './event-time';
import { emptyRecord } from './event-xml-view';

/**
 * PowerShell's default table views: Get-EventLog ("Index Time EntryType Source InstanceID Message") and
 * Get-WinEvent ("TimeCreated Id LevelDisplayName Message", under a "ProviderName: X" group line).
 * Columns are found from the dashes under the header; right-aligned numbers may stick out to the left
 * of their dashes, so a row is cut at the last space before each column.
 */

const TABLE_COLUMNS: ReadonlySet<string> = new Set([
  'index',
  'time',
  'entrytype',
  'source',
  'instanceid',
  'eventid',
  'message',
  'timecreated',
  'timegenerated',
  'id',
  'leveldisplayname',
  'level',
  'providername',
  'machinename',
]);

const DASHES = /^\s*-+(?:\s+-+)*\s*$/;

export interface EventTable {
  records: EventRecord[];
  /** Index of the first line after the table. */
  next: number;
}

/** Reads a table whose header is lines[i] (dashes on lines[i + 1]); null when lines[i] is not one. */
export function readEventTable(
  lines: readonly string[],
  i: number,
  groupProvider: string | null,
): EventTable | null {
  if (i + 1 >= lines.length || !DASHES.test(lines[i + 1])) return null;
  const starts: number[] = [];
  const ends: number[] = [];
  const dash = lines[i + 1];
  for (let c = 0; c < dash.length; c++) {
    if (dash[c] === '-' && (c === 0 || dash[c - 1] !== '-')) starts.push(c);
    if (dash[c] === '-' && (c + 1 === dash.length || dash[c + 1] !== '-')) ends.push(c);
  }
  const header = lines[i];
  const names = starts.map((s, k) =>
    header
      .slice(s, ends[k] + 1)
      .trim()
      .toLowerCase(),
  );
  if (names.filter((n) => TABLE_COLUMNS.has(n)).length < 2) return null;
  const format: EventRecord['format'] = names.some(
    (n) => n === 'entrytype' || n === 'instanceid' || n === 'index',
  )
    ? 'get-eventlog-table'
    : 'get-winevent-table';
  const records: EventRecord[] = [];
  let j = i + 2;
  for (; j < lines.length && lines[j].trim() !== ''; j++) {
    const cells = cutRow(lines[j], starts, ends);
    records.push(toRecord(format, names, cells, groupProvider));
  }
  return { records, next: j };
}

function cutRow(row: string, starts: readonly number[], ends: readonly number[]): string[] {
  const cuts: number[] = [0];
  for (let k = 1; k < starts.length; k++) {
    const from = ends[k - 1] + 1;
    let cut = Math.min(starts[k], row.length);
    // The last space at or before the column's dashes, but not inside the previous column's dashes.
    for (let c = Math.min(starts[k], row.length - 1); c >= from; c--) {
      if (row[c] === ' ') {
        cut = c;
        break;
      }
    }
    cuts.push(Math.max(cut, cuts[k - 1]));
  }
  return cuts.map((c, k) => row.slice(c, k + 1 < cuts.length ? cuts[k + 1] : row.length).trim());
}

function toRecord(
  format: EventRecord['format'],
  names: readonly string[],
  cells: readonly string[],
  groupProvider: string | null,
): EventRecord {
  const r = emptyRecord(format);
  r.source = groupProvider;
  const truncated: ('source' | 'description')[] = [];
  let instanceId: number | null = null;
  names.forEach((name, k) => {
    const v = cells[k] ?? '';
    if (v === '') return;
    switch (name) {
      case 'index':
        r.recordId = toInt(v);
        break;
      case 'time':
      case 'timecreated':
      case 'timegenerated':
        r.timeRaw = v;
        r.time = eventTimeToIso(v);
        break;
      case 'entrytype':
      case 'leveldisplayname':
      case 'level':
        r.levelRaw = v;
        r.level = normaliseEventLevel(v);
        break;
      case 'source':
      case 'providername':
        if (v.endsWith('...')) {
          truncated.push('source');
          const prefix = v.slice(0, -3);
          r.source = KNOWN_PROVIDERS.find((p) => p.startsWith(prefix)) ?? v;
        } else r.source = v;
        break;
      case 'instanceid':
        instanceId = toInt(v);
        break;
      case 'eventid':
      case 'id':
        r.eventId = toInt(v);
        break;
      case 'machinename':
        r.computer = v;
        break;
      case 'message':
        if (v.endsWith('...')) truncated.push('description');
        r.description = v;
        break;
    }
  });
  // InstanceID carries the severity and facility bits above the event id.
  if (r.eventId === null && instanceId !== null) r.eventId = instanceId % 0x10000;
  r.truncatedFields = truncated;
  return r;
}

function toInt(v: string): number | null {
  return /^\d{1,15}$/.test(v) ? Number(v) : null;
}
