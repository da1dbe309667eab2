/** Event levels as the Windows UI writes them in English and Danish, or as the XML view's numbers. */

export type EventLevel =
  'critical' | 'error' | 'warning' | 'information' | 'verbose' | 'audit-success' | 'audit-failure';

const LEVEL_WORDS: Readonly<Record<string, EventLevel>> = {
  critical: 'critical',
  kritisk: 'critical',
  error: 'error',
  fejl: 'error',
  warning: 'warning',
  advarsel: 'warning',
  information: 'information',
  informational: 'information',
  info: 'information',
  oplysninger: 'information',
  verbose: 'verbose',
  detaljeret: 'verbose',
  // Get-EventLog's EntryType names and Event Viewer's audit labels
  successaudit: 'audit-success',
  'audit success': 'audit-success',
  'overvågning lykkedes': 'audit-success',
  failureaudit: 'audit-failure',
  'audit failure': 'audit-failure',
  'overvågning mislykkedes': 'audit-failure',
};

/** System/Level of the XML view; 0 (LogAlways) is what classic information events carry. */
const LEVEL_NUMBERS: readonly EventLevel[] = [
  'information',
  'critical',
  'error',
  'warning',
  'information',
  'verbose',
];

export function normaliseEventLevel(raw: string): EventLevel | null {
  const v = raw.trim().toLowerCase();
  if (/^\d+$/.test(v)) return LEVEL_NUMBERS[Number(v)] ?? null;
  return LEVEL_WORDS[v] ?? null;
}
