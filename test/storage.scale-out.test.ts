import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import type { Activity, Storage, StoreItems } from 'botbuilder';
import { loadConfig } from '../src/config';
import { t } from '../src/i18n';
import { createStorage } from '../src/storage';
import { FileStorage } from '../src/state/file-storage';
import { OptimisticStorage } from '../src/state/optimistic-storage';
import { FAKE, cardSubmit, personalMessage } from './helpers/activities';
import { azuriteConnectionString, freshContainer } from './helpers/azurite';
import { startConnectorStub, type ConnectorStub } from './helpers/connector-stub';
import {
  REPEAT_TEXT,
  postTo,
  repliesOf,
  startBotInstance,
  type BotInstance,
  type Reply,
} from './helpers/state-bots';

/**
 * Two bot instances behind one "load balancer": each its own server, adapter, bot and BlobsStorage
 * client, sharing one Azurite container, as two machines would.
 */

jest.setTimeout(30_000);

const container = freshContainer('scale-out');
let stub: ConnectorStub;
const instances: BotInstance[] = [];

function blobStorage(): Storage {
  return createStorage(
    loadConfig({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(),
      AZURE_STORAGE_CONTAINER: container,
    }),
  );
}

async function instance(storage: Storage): Promise<BotInstance> {
  const started = await startBotInstance(storage);
  instances.push(started);
  return started;
}

beforeAll(async () => {
  stub = await startConnectorStub();
});

afterAll(async () => {
  await Promise.all(instances.map((i) => i.close()));
  await stub.close();
});

let conversations = 0;
function newConversation(): string {
  conversations += 1;
  return `a:scale-out-${conversations}-${Date.now()}`;
}

function inConversation(activity: Partial<Activity>, conversationId: string): Partial<Activity> {
  return { ...activity, conversation: { ...activity.conversation!, id: conversationId } };
}

/** Sends one activity to the given instance and returns the messages it caused. */
async function turn(target: BotInstance, activity: Partial<Activity>): Promise<Reply[]> {
  stub.reset();
  expect(await postTo(target.baseUrl, activity)).toBe(200);
  return repliesOf(stub.requests);
}

type Pick = (replies: Reply[]) => Record<string, unknown> | undefined;

const answer =
  (choice?: string): Pick =>
  (replies) =>
    replies
      .flatMap((r) => r.buttons)
      .find((b) => b.data?.verb === 'answer' && (!choice || b.data.choice === choice))?.data;
const verb =
  (name: string): Pick =>
  (replies) =>
    replies.flatMap((r) => r.buttons).find((b) => b.data?.verb === name)?.data;

/**
 * A whole triage: the problem, a symptom picked on the card, its refining question (run status)
 * answered, "still failing" typed, the next step's question (MIM build) answered, then "that fixed
 * it" clicked. Turn i goes to pickInstance(i).
 */
async function triage(
  pickInstance: (turnIndex: number) => BotInstance,
  afterTurn?: (conversationId: string) => Promise<void>,
): Promise<{ transcript: Reply[][]; conversationId: string }> {
  const conversationId = newConversation();
  const options = { serviceUrl: stub.serviceUrl };
  const transcript: Reply[][] = [];
  let last: Reply[] = [];
  const steps: Array<string | Pick> = [
    'sync broke last night',
    answer('run-error-codes'),
    answer(),
    'still failing',
    answer('sp1'),
    verb('fixed'),
  ];
  for (const [index, step] of steps.entries()) {
    let activity: Partial<Activity>;
    if (typeof step === 'string') {
      activity = personalMessage(step, options);
    } else {
      const data = step(last);
      if (!data) throw new Error(`step ${index}: no such button in ${JSON.stringify(last)}`);
      activity = cardSubmit(data, options);
    }
    last = await turn(pickInstance(index), inConversation(activity, conversationId));
    transcript.push(last);
    await afterTurn?.(conversationId);
  }
  return { transcript, conversationId };
}

describe('two instances sharing one Azurite container', () => {
  it('give the same replies, turn for turn, as one instance when the turns alternate', async () => {
    const single = await instance(blobStorage());
    const [a, b] = [await instance(blobStorage()), await instance(blobStorage())];

    const reference = (await triage(() => single)).transcript;
    const alternating = (await triage((i) => (i % 2 === 0 ? a : b))).transcript;

    expect(alternating).toEqual(reference);
    // The run went all the way through: advice, a refining question, more advice, the close.
    const titles = reference.flat().map((r) => r.title);
    expect(titles.some((title) => title.startsWith('Recommended step'))).toBe(true);
    expect(reference.flat().some((r) => r.buttons.some((b) => b.url?.startsWith('https://')))).toBe(true);
    expect(reference.at(-1)?.[0]?.title).toBe(t('en', 'reply.fixed.title'));
    expect(titles).not.toContain(t('en', 'error.title'));
    for (const i of [single, a, b]) expect(i.turnErrors).toEqual([]);
  });
});

/** Lets the first read of dialog state at each of two stores pass only when both have read. */
class ReadBarrier {
  private waiting: Array<() => void> = [];
  private opened = false;

  constructor(private readonly parties: number) {}

  async arrive(): Promise<void> {
    if (this.opened) return;
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (this.waiting.length >= this.parties) this.open();
      // Never deadlock a failing test.
      setTimeout(() => this.open(), 5_000).unref();
    });
  }

  private open(): void {
    this.opened = true;
    this.waiting.forEach((resolve) => resolve());
    this.waiting = [];
  }
}

class GatedStorage implements Storage {
  private passed = false;

