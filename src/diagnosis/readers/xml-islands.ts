import { SaxesParser } from 'saxes';

/**
 * Admins paste XML inside chat text ("here is the export error: <export-error ...> any idea?"), so the
 * readers look for where a known element starts and let saxes read from there until that element
 * closes. saxes never fetches or expands anything declared in a DTD; we go further and stop at the
 * DOCTYPE itself, so a billion-laughs or external-entity document costs one linear scan.
 */

export interface IslandHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /** Character data (text and CDATA) inside the island's root element. */
  text(text: string): void;
}

export interface IslandResult {
  /** Offset of the island's first character in the text. */
  start: number;
  /** Offset just past the island (the end of the text when it was cut off). */
  end: number;
  /** The root element was closed: the island is complete. */
  closed: boolean;
  /** The text ended inside the root element (a cut-off paste). */
  cut: boolean;
  /**
   * Given up: an error before the first element (it was no XML after all), or so many errors that it
   * is garbage. The next island may follow.
   */
  abandoned: boolean;
  /** A DOCTYPE was met; reading stopped there. */
  dtdRefused: boolean;
  /** Offset of that DOCTYPE, null when there was none. */
  dtdAt: number | null;
  /** Elements still open where the reading stopped, outermost first (empty when closed). */
  openElements: readonly string[];
  /** Well-formedness errors saxes reported and read past. */
  errorCount: number;
  firstErrors: readonly string[];
}

const MAX_KEPT_ERRORS = 3;
/** saxes builds an Error per problem; past this many the island is garbage, not XML. */
const MAX_ERRORS = 200;
/** Attribute values longer than this are cut (a DN is far shorter; a hostile paste is not). */
const MAX_ATTRIBUTE = 4096;
const STOP = Symbol('stop-island');

/**
 * Where the next island starts at or after `from`: an XML declaration, a DOCTYPE (so that it is refused,
 * wherever it is) or the start tag of one of `roots`. -1 when there is none.
 */
export function nextIslandStart(text: string, from: number, roots: ReadonlySet<string>): number {
  let i = text.indexOf('<', from);
  while (i !== -1) {
    if (text.startsWith('<?xml', i) && isNameEnd(text.charCodeAt(i + 5))) return i;
    if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) return i;
    let j = i + 1;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
    if (j > i + 1 && isNameEnd(text.charCodeAt(j)) && roots.has(text.slice(i + 1, j))) return i;
    i = text.indexOf('<', i + 1);
  }
  return -1;
}

/** Reads one island that starts at `start` (as found by nextIslandStart) with saxes. */
export function readIsland(text: string, start: number, handlers: IslandHandlers): IslandResult {
  // Positions are computed from offsets when needed; saxes' own line tracking costs about a fifth.
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const stack: string[] = [];
  const firstErrors: string[] = [];
  let errorCount = 0;
  let closed = false;
  let abandoned = false;
  let sawRoot = false;
  let dtdRefused = false;
  let dtdAt: number | null = null;
  parser.on('doctype', () => {
    dtdRefused = true;
    const at = start + parser.position;
    dtdAt = Math.max(text.lastIndexOf('<!DOCTYPE', at), text.lastIndexOf('<!doctype', at), start);
    throw STOP;
  });
  // Set at the tag's name: an error inside the root's own start tag (a bad entity) is not chat text.
  parser.on('opentagstart', () => {
    sawRoot = true;
  });
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    handlers.open(tag.name, capAttributes(tag.attributes));
  });
  parser.on('closetag', (tag) => {
    // saxes closes every tag it matched; keep our stack in step even after a mismatch.
    const at = stack.lastIndexOf(tag.name);
    if (at === -1) return;
    while (stack.length > at) handlers.close(stack.pop() as string);
    if (stack.length === 0) {
      closed = true;
      throw STOP;
    }
  });
  const onText = (data: string): void => {
    if (stack.length > 0) handlers.text(data);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  let ending = false;
  parser.on('error', (err) => {
    // At the end of a cut-off text saxes reports each unclosed tag: that is truncation, said apart.
    if (ending) return;
    errorCount++;
    if (firstErrors.length < MAX_KEPT_ERRORS) firstErrors.push(err.message);
    // Before any element, an error means this was no XML document after all (chat after "<?xml").
    if (!sawRoot) {
      abandoned = true;
      throw STOP;
    }
    if (errorCount >= MAX_ERRORS) {
      abandoned = true;
      throw STOP;
    }
  });
  let end = text.length;
  try {
    parser.write(start === 0 ? text : text.slice(start));
    ending = true;
    parser.close();
  } catch (e) {
    if (e !== STOP) throw e;
    end = start + parser.position;
    // saxes may already have taken the "<" of what comes next; the next search starts at it.
    if (abandoned) end = Math.max(start + 1, text.lastIndexOf('<', end - 1));
  }
  return {
    start,
    end: closed || dtdRefused || abandoned ? end : text.length,
    closed,
    cut: !closed && !dtdRefused && !abandoned && sawRoot,
    abandoned,
    dtdRefused,
    dtdAt,
    openElements: closed ? [] : stack.slice(),
    errorCount,
    firstErrors,
  };
}

function capAttributes(attributes: Record<string, string>): Record<string, string> {
  for (const key in attributes) {
    if (attributes[key].length > MAX_ATTRIBUTE) attributes[key] = attributes[key].slice(0, MAX_ATTRIBUTE);
  }
  return attributes;
}

/** 1-based line and column of an offset, for saying where a paste was cut. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || // -
    c === 0x5f || // _
    c === 0x2e || // .
    c === 0x3a // :
  );
}

/** What may follow a name in a start tag: whitespace, '>', '/', '?' or the end of the text. */
function isNameEnd(c: number): boolean {
  return (
    Number.isNaN(c) ||
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x3e ||
    c === 0x2f ||
    c === 0x3f
  );
}
