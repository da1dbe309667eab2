/**
 * Run history writes dates as "2017-01-04 23:00:55.253", in UTC. They are returned as ISO 8601 with a Z
 * so they compare and sort; anything else is returned as written.
 */
const RUN_HISTORY_DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,7})?Z?$/;

export function runHistoryDateToIso(value: string): string {
  const m = RUN_HISTORY_DATE.exec(value.trim());
  if (!m) return value.trim();
  const fraction = m[3] ? m[3].slice(0, 4).padEnd(4, '0') : '.000';
  return `${m[1]}T${m[2]}${fraction}Z`;
}
