/**
 * JSON parsing for untrusted request bodies: nesting is limited before parsing (deep input would
 * overflow the stack of every recursive walker after us: loggers, storage, card templating) and keys
 * that can rewrite prototypes when code later merges the object (`Object.assign`, deep merges) are
 * dropped while parsing.
 */

/** Teams activities nest about 6 levels; card data a few more. 64 leaves room and stops abuse. */
export const MAX_JSON_DEPTH = 64;

export type SafeJsonResult =
  | { ok: true; value: unknown; droppedKeys: number }
  | { ok: false; reason: 'invalid JSON' | 'nested too deeply' };

export function parseJsonSafely(text: string, maxDepth: number = MAX_JSON_DEPTH): SafeJsonResult {
  if (exceedsDepth(text, maxDepth)) return { ok: false, reason: 'nested too deeply' };
  // A reviver costs about three times a plain parse; only text that could spell a pollution key
  // (also through a \u escape) needs it.
  if (!text.includes('__proto__') && !text.includes('constructor') && !text.includes('\\u')) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown, droppedKeys: 0 };
    } catch {
      return { ok: false, reason: 'invalid JSON' };
    }
  }
  let droppedKeys = 0;
  try {
    const value: unknown = JSON.parse(text, (key: string, value: unknown) => {
      if (isPollutionKey(key, value)) {
        droppedKeys += 1;
        return undefined; // a reviver's undefined removes the property
      }
      return value;
    });
    return { ok: true, value, droppedKeys };
  } catch {
    return { ok: false, reason: 'invalid JSON' };
  }
}

/**
 * `__proto__` always; `constructor` when it holds an object (the `constructor.prototype` route).
 * A string `constructor` stays: card inputs may legitimately use any id.
 */
function isPollutionKey(key: string, value: unknown): boolean {
  return key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null);
}

/** One pass over the text counting brackets outside strings; stops as soon as the limit is passed. */
export function exceedsDepth(text: string, maxDepth: number): boolean {
  // Text with no more opening brackets than the limit cannot nest deeper; indexOf is far cheaper
  // than the scan below, and nearly every activity takes this way out.
  if (countAtMost(text, '{', maxDepth) + countAtMost(text, '[', maxDepth) <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return false;
}

/** Occurrences of `char` in `text`, counting stops once past `limit`. */
function countAtMost(text: string, char: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1 && count <= limit; at = text.indexOf(char, at + 1)) count += 1;
  return count;
}
