import {
  MemoryStorage,
  PrivateConversationState,
  TestAdapter,
  TurnContext,
  UserState,
  type Activity,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { isETagConflict } from '../../src/state/conflict';
import { JsonBotState } from '../../src/state/json-bot-state';
import { OptimisticStorage } from '../../src/state/optimistic-storage';

const ACTIVITY: Partial<Activity> = {
  type: 'message',
  channelId: 'msteams',
  conversation: { id: 'a:conversation-1' } as Activity['conversation'],
  from: { id: '29:user-1', name: 'Ada' },
  recipient: { id: '28:bot', name: 'bot' },
  text: 'hi',
};

function turn(activity: Partial<Activity> = ACTIVITY): TurnContext {
  return new TurnContext(new TestAdapter(), activity);
}

/** Counts writes and remembers what was written, on top of a real MemoryStorage. */
class CountingStorage implements Storage {
  readonly inner = new MemoryStorage();
  writes: StoreItems[] = [];

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    this.writes.push(changes);
    return this.inner.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

describe('JsonBotState', () => {
  it('stores under the same key as the stock state class it takes the scheme from', async () => {
    const storage = new CountingStorage();
    const state = new JsonBotState(storage, new PrivateConversationState(storage));
    const context = turn();
    await state.createProperty<number>('seq').set(context, 1);
    await state.saveChanges(context);
    const expected = new PrivateConversationState(storage).getStorageKey(context);
    expect(Object.keys(storage.writes[0]!)).toEqual([expected]);
    expect(expected).toBe('msteams/conversations/a:conversation-1/users/29:user-1/');
  });

  it('writes nothing when the state was only read, and writes a change made deep inside it', async () => {
    const storage = new CountingStorage();
    const state = new JsonBotState(storage, new UserState(storage));
    const prefs = state.createProperty<{ lang: string; seen: string[] }>('prefs');
    const first = turn();
    await prefs.set(first, { lang: 'en', seen: [] });
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(1);

    const readOnly = turn();
    expect(await prefs.get(readOnly)).toEqual({ lang: 'en', seen: [] });
    await state.saveChanges(readOnly);
    expect(storage.writes).toHaveLength(1);

    const nested = turn();
    (await prefs.get(nested))!.seen.push('pcns-6025');
    await state.saveChanges(nested);
    expect(storage.writes).toHaveLength(2);
    expect(await prefs.get(turn())).toEqual({ lang: 'en', seen: ['pcns-6025'] });
  });

  it('does not count a new eTag from storage as a change', async () => {
    const storage = new CountingStorage();
    const state = new JsonBotState(storage, new UserState(storage));
    const context = turn();
    await state.createProperty<string>('lang').set(context, 'da');
    await state.saveChanges(context);
    await state.saveChanges(context); // same turn, nothing changed since the write
    const next = turn();
    await state.load(next); // read back with the eTag MemoryStorage gave it
    await state.saveChanges(next);
    expect(storage.writes).toHaveLength(1);
  });

  it('force saves an unchanged state, and clear() empties it for the save', async () => {
    const storage = new CountingStorage();
    const state = new JsonBotState(storage, new UserState(storage));
    const lang = state.createProperty<string>('lang');
    const context = turn();
    await lang.set(context, 'da');
    await state.saveChanges(context);
    await state.saveChanges(context, true);
    expect(storage.writes).toHaveLength(2);
    await state.clear(context);
    await state.saveChanges(context);
    expect(await lang.get(turn())).toBeUndefined();
  });

  it('delete() removes the stored state and forgets the cached one', async () => {
    const storage = new CountingStorage();
    const state = new JsonBotState(storage, new PrivateConversationState(storage));
    const context = turn();
    await state.createProperty<number>('seq').set(context, 3);
    await state.saveChanges(context);
    await state.delete(context);
    expect(state.get(context)).toBeUndefined();
    await state.saveChanges(context); // nothing cached: nothing written back
    const key = new PrivateConversationState(storage).getStorageKey(context)!;
    expect(await storage.read([key])).toEqual({});
  });

  it('with OptimisticStorage, the second of two turns that read the same state loses the race', async () => {
    const storage = new OptimisticStorage(new MemoryStorage());
    const state = new JsonBotState(storage, new PrivateConversationState(storage));
    const seq = state.createProperty<number>('seq');
    const setup = turn();
    await seq.set(setup, 0);
    await state.saveChanges(setup);

    const a = turn();
    const b = turn();
    await seq.set(a, 1);
    await seq.set(b, 2);
    await state.saveChanges(a);
    const lost = await state.saveChanges(b).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isETagConflict(lost)).toBe(true);
    expect(await seq.get(turn())).toBe(1);
  });

  it('rejects an activity without the ids its key needs', async () => {
    const storage = new MemoryStorage();
    const state = new JsonBotState(storage, new PrivateConversationState(storage));
    await expect(state.load(turn({ ...ACTIVITY, from: undefined }))).rejects.toThrow(/from\.id/);
  });
});
