import { BoundedTtlSet } from '../../src/lib/bounded-set';

describe('BoundedTtlSet', () => {
  it('bounded TTL set forgets after the TTL and never grows past its cap', () => {
    let now = 0;
    const set = new BoundedTtlSet(3, 1000, () => now);
    expect([set.add('a'), set.add('a')]).toEqual([true, false]);
    now = 1001;
    expect(set.add('a')).toBe(true);
    for (const key of ['b', 'c', 'd', 'e']) set.add(key);
    expect(set.size).toBeLessThanOrEqual(3);
  });

  it('bounded TTL set: a full set drops its oldest key first, and a key added again lives anew', () => {
    let now = 0;
    const set = new BoundedTtlSet(3, 1000, () => now);
    set.add('a');
    now = 600;
    expect(set.has('a')).toBe(true);
    now = 1001; // 'a' expired: has() forgets it, and it comes back with a fresh TTL
    expect(set.has('a')).toBe(false);
    expect(set.add('a')).toBe(true);
    for (const key of ['b', 'c']) set.add(key);
    expect(set.size).toBe(3);
    set.add('d'); // full: the oldest live key ('a', added at 1001) goes, not one of the newer
    expect([set.has('a'), set.has('b'), set.has('c'), set.has('d')]).toEqual([false, true, true, true]);
    for (let i = 0; i < 5000; i += 1) set.add(`k${i}`);
    expect(set.size).toBe(3);
    expect([set.has('k4997'), set.has('k4998'), set.has('k4999')]).toEqual([true, true, true]);
  });
});