  constructor(
    private readonly inner: Storage,
    private readonly barrier: ReadBarrier,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    const dialogState = keys.some((key) => key.includes('/conversations/') && key.includes('/users/'));
    if (dialogState && !this.passed) {
      this.passed = true;
      await this.barrier.arrive();
    }
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

/** The dialog's question counter as stored: each question asked adds one. */
async function storedSeq(conversationId: string): Promise<number> {
  const key = `msteams/conversations/${conversationId}/users/${FAKE.userId}/`;
  // The triage case is the state of the one dialog on botbuilder's dialog stack.
  const item = (await blobStorage().read([key]))[key] as
    { dialogState?: { dialogStack?: { state?: { seq?: number } }[] } } | undefined;
  return item?.dialogState?.dialogStack?.[0]?.state?.seq ?? -1;
}

/**
 * Both instances get a message of one conversation at the same moment; both read the same state
 * before either saves. Each message asks a question, so two applied turns move the counter by two.
 */
async function concurrentTurns() {
  const barrier = new ReadBarrier(2);
  const [a, b] = [
    await instance(new GatedStorage(blobStorage(), barrier)),
    await instance(new GatedStorage(blobStorage(), barrier)),
  ];
  const conversationId = newConversation();
  const options = { serviceUrl: stub.serviceUrl };
  // The conversation exists already (a first turn creates state without an eTag to check).
  const setup = await instance(blobStorage());
  await turn(setup, inConversation(personalMessage('sync broke', options), conversationId));
  expect(await storedSeq(conversationId)).toBe(1);

  stub.reset();
  const statuses = await Promise.all(
    [a, b].map((target) =>
      postTo(target.baseUrl, inConversation(personalMessage('sync broke again', options), conversationId)),
    ),
  );
  return { statuses, a, b, conversationId, replies: repliesOf(stub.requests) };
}

describe('concurrent turns of one conversation at both instances', () => {
  it('both turns count, each answered once, nobody asked to repeat', async () => {
    const { statuses, a, b, conversationId, replies } = await concurrentTurns();
    expect(statuses).toEqual([200, 200]);
    expect(a.turnErrors).toEqual([]);
    expect(b.turnErrors).toEqual([]);
    // Serial outcome: questions #2 and #3, no reply from the run that lost the race.
    expect(await storedSeq(conversationId)).toBe(3);
    const questionIds = replies.map((r) => r.buttons[0]?.data?.questionId).sort();
    expect(questionIds).toEqual(['symptom#2', 'symptom#3']);
    expect(replies.map((r) => r.title)).not.toContain(REPEAT_TEXT);
  });
});

describe('stored bytes', () => {
  it('stay small per conversation (largest point of one full triage) and per user, in both durable stores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mim-bytes-'));
    try {
      const file = new FileStorage({ dir });
      const fileBot = await instance(new OptimisticStorage(file));
      const blobBot = await instance(blobStorage());
      const blobs = new ContainerClient(azuriteConnectionString(), container);
      const fileSize = async (key: string): Promise<number> =>
        existsSync(file.fileOf(key)) ? statSync(file.fileOf(key)).size : 0;
      // BlobsStorage drops the empty last path segment of botbuilder's keys.
      const blobSize = async (key: string): Promise<number> => {
        const blob = blobs.getBlobClient(encodeURIComponent(key.replace(/\/$/, '')));
        return (await blob.exists()) ? ((await blob.getProperties()).contentLength ?? 0) : 0;
      };

      const measure = async (bot: BotInstance, size: (key: string) => Promise<number>) => {
        const peak = { conversation: 0, dialog: 0, user: 0 };
        const options = { serviceUrl: stub.serviceUrl };
        const { conversationId } = await triage(
          () => bot,
          async (conversationId) => {
            const keys = stateKeys(conversationId);
            peak.conversation = Math.max(peak.conversation, await size(keys.conversation));
            peak.dialog = Math.max(peak.dialog, await size(keys.dialog));
          },
        );
        // What the other states hold at most today: the welcome flag and a language choice.
        const keys = stateKeys(conversationId);
        await turn(bot, inConversation(welcomeUpdate(options.serviceUrl), conversationId));
        await turn(bot, inConversation(personalMessage('language danish', options), conversationId));
        peak.conversation = Math.max(peak.conversation, await size(keys.conversation));
        peak.user = await size(keys.user);
        return peak;
      };
      const fileBytes = await measure(fileBot, fileSize);
      const blobBytes = await measure(blobBot, blobSize);

      if (process.env.MIM_REPORT_STATE_BYTES) {
        process.stdout.write(
          `state bytes, largest during one triage: file ${JSON.stringify(fileBytes)} blob ${JSON.stringify(blobBytes)}\n`,
        );
      }
      // Budgets with room to grow that still catch a runaway (e.g. whole activities kept in state).
      expect(blobBytes.dialog).toBeGreaterThan(200);
      expect(blobBytes.dialog).toBeLessThan(8_192);
      expect(blobBytes.conversation).toBeGreaterThan(0);
      expect(blobBytes.user).toBeGreaterThan(0);
      expect(blobBytes.user).toBeLessThan(512);
      // The file store adds its envelope (key and eTag) to each item.
      expect(fileBytes.dialog - blobBytes.dialog).toBeLessThan(512);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function stateKeys(conversationId: string) {
  return {
    conversation: `msteams/conversations/${conversationId}/`,
    dialog: `msteams/conversations/${conversationId}/users/${FAKE.userId}/`,
    user: `msteams/users/${FAKE.userId}/`,
  };
}

/** Teams' conversationUpdate when the bot is added to a chat. */
function welcomeUpdate(serviceUrl: string): Partial<Activity> {
  const message = personalMessage('', { serviceUrl });
  return {
    ...message,
    type: 'conversationUpdate',
    text: undefined,
    membersAdded: [{ id: FAKE.botId, name: FAKE.botName }],
  };
}
