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

const BLOCK_TAGS = /<\/?(?:p|div|br|li|ul|ol|tr|table|h[1-6]|pre|blockquote|hr)\b[^>]{0,500}>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9-]{0,40}\b[^>]{0,2000}>/gi;
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

/** True when the text looks like HTML markup rather than a plain message that mentions `<`. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:p|div|br|span|at|pre|code|b|i|strong|em|ul|ol|li|a|table|blockquote)\b[^>]{0,500}>/i.test(text);
}

/** Normalise Teams HTML or plain text to plain text: tags removed, entities decoded, spaces tidied. */
export function toPlainText(input: string): string {
  let text = input.replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) {
    // Adjacent block tags (</p><p>) mean one line break, not an empty line.
    text = text
      .replace(BLOCK_TAGS, '\n')
      .replace(ANY_TAG, '')
      .replace(/\n(?:[ \t]*\n)+/g, '\n');
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
