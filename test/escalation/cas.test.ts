import { MemoryStorage } from 'botbuilder';
import { ConflictRetriesExhaustedError, ensureExists, updateDoc } from '../../src/escalation/cas';
import { isConflict, readDoc, type KeyValueStore } from '../../src/escalation/store';

interface Counter {
  n: number;
}

const increment = (d: Counter) => ({ write: { n: d.n + 1 }, result: d.n + 1 });
const fast = { baseDelayMs: 1, maxDelayMs: 3 };

describe('compare-and-swap updates', () => {
  it('loses no update among 40 concurrent writers, starting from nothing', async () => {
    const storage = new MemoryStorage();
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        updateDoc<Counter, number>(storage, 'k', () => ({ n: 0 }), increment, fast),
      ),
    );
    expect(results.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await readDoc<Counter>(storage, 'k'))?.value).toEqual({ n: 40 });
  });

  it('never overwrites a document that exists when asked to create it', async () => {
    const storage = new MemoryStorage();
    await updateDoc<Counter, number>(storage, 'k', () => ({ n: 0 }), increment);
    await ensureExists(storage, 'k', () => ({ n: 0 }));
    expect((await readDoc<Counter>(storage, 'k'))?.value).toEqual({ n: 1 });
  });

  it('gives up with a clear error when every write conflicts', async () => {
    const memory = new MemoryStorage();
    await memory.write({ k: { n: 0 } });
    const alwaysStale: KeyValueStore = {
      read: (keys) => memory.read(keys),
      delete: (keys) => memory.delete(keys),
      write: () => Promise.reject(new Error('Storage: error writing "k" due to eTag conflict.')),
    };
    await expect(
      updateDoc<Counter, number>(alwaysStale, 'k', () => ({ n: 0 }), increment, { ...fast, maxAttempts: 3 }),
    ).rejects.toThrow(ConflictRetriesExhaustedError);
  });

  it('passes other storage errors straight through', async () => {
    const broken: KeyValueStore = {
      read: () => Promise.resolve({ k: { n: 1, eTag: '1' } }),
      delete: () => Promise.resolve(),
      write: () => Promise.reject(new Error('disk full')),
    };
    await expect(updateDoc<Counter, number>(broken, 'k', () => ({ n: 0 }), increment)).rejects.toThrow(
      'disk full',
    );
  });

  it.each([
    [
      'MemoryStorage / BlobsStorage message',
      new Error('Storage: error writing "x" due to eTag conflict.'),
      true,
    ],
    ['412 status', Object.assign(new Error('Precondition failed'), { statusCode: 412 }), true],
    ['Cosmos/Azure code', Object.assign(new Error('x'), { code: 'ConditionNotMet' }), true],
    ['wrapped', new Error('outer', { cause: Object.assign(new Error('inner'), { statusCode: 412 }) }), true],
    ['other error', new Error('disk full'), false],
    ['not an error', 'conflict', false],
  ])('isConflict: %s', (_name, err, expected) => {
    expect(isConflict(err)).toBe(expected);
  });
});
