import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { t } from '../src/i18n';
import { LOCK_FILE } from '../src/state/dir-lock';
import { cardSubmit, personalMessage } from './helpers/activities';
import { azuriteConnectionString, connectionStringFor, freshContainer } from './helpers/azurite';
import { killBotProcesses, spawnBot, startBotProcess, type BotProcess } from './helpers/bot-process';
import { startConnectorStub, type ConnectorStub } from './helpers/connector-stub';
import { freePort } from './helpers/free-port';
import { postTo, repliesOf, type Reply } from './helpers/state-bots';

/**
 * The real entry point (src/index.ts, through tsx) as child processes: killed with SIGKILL in the
 * middle of a dialog and started again, and refused at start when the store is unusable.
 */

jest.setTimeout(60_000);

const stubs: ConnectorStub[] = [];
const folders: string[] = [];

afterAll(async () => {
  killBotProcesses();
  await Promise.all(stubs.map((stub) => stub.close()));
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** One stand-in connector per test: the tests run concurrently (each start is a Node process). */
async function newStub(): Promise<ConnectorStub> {
  const stub = await startConnectorStub();
  stubs.push(stub);
  return stub;
}

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mim-restart-'));
  folders.push(dir);
  return dir;
}

async function killHard(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGKILL');
  expect((await bot.exited).signal).toBe('SIGKILL');
}

async function turn(stub: ConnectorStub, bot: BotProcess, activity: Partial<Activity>): Promise<Reply[]> {
  stub.reset();
  expect(await postTo(bot.baseUrl, activity)).toBe(200);
  return repliesOf(stub.requests);
}

function answerButton(replies: Reply[], choice: string): Record<string, unknown> {
  const data = replies
    .flatMap((r) => r.buttons)
    .find((b) => b.data?.verb === 'answer' && b.data.choice === choice)?.data;
  if (!data) throw new Error(`no "${choice}" button in ${JSON.stringify(replies)}`);
  return data;
}

/** stderr without Node's own deprecation notices (restify 11 triggers DEP0111 on load). */
function ownLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => !/^\(node:\d+\) \[DEP\d+\]|^\(Use `node --trace-deprecation/.test(line));
}

/**
 * Asks a question, kills the process with SIGKILL, starts a new one on the same store and clicks
 * the pending question's button there: the conversation must go on as if nothing happened.
 */
async function survivesKill(
  cwd: string,
  env: Record<string, string>,
  afterKill?: (killedPid: number) => void,
): Promise<BotProcess> {
  const stub = await newStub();
  const options = { serviceUrl: stub.serviceUrl };
  const first = await startBotProcess(cwd, env);
  const question = await turn(stub, first, personalMessage('the sync service broke', options));
  expect(question.map((r) => r.title)).toEqual([t('en', 'question.symptom.title')]);
  const button = answerButton(question, 'run-error-codes');

  const killedPid = first.child.pid ?? 0;
  await killHard(first);
  afterKill?.(killedPid);

  const second = await startBotProcess(cwd, env);
  const advice = await turn(stub, second, cardSubmit(button, options));
  const titles = advice.map((r) => r.title);
  expect(titles[0]).toMatch(/^Recommended step 3 of 7/);
  expect(titles).not.toContain(t('en', 'reply.staleCard'));
  expect(titles).not.toContain(t('en', 'error.title'));
  return second;
}

// Concurrent: each start is a Node process loading botbuilder; jest itself keeps one core busy.
describe('kill -9 in the middle of a dialog', () => {
  it.concurrent(
    'file store, all defaults (STORAGE and DATA_DIR unset): the pending button still works after restart',
    async () => {
      const cwd = tempFolder();
      const second = await survivesKill(cwd, {}, (killedPid) => {
        // SIGKILL left the lock behind; the next start must take it over.
        const lock = JSON.parse(readFileSync(join(cwd, 'data', LOCK_FILE), 'utf8')) as { pid: number };
        expect(lock.pid).toBe(killedPid);
      });

      // While it runs, a second process on the same folder is refused with one line.
      const third = spawnBot(cwd, {}, await freePort());
      const refused = await third.exited;
      expect(refused.code).toBe(1);
      expect(ownLines(refused.stderr)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^MIM Sync Doctor failed to start: Another MIM Sync Doctor process \\(pid ${second.child.pid}\\) is using .*data: stop it, or set DATA_DIR`,
          ),
        ),
      ]);

      // A clean stop releases the lock.
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
      expect(existsSync(join(cwd, 'data', LOCK_FILE))).toBe(false);
    },
  );

  it.concurrent('blob store: the pending button still works on the restarted instance', async () => {
    const second = await survivesKill(tempFolder(), {
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(),
      AZURE_STORAGE_CONTAINER: freshContainer('restart'),
    });
    await killHard(second);
  });
});

describe('start-up check of STORAGE=blob', () => {
  it.concurrent(
    'exits non-zero with one clear line, before listening, for a wrong key and for an unreachable account',
    async () => {
      const endpoint = process.env.MIM_TEST_AZURITE_BLOB_ENDPOINT ?? '';
      const cases = [
        {
          connectionString: connectionStringFor(endpoint, Buffer.alloc(64, 7).toString('base64')),
          expected: /access denied \(403 AuthorizationFailure\)/,
        },
        {
          connectionString: connectionStringFor('http://127.0.0.1:9/devstoreaccount1'),
          expected: /unreachable \(ECONNREFUSED\)/,
        },
      ];
      // Both at once: each start costs a Node process loading botbuilder.
      const exits = await Promise.all(
        cases.map(
          async ({ connectionString }) =>
            spawnBot(
              tempFolder(),
              {
                STORAGE: 'blob',
                AZURE_STORAGE_CONNECTION_STRING: connectionString,
                AZURE_STORAGE_CONTAINER: 'mim-check',
              },
              await freePort(),
            ).exited,
        ),
      );
      exits.forEach((exit, i) => {
        expect(exit.code).toBe(1);
        const lines = ownLines(exit.stderr);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^MIM Sync Doctor failed to start: Azure Blob Storage check failed/);
        expect(lines[0]).toMatch(cases[i]!.expected);
        expect(lines[0]).not.toContain('AccountKey');
        expect(exit.stdout).not.toContain('MIM Sync Doctor started');
      });
    },
  );
});
