/**
 * Turns what an admin hands us (a paste, or the bytes of a saved file) into text. WMI and "Save to File"
 * write UTF-16, often with a BOM; chat pastes are already strings. Never throws: bad bytes become U+FFFD
 * and the result says so.
 */

/** 'string': the input was already text, so no bytes were decoded. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'string';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** A byte order mark was present (and removed). */
  bom: boolean;
  /** How the encoding was chosen: the BOM, the pattern of zero bytes, the default, or the input was a string. */
  detectedBy: 'bom' | 'zero-bytes' | 'default' | 'string';
  /** Some bytes were not valid in that encoding and were replaced with U+FFFD. */
  invalid: boolean;
}

export type TextInput = string | Uint8Array;

/** How many leading bytes are looked at to guess UTF-16 without a BOM. */
const SNIFF_BYTES = 1024;
/** Share of byte pairs with a zero on one side that marks ASCII-heavy UTF-16. */
const ZERO_SHARE = 0.3;

export function decodeText(input: TextInput): DecodedText {
  if (typeof input === 'string') return decodeString(input);
  const bytes = input;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeAs(bytes.subarray(3), 'utf-8', true, 'bom');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeAs(bytes.subarray(2), 'utf-16le', true, 'bom');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeAs(bytes.subarray(2), 'utf-16be', true, 'bom');
  }
  const guess = sniffUtf16(bytes);
  if (guess) return decodeAs(bytes, guess, false, 'zero-bytes');
  return decodeAs(bytes, 'utf-8', false, 'default');
}

/** ASCII text in UTF-16 has a zero in every other byte: odd positions for LE, even for BE. */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs >= ZERO_SHARE && evenZeros / pairs < ZERO_SHARE / 3) return 'utf-16le';
  if (evenZeros / pairs >= ZERO_SHARE && oddZeros / pairs < ZERO_SHARE / 3) return 'utf-16be';
  return null;
}

function decodeAs(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  bom: boolean,
  detectedBy: DecodedText['detectedBy'],
): DecodedText {
  let source = bytes;
  let label: 'utf-8' | 'utf-16le' = 'utf-8';
  let oddTail = false;
  if (encoding !== 'utf-8') {
    label = 'utf-16le';
    // An odd byte count cannot be UTF-16; the last byte is dropped and reported.
    oddTail = source.length % 2 === 1;
    if (oddTail) source = source.subarray(0, source.length - 1);
    // Node's ICU-less builds lack a UTF-16BE decoder, so BE is swapped to LE first.
    if (encoding === 'utf-16be') source = swapPairs(source);
  }
  let text: string;
  let invalid = oddTail;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(source);
  } catch {
    text = new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(source);
    invalid = true;
  }
  return { text, encoding, bom, detectedBy, invalid };
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

/**
 * A string may still carry a BOM, or be UTF-16 bytes read as Latin-1/UTF-8 by a script ("<\0r\0u\0n...").
 * The second case is recovered when every character fits in a byte.
 */
function decodeString(input: string): DecodedText {
  const sample = input.slice(0, SNIFF_BYTES);
  if (sample.includes('\u0000') && fitsInBytes(input)) {
    const bytes = Uint8Array.from({ length: input.length }, (_, i) => input.charCodeAt(i));
    const redone = decodeText(bytes);
    if (redone.encoding === 'utf-16le' || redone.encoding === 'utf-16be') return redone;
  }
  const bom = input.charCodeAt(0) === 0xfeff;
  return {
    text: bom ? input.slice(1) : input,
    encoding: 'string',
    bom,
    detectedBy: 'string',
    invalid: false,
  };
}

function fitsInBytes(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}
