/**
 * Text that users wrote, made safe to show to other people in an Adaptive Card TextBlock (which
 * Teams renders as Markdown): no link, emphasis, heading or list comes alive, and no bidi control or
 * zero-width character reverses or hides part of it. One helper, used by every view that shows
 * someone's words to someone else.
 */

// Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the marks U+200E/U+200F.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
// Zero-width space, joiners, word joiner, BOM, soft hyphen: invisible breaks and look-alikes.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// Markdown punctuation that changes how text renders: escaped with a backslash (CommonMark).
const MARKDOWN = /[\\`*_[\]()<>#~|!]/g;
// A line that Markdown would turn into a list item or a heading.
const LINE_START = /^([ \t]*)([-+]|\d{1,9}[.)])(?=[ \t])/gm;

export function shownAsText(text: string): string {
  return (
    text
      .replace(BIDI, '')
      .replace(INVISIBLE, '')
      .replace(MARKDOWN, (c) => `\\${c}`)
      // "- x" becomes "\- x", "2. x" becomes "2\. x": the marker's punctuation is what Markdown reads.
      .replace(LINE_START, (_m, indent: string, marker: string) =>
        /^\d/.test(marker) ? `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${indent}\\${marker}`,
      )
  );
}
