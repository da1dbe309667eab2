import { decodeText, type TextInput } from './decode-text';
import { callsiteOf, type ExtensionCallsite, type ExtensionKind } from './extension-entry-points';
import { readPowerShellErrorRecords, type PowerShellErrorRecord } from './powershell-error-records';
import { isFrameLine, parseFrame, type StackFrame } from './stack-frames';

/**
 * Reads a .NET stack trace as MIM shows it (behind "Stack Trace...", in an error-literal or call-stack,
 * in event 6801) or as a PowerShell connector logs it: the exception chain outer to inner, the frames,
 * the customer's frame nearest the throw, and which MIM call it was in.
 */

export interface ExceptionInfo {
  /** Full type name as written: "System.NullReferenceException". */
  type: string;
  /** The type's last part: "NullReferenceException". */
  name: string;
  message: string | null;
  frames: readonly StackFrame[];
}

export interface EntryPoint {
  callsite: ExtensionCallsite;
  kind: ExtensionKind | null;
  /** Short interface name when the frame shows it (explicit implementation). */
  interfaceName: string | null;
  frame: StackFrame;
}

export type PowerShellSignal =
  'automation-frames' | 'script-frames' | 'automation-exception' | 'error-record';

export interface StackTraceReading {
  recognised: boolean;
  /** Outer first; the last one is the innermost cause. */
  exceptions: readonly ExceptionInfo[];
  innermost: ExceptionInfo | null;
  /** All frames in the order written (at most MAX_FRAMES; frameCount is exact). */
  frames: readonly StackFrame[];
  frameCount: number;
  /** The customer's frame nearest the throw: a script line if a script was running, else .NET code. */
  throwingFrame: StackFrame | null;
  /** The MIM call the failure happened in, from the interface method on the stack. */
  entryPoint: EntryPoint | null;
  callsite: ExtensionCallsite | null;
  powerShell: {
    looksLikeScript: boolean;
    signals: readonly PowerShellSignal[];
    scriptFrames: readonly StackFrame[];
    errorRecords: readonly PowerShellErrorRecord[];
  };
}

const MAX_FRAMES = 200;
const MAX_EXCEPTIONS = 20;
const MAX_MESSAGE = 4096;
/** A line at least this long that runs on into the next was hard-wrapped by whatever stored it. */
const HARD_WRAP = 100;

const INNER_SEPARATOR =
  /^\s*---\s*(?:End of inner exception stack trace|Slut på staksporing af indre undtagelse|Ende der internen Ausnahmestapelüberwachung)\s*---\s*$/i;
const OTHER_SEPARATOR = /^\s*---\s.*\s---\s*$/;
const INNER_PREFIX =
  /^(?:-+>\s*)?(?:\(\s*Inner Exception\s*#?\s*\d*\s*\)|Inner\s*Exception(?:\s*#?\s*\d+)?\s*:|Indre undtagelse\s*:)\s*/i;
const OUTER_PREFIX = /^(?:Unhandled Exception|Exception|Error|Fejl|Undtagelse)\s*:\s*/i;
/** A type name that may start a header: dotted identifiers, generic arity and arguments allowed. */
const TYPE = /^[A-Za-z_][\w`]*(?:\.[A-Za-z_][\w`]*)*(?:\[[^\]]*\])?/;

type Line =
  | { kind: 'header'; inner: boolean; text: string }
  | { kind: 'frame'; text: string }
  | { kind: 'inner-separator' }
  | { kind: 'break' };

interface Segment {
  chain: number[];
  blocks: StackFrame[][];
}

