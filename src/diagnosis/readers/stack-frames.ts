/**
 * One line of a .NET or PowerShell stack trace, taken apart: "at Ns.Class.Method(args) in file:line N"
 * (also Danish "ved ... i ...:linje N" and German "bei ... in ...:Zeile N", as localised .NET prints
 * them) and PowerShell's "at <ScriptBlock>, C:\script.ps1: line 42".
 */

export interface StackFrame {
  kind: 'dotnet' | 'script';
  /** The frame as written (hard-wrapped lines joined), without the leading "at". */
  text: string;
  /** Everything before the class: "Contoso.MAExtension". null for script frames and bare names. */
  namespace: string | null;
  /** The declaring class ("MAExtensionObject"; nested types keep their "+"). null for script frames. */
  className: string | null;
  /** Method, or for a script frame the function ("<ScriptBlock>", "Get-ContosoUser"). */
  method: string;
  /** An explicitly implemented interface, in full: "Microsoft.MetadirectoryServices.IMASynchronization". */
  interfaceName: string | null;
  parameters: string | null;
  file: string | null;
  line: number | null;
  /** Microsoft.*, System.*, mscorlib and runtime-generated frames: not the customer's code. */
  platform: boolean;
  /** Index into the reading's exceptions of the exception this frame belongs to; null when unknown. */
  exceptionIndex: number | null;
}

/** "at", "ved" (da, nb), "bei" (de), "vid" (sv), "bij" (nl) before a frame. */
const FRAME_WORD = /^(?:at|ved|bei|vid|bij)\s/;
/** ", C:\\x.ps1: line 42" ending a script frame. */
const SCRIPT_LINE = /:[ \t]*(?:line|linje|Zeile)[ \t]+(\d{1,9})$/i;
/** ":line 42" ending a .NET frame that has its file. */
const FILE_LINE = /:(?:line|linje|Zeile|rad|regel)[ \t]+(\d{1,9})$/;
const FILE_WORDS = [') in ', ') i ', ') ved '];
/** No frame is this long; longer lines are not looked at (and cannot make a pattern slow). */
const MAX_FRAME = 4096;

/** The frame's text after "at" (and without AggregateException's trailing "<---"), or null. */
function frameBody(line: string): string | null {
  const t = line.trim();
  if (t.length > MAX_FRAME) return null;
  const m = FRAME_WORD.exec(t);
  if (!m) return null;
  let body = t.slice(m[0].length).trimStart();
  if (body.endsWith('<---')) body = body.slice(0, -4).trimEnd();
  return body === '' ? null : body;
}

/** "Get-User, C:\\x.ps1: line 42" as [function, file or null, line]; null when it is not that. */
function scriptParts(body: string): [string, string | null, number] | null {
  const m = SCRIPT_LINE.exec(body);
  if (!m) return null;
  const head = body.slice(0, m.index);
  const comma = head.indexOf(',');
  if (comma <= 0 || head.slice(0, comma).includes('(')) return null;
  const file = head.slice(comma + 1).trim();
  return [head.slice(0, comma).trim(), file === '<No file>' || file === '' ? null : file, Number(m[1])];
}

export function isFrameLine(line: string): boolean {
  const body = frameBody(line);
  if (body === null) return false;
  // Without parentheses only a dotted name counts ("at Ns.Class.Method"), not "at night".
  return body.includes('(') || scriptParts(body) !== null || /^[\w$<>`+[\]]+(?:\.[\w$<>`+[\]]+)+$/.test(body);
}

/** Parses a line accepted by isFrameLine (or its joined continuation). */
export function parseFrame(line: string): StackFrame {
  const body = frameBody(line) ?? line.trim();
  const script = scriptParts(body);
  if (script) {
    return {
      kind: 'script',
      text: body,
      namespace: null,
      className: null,
      method: script[0],
      interfaceName: null,
      parameters: null,
      file: script[1],
      line: script[2],
      platform: false,
      exceptionIndex: null,
    };
  }
  let signature = body;
  let file: string | null = null;
  let lineNo: number | null = null;
  const fl = FILE_LINE.exec(body);
  if (fl) {
    const head = body.slice(0, fl.index);
    let at = -1;
    let word = '';
    for (const w of FILE_WORDS) {
      const k = head.lastIndexOf(w);
      if (k > at) {
        at = k;
        word = w;
      }
    }
    if (at !== -1) {
      signature = head.slice(0, at + 1);
      file = head.slice(at + word.length).trim();
      lineNo = Number(fl[1]);
    }
  }
  const paren = signature.indexOf('(');
  const qualified = (paren === -1 ? signature : signature.slice(0, paren)).trim();
  const parameters = paren === -1 ? null : signature.slice(paren + 1, signature.lastIndexOf(')')).trim();
  const segments = splitQualified(qualified);
  const method = segments.pop() ?? qualified;
  let interfaceName: string | null = null;
  const iface = interfaceStart(segments);
  if (iface !== -1) {
    interfaceName = segments.slice(iface).join('.');
    segments.length = iface;
  }
  const className = segments.pop() ?? null;
  const namespace = segments.length > 0 ? segments.join('.') : null;
  const typeName = [namespace, className].filter((s) => s !== null).join('.');
  return {
    kind: 'dotnet',
    text: body,
    namespace,
    className,
    method,
    interfaceName,
    parameters: parameters === '' ? null : parameters,
    file,
    line: lineNo,
    platform: isPlatformType(typeName),
    exceptionIndex: null,
  };
}

/** Splits "A.B`1[T].<M>b__0" at the dots that are not inside <> or []. */
function splitQualified(name: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '<' || c === '[') depth++;
    else if ((c === '>' || c === ']') && depth > 0) depth--;
    else if (c === '.' && depth === 0) {
      // ".ctor" and ".cctor" are names, not separators.
      if (name.startsWith('.ctor', i) || name.startsWith('.cctor', i)) {
        out.push(name.slice(start, i));
        out.push(name.slice(i, i + (name.startsWith('.ctor', i) ? 5 : 6)));
        start = i + (name.startsWith('.ctor', i) ? 5 : 6) + 1;
        i = start - 1;
        continue;
      }
      out.push(name.slice(start, i));
      start = i + 1;
    }
  }
  if (start < name.length) out.push(name.slice(start));
  return out.filter((s) => s !== '');
}

/**
 * An explicit interface implementation prints the interface between class and method:
 * "Ns.MAExtensionObject.Microsoft.MetadirectoryServices.IMASynchronization.MapAttributesForImport".
 * Returns where that interface's namespace starts in the segments before the method, or -1.
 */
function interfaceStart(segments: readonly string[]): number {
  const last = segments.length - 1;
  if (last < 1 || !/^I[A-Z]\w*/.test(segments[last])) return -1;
  for (let j = last - 1; j >= Math.max(1, last - 4); j--) {
    if (segments[j] === 'Microsoft' || segments[j] === 'System') return j;
  }
  return -1;
}

export function isPlatformType(typeName: string): boolean {
  if (typeName === '') return true; // lambda_method and other runtime-made frames
  return (
    typeName === 'System' ||
    typeName === 'Microsoft' ||
    typeName.startsWith('System.') ||
    typeName.startsWith('Microsoft.') ||
    typeName.startsWith('mscorlib') ||
    typeName.startsWith('DynamicClass') ||
    typeName.startsWith('(wrapper')
  );
}
