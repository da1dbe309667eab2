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
const FRAME_START = /^\s*(?:at|ved|bei|vid|bij)\s+(.+?)\s*(?:<---)?\s*$/;
const SCRIPT_FRAME = /^(.+?),\s*(<No file>|.+?):\s*(?:line|linje|Zeile)\s+(\d+)$/i;
const FILE_LINE = /^(.+\))\s+(?:in|i|ved)\s+(.+?):(?:line|linje|Zeile|rad|regel)\s+(\d+)$/;

export function isFrameLine(line: string): boolean {
  const m = FRAME_START.exec(line);
  if (!m) return false;
  const body = m[1];
  // Without parentheses only a dotted name counts ("at Ns.Class.Method"), not "at night".
  return body.includes('(') || SCRIPT_FRAME.test(body) || /^[\w$<>`+[\]]+(?:\.[\w$<>`+[\]]+)+$/.test(body);
}

/** Parses a line accepted by isFrameLine (or its joined continuation). */
export function parseFrame(line: string): StackFrame {
  const body = (FRAME_START.exec(line)?.[1] ?? line.trim()).trim();
  const script = SCRIPT_FRAME.exec(body);
  if (script && !script[1].includes('(')) {
    const file = script[2] === '<No file>' ? null : script[2].trim();
    return {
      kind: 'script',
      text: body,
      namespace: null,
      className: null,
      method: script[1].trim(),
      interfaceName: null,
      parameters: null,
      file,
      line: Number(script[3]),
      platform: false,
      exceptionIndex: null,
    };
  }
  let signature = body;
  let file: string | null = null;
  let lineNo: number | null = null;
  const fl = FILE_LINE.exec(body);
  if (fl) {
    signature = fl[1];
    file = fl[2].trim();
    lineNo = Number(fl[3]);
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