export function readStackTrace(input: TextInput): StackTraceReading {
  const text = unescapeXml(decodeText(input).text);
  const physical = splitFlattened(text.split(/\r?\n/));
  const lines = joinWrapped(physical);

  const exceptions: { type: string; name: string; message: string | null; frames: StackFrame[] }[] = [];
  const allFrames: StackFrame[] = [];
  let frameCount = 0;
  const segments: Segment[] = [];
  let seg: Segment | null = null;

  for (const line of lines) {
    if (line.kind === 'header') {
      const chain = parseChain(line.text);
      if (chain.length === 0) continue;
      const indices: number[] = [];
      for (const link of chain) {
        // AggregateException repeats its inner exceptions as "(Inner Exception #0) ...": reuse those.
        const again = line.inner
          ? exceptions.findIndex(
              (e) => e.type === link.type && e.message === link.message && e.frames.length === 0,
            )
          : -1;
        if (again !== -1 && !indices.includes(again)) indices.push(again);
        else if (exceptions.length < MAX_EXCEPTIONS) {
          indices.push(exceptions.length);
          exceptions.push({ ...link, frames: [] });
        }
      }
      seg = { chain: indices, blocks: [[]] };
      segments.push(seg);
    } else if (line.kind === 'frame') {
      frameCount++;
      if (allFrames.length >= MAX_FRAMES) continue;
      const frame = parseFrame(line.text);
      allFrames.push(frame);
      // A script's own stack (ScriptStackTrace) is not part of any .NET exception's frames.
      if (frame.kind === 'script') continue;
      seg ??= pushSegment(segments);
      seg.blocks[seg.blocks.length - 1].push(frame);
    } else if (line.kind === 'inner-separator') {
      seg ??= pushSegment(segments);
      seg.blocks.push([]);
    } else {
      // .NET never leaves a blank line inside a trace: what follows is another one.
      seg = null;
    }
  }

  // .NET prints the innermost exception's frames first, then each outer one after a separator.
  for (const s of segments) {
    s.blocks.forEach((block, b) => {
      if (s.chain.length === 0) return;
      const index = s.chain[Math.max(0, s.chain.length - 1 - b)];
      for (const frame of block) {
        frame.exceptionIndex = index;
        exceptions[index].frames.push(frame);
      }
    });
  }

  const scriptFrames = allFrames.filter((f) => f.kind === 'script');
  const ordered = framesInnermostFirst(exceptions, allFrames);
  const throwingFrame = scriptFrames[0] ?? ordered.find((f) => !f.platform) ?? null;
  let entryPoint: EntryPoint | null = null;
  for (const frame of ordered) {
    if (frame.kind !== 'dotnet') continue;
    const match = callsiteOf(frame.interfaceName, frame.method, !frame.platform);
    if (match) {
      entryPoint = { callsite: match.callsite, kind: match.kind, interfaceName: match.interfaceName, frame };
      break;
    }
  }

  const errorRecords = readPowerShellErrorRecords(physical);
  const signals: PowerShellSignal[] = [];
  if (allFrames.some((f) => f.namespace?.startsWith('System.Management.Automation')))
    signals.push('automation-frames');
  if (scriptFrames.length > 0) signals.push('script-frames');
  if (exceptions.some(isAutomationException)) signals.push('automation-exception');
  if (errorRecords.length > 0) signals.push('error-record');

  return {
    recognised: exceptions.length > 0 || frameCount > 0 || errorRecords.length > 0,
    exceptions,
    innermost: exceptions.length > 0 ? exceptions[exceptions.length - 1] : null,
    frames: allFrames,
    frameCount,
    throwingFrame,
    entryPoint,
    callsite: entryPoint?.callsite ?? null,
    powerShell: { looksLikeScript: signals.length > 0, signals, scriptFrames, errorRecords },
  };
}

/** PowerShell's own exceptions, in full or by the short name an error record shows. */
const AUTOMATION_EXCEPTIONS: ReadonlySet<string> = new Set([
  'RuntimeException',
  'ParameterBindingException',
  'CmdletInvocationException',
  'MethodInvocationException',
  'ActionPreferenceStopException',
  'CommandNotFoundException',
  'ParseException',
  'PSInvalidOperationException',
  'PSArgumentException',
  'ItemNotFoundException',
]);

function isAutomationException(e: { type: string; name: string }): boolean {
  if (e.type.startsWith('System.Management.Automation.')) return true;
  return e.type === e.name && AUTOMATION_EXCEPTIONS.has(e.name);
}

function pushSegment(segments: Segment[]): Segment {
  const s: Segment = { chain: [], blocks: [[]] };
  segments.push(s);
  return s;
}

/** Frames of the innermost exception first (where it was thrown), then outward, then frames of no exception. */
function framesInnermostFirst(
  exceptions: readonly { frames: StackFrame[] }[],
  all: readonly StackFrame[],
): StackFrame[] {
  const out: StackFrame[] = [];
  for (let i = exceptions.length - 1; i >= 0; i--) out.push(...exceptions[i].frames);
  for (const f of all) if (f.exceptionIndex === null) out.push(f);
  return out;
}

/** "A: m1 ---> B: m2 ---> C: m3" as links outer to inner; "--->" inside a message stays in it. */
function parseChain(header: string): { type: string; name: string; message: string | null }[] {
  const links: { type: string; name: string; message: string | null }[] = [];
  for (const part of header.split('--->').map((p) => p.trim())) {
    const link = parseLink(part);
    if (link) links.push(link);
    else if (links.length > 0) {
      const last = links[links.length - 1];
      last.message = capMessage(`${last.message ?? ''} ---> ${part}`.trim());
    }
  }
  return links;
}

