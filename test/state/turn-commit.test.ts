import {
  ConversationState,
  INVOKE_RESPONSE_KEY,
  MemoryStorage,
  TestAdapter,
  TurnContext,
  UserState,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { createLogger } from '../../src/logger';
import { OptimisticStorage } from '../../src/state/optimistic-storage';
import { commitTurn } from '../../src/state/turn-commit';

/**
 * commitTurn on botbuilder's TestAdapter. Conflicts are real ones: "another instance" (a second
 * BotState on the same store) saves the conversation while the turn runs.
 */

/** Records what reached the channel, interleaved with storage writes. */
class RecordingAdapter extends TestAdapter {
  constructor(private readonly log: string[]) {
    super();
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    for (const activity of activities) {
      if (activity.type === 'invokeResponse') context.turnState.set(INVOKE_RESPONSE_KEY, activity);
      else this.log.push(`send ${activity.text ?? activity.type}`);
    }
    return activities.map((_, i) => ({ id: `sent-${i}` }));
  }

  override async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.log.push(`update ${activity.id}`);
  }

  override async deleteActivity(
    _context: TurnContext,
    reference: Partial<ConversationReference>,
  ): Promise<void> {
    this.log.push(`delete ${reference.activityId}`);
  }
}

class LoggedStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly log: string[],
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    await this.inner.write(changes);
    this.log.push(`write ${Object.keys(changes).join(',')}`);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

let log: string[];
let storage: Storage;
let conversation: ConversationState;
let user: UserState;
let logLines: string[];

beforeEach(() => {
  log = [];
  logLines = [];
  storage = new OptimisticStorage(new LoggedStorage(new MemoryStorage(), log));
  conversation = new ConversationState(storage);
  user = new UserState(storage);
});

const logger = () =>
  createLogger({ logLevel: 'info' }, { destination: { write: (line: string) => void logLines.push(line) } });

function context(activity: Partial<Activity> = {}): TurnContext {
  return new TurnContext(new RecordingAdapter(log), {
    type: 'message',
    channelId: 'msteams',
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: '29:user', name: 'user' },
    recipient: { id: '28:bot', name: 'bot' },
    text: '<at>bot</at> hi',
    ...activity,
  });
}

/** Another instance saves this conversation's state (count = value) right now. */
async function concurrentSave(value: number): Promise<void> {
  const other = new ConversationState(storage);
  const turn = context();
  await other.createProperty<number>('count').set(turn, value);
  await other.saveChanges(turn, true);
}

async function storedCount(): Promise<number | undefined> {
  return conversation.createProperty<number>('count').get(context());
}

const count = () => conversation.createProperty<number>('count');

it('sends the replies only after the state is saved', async () => {
  const turn = context();
  await commitTurn(turn, {
    states: [conversation, user],
    handle: async () => {
      await count().set(turn, 1);
      await turn.sendActivity('one');
      await turn.sendActivity('two');
    },
    retryText: () => 'repeat',
  });
  expect(log).toEqual(['write msteams/conversations/conv-1/', 'send one', 'send two']);
});

it('after a conflict runs the turn again on the fresh state, and only its replies go out', async () => {
  await concurrentSave(10);
  log.length = 0;
  const turn = context();
  const marker = Symbol('set during the turn');
  const seen: Array<{ count: number; marker: boolean; text: string | undefined }> = [];
  let runs = 0;

  await commitTurn(turn, {
    states: [conversation, user],
    handle: async () => {
      runs += 1;
      const current = await count().get(turn, 0);
      seen.push({ count: current, marker: turn.turnState.has(marker), text: turn.activity.text });
      turn.turnState.set(marker, true);
      turn.activity.text = 'edited by the handler';
      await count().set(turn, current + 1);
      await turn.sendActivity(`count is now ${current + 1}`);
      if (runs === 1) await concurrentSave(20);
    },
    retryText: () => 'repeat',
    logger: logger(),
  });

  expect(runs).toBe(2);
  expect(seen).toEqual([
    { count: 10, marker: false, text: '<at>bot</at> hi' },
    { count: 20, marker: false, text: '<at>bot</at> hi' },
  ]);
  expect(log.filter((line) => line.startsWith('send'))).toEqual(['send count is now 21']);
  expect(await storedCount()).toBe(21);
  expect(logLines.some((line) => line.includes('running this turn again'))).toBe(true);
});

