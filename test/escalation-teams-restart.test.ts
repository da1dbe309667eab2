import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE } from './helpers/activities';
import { supportEnv } from './helpers/escalation-bot';
import { Requester, postedCards } from './helpers/escalation-flow';
import {
  TEAMS_ERRORS,
  activityOf,
  isThreadPost,
  startFailingConnector,
  type FailingConnector,
} from './helpers/failing-connector';
import { seeActivity } from './helpers/replies';

/**
 * The real entry point (src/index.ts through tsx, STORAGE=file by default) as a child process:
 * killed with SIGKILL after a case card failed to send, started again on the same data folder.
 * The outbox must deliver the card exactly once.
 */

jest.setTimeout(90_000);

const ROOT = join(__dirname, '..');
const TSX = require.resolve('tsx/cjs');
const ENTRY = join(ROOT, 'src', 'index.ts');

let connector: FailingConnector;
const children = new Set<ChildProcess>();
let folder: string;

beforeAll(async () => {
  connector = await startFailingConnector();
  folder = mkdtempSync(join(tmpdir(), 'mim-escalation-restart-'));
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await connector.close();
  rmSync(folder, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface BotProcess {
  child: ChildProcess;
  baseUrl: string;
  /** JSON log lines from stdout so far. */
  lines: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

async function startBot(env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--require', TSX, ENTRY], {
    // A temp folder: no developer .env, and the file store's default DATA_DIR ./data lands there.
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? folder,
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_USER: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const lines: Record<string, unknown>[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) =>
      child.once('exit', (code, signal) => {
        children.delete(child);
        resolve({ code, signal, stderr });
      }),
  );
  const bot = { child, baseUrl: `http://127.0.0.1:${port}`, lines, exited };
  const deadline = Date.now() + 45_000;
  let gone: unknown;
  void exited.then((e) => (gone = e));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`bot exited before it listened: ${stderr}`);
    try {
      if ((await fetch(`${bot.baseUrl}/healthz`)).ok) return bot;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('bot did not listen in time');
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('kill -9 after a failed case card: the restarted process on the same data folder sends it exactly once', async () => {
  const env = supportEnv(connector.serviceUrl);
  // One send: the client's three own retries get 500s, the last try a 429 asking for 3 s. The
  // outbox records the failure and waits those 3 s: room to kill the process before it tries again.
  connector.plan(isThreadPost, [
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.throttled(3),
  ]);
  connector.always(isThreadPost, TEAMS_ERRORS.serverError);

  const first = await startBot(env);
  const ada = new Requester(first, connector);
  const { submissionId } = await ada.walkToForm();
  const { replies } = await ada.submit(submissionId);
  expect(replies.map((r) => r.title)).toEqual(['Case MSD-1001 opened']);

  await until(
    () =>
      first.lines.some((l) => l.msg === 'escalation delivery failed; will retry' && l.kind === 'case-card'),
    'the recorded failure',
  );
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  const failedBeforeKill = connector.threadPosts().length;
  expect(connector.threadPosts().map((a) => a.status)).toEqual([500, 500, 500, 429]);

  connector.clearPlans();
  const second = await startBot(env);
  await connector.waitUntil(() => postedCards(connector).length === 1, 'the case card', 30_000);
  const noticeTitle = 'Case MSD-1001 is with support';
  const notices = () =>
    connector.answered
      .filter((a) => a.request.method === 'POST' && a.request.conversationId === FAKE.personalConversationId)
      .map((a) => seeActivity(activityOf(a)).title)
      .filter((title) => title === noticeTitle);
  await until(() => notices().length === 1, 'the requester notice');
  // Give a duplicate every chance to show up.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(
    connector
      .threadPosts()
      .slice(failedBeforeKill)
      .map((a) => a.status),
  ).toEqual([201]);
  expect(postedCards(connector)).toHaveLength(1);
  expect(postedCards(connector)[0].card.body).toContain('AD MA delta import stops every night');
  expect(notices()).toHaveLength(1);
  expect(second.lines.some((l) => l.msg === 'escalation delivery sent' && l.kind === 'case-card')).toBe(true);

  second.child.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
});
