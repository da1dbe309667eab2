import { loadConfig } from '../../src/config';
import { createStorage } from '../../src/storage';
import { azuriteConnectionString, freshContainer } from '../helpers/azurite';
import {
  JournalStorage,
  startEscalationBot,
  supportEnv,
  type EscalationBot,
} from '../helpers/escalation-bot';
import { postedCards } from '../helpers/escalation-flow';
import { startFailingConnector, type FailingConnector } from '../helpers/failing-connector';
import { fixtureRun, postRuns, RUN_WATCH_KEYS } from '../helpers/run-watch';

/**
 * Two instances of the bot, each with its own BlobsStorage client on one Azurite container (as two
 * machines behind a load balancer), receive failures of one MA at the same moment: one card.
 */

jest.setTimeout(30_000);

let connector: FailingConnector;
let instances: EscalationBot[] = [];

beforeEach(async () => {
  connector = await startFailingConnector();
});

afterEach(async () => {
  await Promise.all(instances.map((i) => i.close()));
  instances = [];
  await connector.close();
});

async function twoInstances(): Promise<[EscalationBot, EscalationBot]> {
  const container = freshContainer('run-watch');
  const env = supportEnv(connector.serviceUrl, { RUN_WATCH_KEYS });
  const blob = () =>
    new JournalStorage(
      createStorage(
        loadConfig({
          STORAGE: 'blob',
          AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(),
          AZURE_STORAGE_CONTAINER: container,
        }),
      ),
    );
  // The first instance creates the escalation documents before the second starts, as a deployment would.
  const a = await startEscalationBot(env, blob());
  const b = await startEscalationBot(env, blob());
  instances = [a, b];
  return [a, b];
}

async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const i of instances) await i.escalation.runner?.drain();
}

describe('run alerts on two instances sharing blob storage', () => {
  it('two failures of one MA arriving at the same moment make one card', async () => {
    const [a, b] = await twoInstances();
    // The MA has been watched before (its document exists), as any MA that fails at night has.
    expect((await postRuns(a.baseUrl, fixtureRun(411, { result: 'success' }))).status).toBe(202);

    const answers = await Promise.all([
      postRuns(a.baseUrl, fixtureRun(412)),
      postRuns(b.baseUrl, fixtureRun(413)),
    ]);
    expect(answers.map((r) => r.body)).toEqual([
      { accepted: 1, duplicates: 0 },
      { accepted: 1, duplicates: 0 },
    ]);
    await connector.waitUntil(() => postedCards(connector).length >= 1, 'the alert card');
    await settled();
    expect(connector.threadPosts()).toHaveLength(1);
    const alerts = await a.escalation.runAlerts?.watch.store.watchOf(
      (postedCards(connector)[0].card.buttons[0].data as { alertId: string }).alertId,
    );
    expect(alerts?.alerts.map((x) => x.failedRuns)).toEqual([2]);
  });

  it('the same run sent to both at once is stored once: one accepted, one duplicate', async () => {
    const [a, b] = await twoInstances();
    await postRuns(a.baseUrl, fixtureRun(411, { result: 'success' }));
    const answers = await Promise.all([
      postRuns(a.baseUrl, fixtureRun(412)),
      postRuns(b.baseUrl, fixtureRun(412)),
    ]);
    const bodies = answers.map((r) => r.body as { accepted: number; duplicates: number });
    expect(bodies.map((x) => x.accepted).sort()).toEqual([0, 1]);
    expect(bodies.map((x) => x.duplicates).sort()).toEqual([0, 1]);
    await connector.waitUntil(() => postedCards(connector).length >= 1, 'the alert card');
    await settled();
    expect(connector.threadPosts()).toHaveLength(1);
  });
});
