import { isFrameLine } from './stack-frames';

/**
 * PowerShell's error view, as a connector script's error lands in a log or a paste:
 *   Get-ADUser : Cannot find an object with identity: 'jdoe' under: 'DC=contoso,DC=com'.
 *   At C:\Scripts\Export.ps1:42 char:5
 *   +     Get-ADUser -Identity $id
 *       + CategoryInfo          : ObjectNotFound: (jdoe:ADUser) [Get-ADUser], ADIdentityNotFoundException
 *       + FullyQualifiedErrorId : ActiveDirectoryCmdlet:...ADIdentityNotFoundException,...GetADUser
 */

export interface PowerShellErrorRecord {
  /** The command before " : " on the message line, when there is one. */
  command: string | null;
  message: string | null;
  /** Script path from "At C:\x.ps1:42 char:5"; null for "At line:1 char:1" (typed at a prompt). */
  script: string | null;
  line: number | null;
  column: number | null;
  /** CategoryInfo: "ObjectNotFound: (jdoe:ADUser) [Get-ADUser], ADIdentityNotFoundException". */
  category: string | null;
  target: string | null;
  activity: string | null;
  /** The exception's short name, as CategoryInfo ends. */
  reason: string | null;
  fullyQualifiedErrorId: string | null;
}

/** "At C:\\x.ps1:42 char:5": the path is what lies between "At " and this ending. */
const AT_START = /^\s*At\s/;
const AT_END = /:(\d{1,9})[ \t]+char:(\d{1,9})$/;
const AT_PROMPT = /^\s*At\s+line:(\d+)\s+char:(\d+)\s*$/;
const CATEGORY = /^\s*\+\s*CategoryInfo\s*:\s*(.*)$/;
const FQID = /^\s*\+\s*FullyQualifiedErrorId\s*:\s*(.*)$/;
const CATEGORY_PARTS = /^(\w+):\s*\(([^()]*)\)\s*\[([^\]]*)\],\s*(.*)$/;
/** Error-record lines are short; longer ones are not looked at. */
const MAX_LINE = 2048;
/** "Set-ADUser : The server is unwilling...": a command name (Verb-Noun, or a bare name) before " : ". */
const COMMAND_MESSAGE = /^([A-Za-z][\w.]*(?:-[\w.]+)?)\s+:\s+(.+)$/;

export function readPowerShellErrorRecords(lines: readonly string[]): PowerShellErrorRecord[] {
  const records: PowerShellErrorRecord[] = [];
  let cur: PowerShellErrorRecord | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > MAX_LINE) continue;
    // "At line:1 char:1" first: the script form would read "line" as a path.
    const prompt = AT_PROMPT.exec(line);
    const script = prompt ? null : atScript(line);
    if (script || prompt) {
      if (cur) records.push(cur);
      cur = emptyRecord();
      if (script) [cur.script, cur.line, cur.column] = script;
      else if (prompt) {
        cur.line = Number(prompt[1]);
        cur.column = Number(prompt[2]);
      }
      readMessageAbove(lines, i, cur);
      continue;
    }
    const category = CATEGORY.exec(line);
    if (category) {
      if (!cur || cur.category !== null) {
        if (cur) records.push(cur);
        cur = emptyRecord();
      }
      cur.category = category[1].trim();
      const parts = CATEGORY_PARTS.exec(cur.category);
      if (parts) {
        cur.category = parts[1];
        // "(:)" is PowerShell's way of saying there was no target.
        cur.target = /^\s*:?\s*$/.test(parts[2]) ? null : parts[2].trim();
        cur.activity = parts[3].trim() || null;
        cur.reason = parts[4].trim() || null;
      }
      continue;
    }
    const fqid = FQID.exec(line);
    if (fqid) {
      cur ??= emptyRecord();
      cur.fullyQualifiedErrorId = fqid[1].trim() || null;
      records.push(cur);
      cur = null;
    }
  }
  if (cur && (cur.category !== null || cur.script !== null || cur.line !== null)) records.push(cur);
  return records;
}

/**
 * The message is the paragraph just above the "At" line, from a "Command : message" line if there is
 * one (whatever a log wrote before it is not part of the error).
 */
function readMessageAbove(lines: readonly string[], at: number, rec: PowerShellErrorRecord): void {
  const above: string[] = [];
  for (let j = at - 1; j >= 0 && j >= at - 6; j--) {
    const l = lines[j].trim();
    if (
      l === '' ||
      l.length > MAX_LINE ||
      l.startsWith('+') ||
      AT_PROMPT.test(l) ||
      atScript(l) ||
      isFrameLine(l)
    )
      break;
    above.unshift(l);
    if (COMMAND_MESSAGE.test(l)) break;
  }
  if (above.length === 0) return;
  const text = above.join(' ');
  const m = COMMAND_MESSAGE.exec(text);
  if (m) {
    rec.command = m[1];
    rec.message = m[2];
  } else rec.message = text;
}

function atScript(line: string): [string, number, number] | null {
  const start = AT_START.exec(line);
  if (!start) return null;
  const t = line.trimEnd();
  const end = AT_END.exec(t);
  if (!end || end.index <= start[0].length) return null;
  return [t.slice(start[0].length, end.index).trim(), Number(end[1]), Number(end[2])];
}

function emptyRecord(): PowerShellErrorRecord {
  return {
    command: null,
    message: null,
    script: null,
    line: null,
    column: null,
    category: null,
    target: null,
    activity: null,
    reason: null,
    fullyQualifiedErrorId: null,
  };
}