function parseLink(part: string): { type: string; name: string; message: string | null } | null {
  const t = part.replace(INNER_PREFIX, '').trim();
  const m = TYPE.exec(t);
  if (!m) return null;
  const type = m[0];
  const rest = t.slice(type.length);
  if (rest !== '' && !/^\s*:/.test(rest)) return null;
  const name = type.slice(type.lastIndexOf('.') + 1);
  if (!type.includes('.') && !/Exception$/.test(name)) return null;
  if (!/(?:Exception|Error|Fault|Failure)(?:`\d+)?(?:\[[^\]]*\])?$/.test(type) && rest === '') return null;
  const message = rest
    .replace(/^\s*:\s*/, '')
    .replace(/"\s*$/, '')
    .trim();
  return { type, name, message: message === '' ? null : capMessage(message) };
}

function isHeader(line: string): { inner: boolean; text: string } | null {
  let t = line.trim().replace(/^["“']+/, '');
  const inner = INNER_PREFIX.test(t);
  if (inner) t = t.replace(INNER_PREFIX, '');
  else if (OUTER_PREFIX.test(t) && parseLink(t.replace(OUTER_PREFIX, '')) !== null)
    t = t.replace(OUTER_PREFIX, '');
  const first = t.split('--->', 1)[0].trim();
  const link = parseLink(first);
  if (!link) return null;
  // A dotted name with nothing after it is a frame-less mention ("System.String"), unless it ends like an exception.
  if (link.message === null && !/(?:Exception|Error|Fault|Failure)$/.test(link.name)) return null;
  return { inner, text: t };
}

/**
 * Physical lines to logical ones: a header's message may go on over several lines, and a line that
 * something hard-wrapped at a fixed width (as in saved run histories) is put back together.
 */
function joinWrapped(physical: readonly string[]): Line[] {
  const out: Line[] = [];
  let last: Line | null = null;
  let lastRaw = '';
  // A hard wrap keeps every character, the space before the break too.
  const wrapped = (raw: string): string => (/\s$/.test(lastRaw) ? ' ' : '') + raw;
  for (const raw of physical) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      out.push({ kind: 'break' });
      last = null;
      continue;
    }
    if (INNER_SEPARATOR.test(line)) {
      out.push({ kind: 'inner-separator' });
      last = null;
      continue;
    }
    if (OTHER_SEPARATOR.test(line)) {
      last = null;
      continue;
    }
    if (isFrameLine(line)) {
      last = { kind: 'frame', text: line.trim() };
      out.push(last);
      lastRaw = raw;
      continue;
    }
    const header = isHeader(line);
    if (header) {
      last = { kind: 'header', inner: header.inner, text: header.text };
      out.push(last);
      lastRaw = raw;
      continue;
    }
    // A continuation: of a frame only when it was cut mid-signature, of a message always.
    if (last && last.kind === 'frame' && (lastRaw.length >= HARD_WRAP || unbalanced(last.text))) {
      last.text += lastRaw.length >= HARD_WRAP ? wrapped(raw) : ` ${line.trim()}`;
      lastRaw = raw;
      continue;
    }
    if (last && last.kind === 'header') {
      last.text += lastRaw.length >= HARD_WRAP ? wrapped(raw) : `\n${line.trim()}`;
      lastRaw = raw;
      continue;
    }
    last = null;
  }
  return out;
}

function unbalanced(frame: string): boolean {
  let depth = 0;
  for (const c of frame) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return depth > 0;
}

/** A trace whose line breaks were lost (a chat client flattened it): break before each frame again. */
function splitFlattened(lines: readonly string[]): string[] {
  const out: string[] = [];
  const frameAt =
    /\s(?=(?:at|ved|bei)\s+[\w`<>+[\]]+(?:\.[\w`<>+[\]]+)+\()|\s(?=---\s*End of inner exception stack trace\s*---)/g;
  for (const line of lines) {
    if (line.length < 200 || !frameAt.test(line)) {
      out.push(line);
      continue;
    }
    frameAt.lastIndex = 0;
    const pieces = line.split(frameAt).filter((l) => l.trim() !== '');
    out.push(...pieces.map((l, i) => (i === 0 ? l : `   ${l.trim()}`)));
  }
  return out;
}

/** A stack copied out of raw run-history XML still has its entities. */
function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function capMessage(m: string): string {
  return m.length > MAX_MESSAGE ? m.slice(0, MAX_MESSAGE) : m;
}
