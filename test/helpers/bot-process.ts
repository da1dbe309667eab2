import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFailingConnector, type FailingConnector } from './failing-connector';
import { freePort } from './free-port';
import { lateBound } from './lifecycle';

/**
 * The real entry point (src/index.ts, through tsx) as a child process, for the tests that kill it
 * and start it again.
 */

const TSX = require.resolve('tsx/cjs');
const ENTRY = join(__dirname, '..', '..', 'src', 'index.ts');

/** How a bot process ended, with everything it wrote. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface BotProcess {
  child: ChildProcess;
  baseUrl: string;
  /** JSON log lines from stdout so far. */
  lines: Record<string, unknown>[];
  exited: Promise<Exit>;
}

/** Processes started here that have not exited yet. */
const running = new Set<ChildProcess>();

/**
 * `node -r tsx/cjs src/index.ts` in `cwd` (a temp folder: no developer .env, and the file store's
 * default DATA_DIR ./data lands there), listening on 127.0.0.1:`port` and logging at warn, with only
 * the environment given here.
 */
export function spawnBot(cwd: string, env: Record<string, string>, port: number): BotProcess {
  const child = spawn(process.execPath, ['--require', TSX, ENTRY], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? cwd,
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: Record<string, unknown>[] = [];
  let stdout = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stdout += text;
    const parts = (partial + text).split('\n');
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
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, baseUrl: `http://127.0.0.1:${port}`, lines, exited };
}

/** Resolves once /healthz answers; fails with the process output if it exits first. */
export async function ready(bot: BotProcess, timeoutMs = 45_000): Promise<void> {
  let exit: Exit | undefined;
  void bot.exited.then((e) => (exit = e));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`bot exited (${exit.code ?? exit.signal}) before it listened: ${exit.stderr}`);
    try {
      if ((await fetch(`${bot.baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('bot did not listen in time');
}

/** spawnBot on a free port, resolved once it listens. */
export async function startBotProcess(cwd: string, env: Record<string, string>): Promise<BotProcess> {
  const bot = spawnBot(cwd, env, await freePort());
  await ready(bot);
  return bot;
}

/** SIGKILL for every bot process still running (for afterAll). */
export function killBotProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * For a test file that kills and restarts the real entry point: a failing connector and a data
 * folder that outlive each process, cleaned up (processes included) after the file.
 */
export function useRestartableBot(folderPrefix: string): {
  connector: FailingConnector;
  start(env: Record<string, string>): Promise<BotProcess>;
} {
  let connector: FailingConnector | undefined;
  let folder = '';
  beforeAll(async () => {
    connector = await startFailingConnector();
    folder = mkdtempSync(join(tmpdir(), folderPrefix));
  });
  afterAll(async () => {
    killBotProcesses();
    await connector?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    connector: lateBound(() => {
      if (!connector) throw new Error('used outside a test');
      return connector;
    }),
    start: (env) => startBotProcess(folder, env),
  };
}