it('keeps the turnState values named in `retain` for the re-run, and only those', async () => {
  await concurrentSave(10);
  const turn = context();
  const [created, scratch] = [Symbol('case created this turn'), Symbol('scratch')];
  const seen: Array<[unknown, unknown]> = [];
  let runs = 0;
  await commitTurn(turn, {
    states: [conversation],
    retain: [created],
    handle: async () => {
      runs += 1;
      seen.push([turn.turnState.get(created), turn.turnState.get(scratch)]);
      if (!turn.turnState.has(created)) turn.turnState.set(created, 'case-1');
      turn.turnState.set(scratch, runs);
      await count().set(turn, (await count().get(turn, 0)) + 1);
      if (runs === 1) await concurrentSave(20);
    },
    retryText: () => 'repeat',
  });
  expect(seen).toEqual([
    [undefined, undefined],
    ['case-1', undefined],
  ]);
});

it('asks plainly to repeat when the second run loses too, and writes nothing', async () => {
  await concurrentSave(10);
  log.length = 0;
  const turn = context();
  let runs = 0;
  await commitTurn(turn, {
    states: [conversation, user],
    handle: async () => {
      runs += 1;
      await count().set(turn, 999);
      await turn.sendActivity('reply that must not be seen');
      await concurrentSave(10 + runs);
    },
    retryText: () => 'please repeat',
  });
  expect(runs).toBe(2);
  expect(log.filter((line) => line.startsWith('send'))).toEqual(['send please repeat']);
  expect(await storedCount()).toBe(12);
});

it('answers a card click (Action.Execute) that lost twice with an invoke response', async () => {
  await concurrentSave(1);
  const turn = context({
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: {} },
  });
  await commitTurn(turn, {
    states: [conversation],
    handle: async () => {
      await count().set(turn, 5);
      await concurrentSave(2);
    },
    retryText: () => 'please click again',
  });
  expect(turn.turnState.get(INVOKE_RESPONSE_KEY)).toMatchObject({
    value: {
      status: 200,
      body: { type: 'application/vnd.microsoft.activity.message', value: 'please click again' },
    },
  });
});

it('does not run the turn again when a later state conflicts: its replies go out (logged)', async () => {
  const other = new UserState(storage);
  const elsewhere = context();
  const saveLanguageElsewhere = async (lang: string): Promise<void> => {
    await other.createProperty<string>('language').set(elsewhere, lang);
    await other.saveChanges(elsewhere, true);
  };
  await saveLanguageElsewhere('en');
  const turn = context();
  let runs = 0;
  await commitTurn(turn, {
    states: [conversation, user],
    handle: async () => {
      runs += 1;
      await count().set(turn, 1);
      await user.createProperty<string>('language').set(turn, 'da');
      await turn.sendActivity('sprog sat');
      // The same user changes language in another conversation at this moment.
      await saveLanguageElsewhere('en-GB');
    },
    retryText: () => 'repeat',
    logger: logger(),
  });
  expect(runs).toBe(1);
  expect(log.filter((line) => line.startsWith('send'))).toEqual(['send sprog sat']);
  expect(await storedCount()).toBe(1);
  expect(logLines.some((line) => line.includes('lost that one change'))).toBe(true);
});

it('holds updates and deletes too, and releases everything in order', async () => {
  const turn = context();
  await commitTurn(turn, {
    states: [conversation],
    handle: async () => {
      await count().set(turn, 1);
      await turn.sendActivity('first');
      await turn.updateActivity({ id: 'card-1', type: 'message', text: 'answered' });
      await turn.deleteActivity('old-2');
      await turn.sendActivity('last');
    },
    retryText: () => 'repeat',
  });
  expect(log).toEqual([
    'write msteams/conversations/conv-1/',
    'send first',
    'update card-1',
    'delete old-2',
    'send last',
  ]);
});

it('when the handler throws: saves, sends what it said, rethrows, and later sends go straight out', async () => {
  const turn = context();
  const failure = commitTurn(turn, {
    states: [conversation],
    handle: async () => {
      await count().set(turn, 7);
      await turn.sendActivity('said before failing');
      throw new Error('handler failed');
    },
    retryText: () => 'repeat',
  });
  await expect(failure).rejects.toThrow('handler failed');
  expect(log).toEqual(['write msteams/conversations/conv-1/', 'send said before failing']);
  // What onTurnError sends next is not held back.
  await turn.sendActivity('apology');
  expect(log.at(-1)).toBe('send apology');
  expect(await storedCount()).toBe(7);
});

it('when saving fails for another reason: drops the replies and throws for onTurnError', async () => {
  const broken: Storage = {
    read: async () => ({}),
    write: async () => {
      throw new Error('disk full');
    },
    delete: async () => undefined,
  };
  const state = new ConversationState(broken);
  const turn = context();
  await expect(
    commitTurn(turn, {
      states: [state],
      handle: async () => {
        await state.createProperty<number>('count').set(turn, 1);
        await turn.sendActivity('never delivered');
      },
      retryText: () => 'repeat',
    }),
  ).rejects.toThrow('disk full');
  expect(log).toEqual([]);
  await turn.sendActivity('apology');
  expect(log).toEqual(['send apology']);
});
