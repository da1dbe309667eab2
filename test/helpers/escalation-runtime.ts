import type { EscalationCase } from '../../src/escalation';
import { JournalStorage, startEscalationBot, supportEnv, type EscalationBot } from './escalation-bot';
import { messagesTo, postedCards, type PostedCard, type Requester } from './escalation-flow';
import { startFailingConnector, type FailingConnector } from './failing-connector';
import { lateBound } from './lifecycle';
import type { Seen } from './replies';

/**
 * Escalation on the Teams side, over real HTTP, for one test file: a connector stand-in on
 * 127.0.0.1 that fails on demand (new for each test), the bot as src/index.ts composes it, and the
 * waits the tests share. Call at the top level of a test file.
 */
export function useEscalationRuntime() {
  let current: FailingConnector | undefined;
  let bot: EscalationBot | undefined;

  beforeEach(async () => {
    current = await startFailingConnector();
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    await current?.close();
    current = undefined;
  });

  const connector = lateBound(() => {
    if (!current) throw new Error('used outside a test');
    return current;
  });

  async function startBot(
    env: Record<string, string> = supportEnv(connector.serviceUrl),
    storage?: JournalStorage,
  ): Promise<EscalationBot> {
    bot = await startEscalationBot(env, storage);
    return bot;
  }

  function running(): EscalationBot {
    if (!bot) throw new Error('no bot');
    return bot;
  }

  /** Stops the bot mid-test (a restart follows); the next startBot brings up a new one. */
  async function stopBot(): Promise<void> {
    await running().close();
    bot = undefined;
  }

  const caseOf = (id: string): Promise<EscalationCase | undefined> => running().escalation.desk.cases.get(id);

  async function noticeTo(conversationId: string, title: string): Promise<Seen> {
    await connector.waitUntil(
      () => messagesTo(connector, conversationId).some((m) => m.title === title),
      `"${title}"`,
    );
    return messagesTo(connector, conversationId).find((m) => m.title === title) as Seen;
  }

  async function cardPosted(n = 1): Promise<PostedCard> {
    await connector.waitUntil(() => postedCards(connector).length >= n, `case card #${n}`);
    return postedCards(connector)[n - 1];
  }

  /** Lets the runner finish whatever is due, so "exactly one" is not checked too early. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 150));
    await running().escalation.runner?.drain();
  }

  async function openCase(r: Requester, description?: string) {
    const walk = await r.walkToForm();
    const submitted = await r.submit(walk.submissionId, description);
    return { ...walk, ...submitted };
  }

  return { connector, startBot, running, stopBot, caseOf, noticeTo, cardPosted, settle, openCase };
}
