import { MemoryStorage } from 'botbuilder';
import { AdviceLog, type AdviceGiven } from '../../src/escalation/advice-log';
import type { KeyValueStore } from '../../src/escalation/store';

const GIVEN: AdviceGiven = { step: 'run-error-codes', statusCode: 'stopped-server', objectCode: null };

/** A store that counts what the log asks of it. */
function countingStore(): { store: KeyValueStore; reads: string[][]; writes: string[][] } {
  const inner = new MemoryStorage();
  const reads: string[][] = [];
  const writes: string[][] = [];
  return {
    reads,
    writes,
    store: {
      read: (keys) => {
        reads.push(keys);
        return inner.read(keys);
      },
      write: (changes) => {
        writes.push(Object.keys(changes));
        return inner.write(changes);
      },
      delete: (keys) => inner.delete(keys),
    },
  };
}

describe('the advice log (which advice a bot message gave)', () => {
  it('finds the advice a message gave, only in the conversation it was given in', async () => {
    const log = new AdviceLog(new MemoryStorage());
    await log.remember('conv-1', 'msg-1', GIVEN);
    await log.remember('conv-1', 'msg-2', { step: 'update-mim', statusCode: null, objectCode: null });

    expect(await log.find('conv-1', 'msg-1')).toEqual(GIVEN);
    expect(await log.find('conv-1', 'msg-2')).toEqual({
      step: 'update-mim',
      statusCode: null,
      objectCode: null,
    });
    expect(await log.find('conv-2', 'msg-1')).toBeUndefined();
    expect(await log.find('conv-1', 'msg-3')).toBeUndefined();
  });

  it('remembers with one write and no read, so an advice reply stays cheap however long the chat', async () => {
    const { store, reads, writes } = countingStore();
    const log = new AdviceLog(store);
    for (let i = 0; i < 120; i++) await log.remember('conv-1', `msg-${i}`, GIVEN);

    expect(reads).toHaveLength(0);
    expect(writes).toHaveLength(120);
    expect(writes.every((keys) => keys.length === 1 && keys[0]?.startsWith('escalation/advice/'))).toBe(true);
    // Nothing is dropped for being old: the first message still counts.
    expect(await log.find('conv-1', 'msg-0')).toEqual(GIVEN);
  });

  it('keeps no activity or conversation id in its keys or documents', async () => {
    const storage = new MemoryStorage();
    await new AdviceLog(storage).remember('19:secret-conversation', '1700000000000', GIVEN);
    const dump = JSON.stringify((storage as unknown as { memory: Record<string, string> }).memory);
    expect(dump).not.toContain('secret-conversation');
    expect(dump).not.toContain('1700000000000');
  });

  it('still finds what an earlier release kept in one document per conversation', async () => {
    const storage = new MemoryStorage();
    const log = new AdviceLog(storage);
    // Write through the log once to learn the conversation's key, then put the old shape there.
    const { store, writes } = countingStore();
    await new AdviceLog(store).remember('conv-1', 'probe', GIVEN);
    const conversationKey = writes[0]![0]!.split('/').slice(0, -1).join('/');
    const ownKey = writes[0]![0]!;
    const m = ownKey.split('/').at(-1);
    await storage.write({
      [conversationKey]: { entries: [{ m, step: 'pcns-6025', statusCode: null, objectCode: null }] },
    });

    expect(await log.find('conv-1', 'probe')).toEqual({
      step: 'pcns-6025',
      statusCode: null,
      objectCode: null,
    });
    expect(await log.find('conv-1', 'other')).toBeUndefined();
  });

  it('does not count a record whose step is not one of the seven', async () => {
    const storage = new MemoryStorage();
    const { store, writes } = countingStore();
    await new AdviceLog(store).remember('conv-1', 'msg-1', GIVEN);
    const key = writes[0]![0]!;
    await storage.write({
      [key]: { m: key.split('/').at(-1), step: 'format-c', statusCode: null, objectCode: null },
    });

    expect(await new AdviceLog(storage).find('conv-1', 'msg-1')).toBeUndefined();
  });
});
