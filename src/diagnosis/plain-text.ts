/**
 * Teams delivers typed or pasted text as HTML (<p>, <div>, <br>, code blocks, entities).
 * The recognizer wants plain text with line breaks where the user saw them.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
};

/** Tags that end a line where the user saw one. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'hr',
]);
/** Tags that only Teams' HTML (not a plain message mentioning `<`) would carry. */
const HTML_TAGS = new Set([
  'p',
  'div',
  'br',
  'span',
  'at',
  'pre',
  'code',
  'b',
  'i',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'blockquote',
]);
const MAX_TAG_NAME = 41;
const MAX_TAG_LENGTH = 2000;
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;
// C0 controls except tab and newline, and the C1 range: pasted binary noise.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function decodeEntity(match: string, body: string): string {
  if (body[0] === '#') {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? match;
}

interface Tag {
  start: number;
  /** Index just past the closing `>`. */
  end: number;
  name: string;
}

const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
const isWordChar = (c: number): boolean => (isNameChar(c) && c !== 45) || c === 95;

/**
 * The tags of a text, in one pass: a tag is `<`, an optional `/`, a name, then anything up to the
 * next `>` within a bounded length. Where the next `>` lies is remembered, so text with thousands of
 * `<` and no `>` costs one scan, not one per `<`.
 */
function* tagsOf(text: string): Generator<Tag> {
  let nextGt = -2;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    let i = lt + 1;
    if (text.charCodeAt(i) === 47) i++; // '/'
    const first = text.charCodeAt(i) | 32;
    if (first < 97 || first > 122) continue;
    const nameStart = i;
    while (i < text.length && i - nameStart < MAX_TAG_NAME && isNameChar(text.charCodeAt(i))) i++;
    if (i < text.length && isWordChar(text.charCodeAt(i))) continue;
    if (nextGt !== -1 && nextGt < i) nextGt = text.indexOf('>', i);
    if (nextGt === -1) return;
    if (nextGt - i > MAX_TAG_LENGTH) continue;
    yield { start: lt, end: nextGt + 1, name: text.slice(nameStart, i).toLowerCase() };
    lt = nextGt;
  }
}

/** True when the text looks like HTML markup rather than a plain message that mentions `<`. */
export function looksLikeHtml(text: string): boolean {
  for (const tag of tagsOf(text)) if (HTML_TAGS.has(tag.name) && tag.end - tag.start <= 500 + 60) return true;
  return false;
}

/** Tags removed in one pass; a block tag leaves a line break. */
function stripTags(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const tag of tagsOf(text)) {
    parts.push(text.slice(at, tag.start));
    if (BLOCK_TAGS.has(tag.name)) parts.push('\n');
    at = tag.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Normalise Teams HTML or plain text to plain text: tags removed, entities decoded, spaces tidied. */
export function toPlainText(input: string): string {
  let text = input.replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) {
    // Adjacent block tags (</p><p>) mean one line break, not an empty line.
    text = stripTags(text).replace(/\n(?:[ \t]*\n)+/g, '\n');
  }
  text = text
    .replace(ENTITY, decodeEntity)
    .replace(/\u00a0/g, ' ')
    .replace(CONTROL, ' ');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
