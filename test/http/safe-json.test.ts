import { exceedsDepth, parseJsonSafely } from '../../src/http/safe-json';

/** Parsing untrusted bodies: nesting counted before parsing, prototype keys dropped. */

describe('safe JSON', () => {
  it('safe JSON: depth is counted outside strings only', () => {
    expect(exceedsDepth('{"a":"[[[[[[[[[[[[["}', 3)).toBe(false);
    expect(exceedsDepth('{"a":"\\"[[[[","b":[[[1]]]}', 3)).toBe(true);
    expect(parseJsonSafely('{"a":{"b":1}}', 1)).toEqual({ ok: false, reason: 'nested too deeply' });
  });

  it('safe JSON: many brackets side by side are not depth, but exactly one level too many is', () => {
    const wide = `[${Array.from({ length: 500 }, () => '{"a":[1]}').join(',')}]`;
    expect(exceedsDepth(wide, 3)).toBe(false);
    expect(exceedsDepth('[[[1]]]', 3)).toBe(false);
    expect(exceedsDepth('[[[[1]]]]', 3)).toBe(true);
    expect(exceedsDepth('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    expect(exceedsDepth('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
  });

  it('safe JSON: keeps a string constructor, drops object ones and every __proto__', () => {
    const parsed = parseJsonSafely('{"constructor":"x","b":{"constructor":{"prototype":{}}},"__proto__":1}');
    expect(parsed).toEqual({ ok: true, value: { constructor: 'x', b: {} }, droppedKeys: 2 });
  });
});
