/**
 * The bot and the Microsoft 365 Agents Playground pointed at it, both on loopback. Shared by the e2e
 * suite (one stack per scenario) and `npm run playground`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, httpStatus, startProcess, waitUntil, type Managed } from './processes';

export const ROOT = path.resolve(__dirname, '..');

/** Playground's own default port; it silently takes a random one when this is busy. */
export const PLAYGROUND_DEFAULT_PORT = 56150;

const BOT_START_TIMEOUT_MS = 60_000;
const PLAYGROUND_START_TIMEOUT_MS = 60_000;

/** A start that never got ready must not leave its process behind. */
async function stopOnFailure<T>(proc: Managed, ready: Promise<T>): Promise<T> {
  try {
    return await ready;
  } catch (err) {
    await proc.stop();
    throw err;
  }
}

export interface BotOptions {
  port: number;
  /** Working directory; the bot reads `.env` from here. The e2e suite uses an empty folder. */
  cwd: string;
  /** Extra environment, applied last. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningBot {
  proc: Managed;
  endpoint: string;
}

/**
 * Starts `src/index.ts` through tsx (no build step, and a broken dist/ from someone else's build
 * cannot interfere). Local mode is forced: the Playground sends no Bot Framework token.
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const tsxLoader = pathToFileURL(require.resolve('tsx')).href;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Empty wins over .env (dotenv never overrides) and the config reads empty as "not set".
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    MicrosoftAppType: '',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    ...options.env,
  };
  const proc = startProcess(
    'bot',
    process.execPath,
    ['--import', tsxLoader, path.join(ROOT, 'src', 'index.ts')],
    {
      cwd: options.cwd,
      env,
    },
  );
  const base = `http://127.0.0.1:${options.port}`;
  await stopOnFailure(
    proc,
    waitUntil(proc, 'answer on /healthz', BOT_START_TIMEOUT_MS, async () =>
      (await httpStatus(`${base}/healthz`)) === 200 ? true : undefined,
    ),
  );
  return { proc, endpoint: `${base}/api/messages` };
}

export interface PlaygroundOptions {
  botEndpoint: string;
  /** Asked for; the Playground moves to a random port if it is busy, so read `RunningPlayground.port`. */
  port: number;
}

export interface RunningPlayground {
  proc: Managed;
  port: number;
  url: string;
}

/** The Playground's CLI entry, resolved from its package so no `npx` (and no registry) is involved. */
function playgroundCli(): string {
  const pkg = require.resolve('@microsoft/m365agentsplayground/package.json');
  return path.join(path.dirname(pkg), 'cli.js');
}

/**
 * Telemetry off in both ways it can be switched off (otherwise it probes the Azure metadata address at
 * start), no browser launch, and host-less listens pinned to loopback by a preload.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
    TEAMSAPPTESTER_BROWSER: 'none',
  };
  const args = [
    '--require',
    path.join(__dirname, 'loopback-listen.cjs'),
    playgroundCli(),
    '--app-endpoint',
    options.botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(options.port),
    '--disable-telemetry',
  ];
  const proc = startProcess('playground', process.execPath, args, { cwd: ROOT, env });
  const port = await stopOnFailure(
    proc,
    waitUntil(proc, '"Listening on <port>" line', PLAYGROUND_START_TIMEOUT_MS, async () => {
      for (const line of proc.lines) {
        const match = /Listening on (\d+)/.exec(line);
        if (match) return Number(match[1]);
      }
      return undefined;
    }),
  );
  await stopOnFailure(
    proc,
    waitUntil(proc, 'answer on its page', PLAYGROUND_START_TIMEOUT_MS, async () =>
      (await httpStatus(`http://127.0.0.1:${port}/`)) === 200 ? true : undefined,
    ),
  );
  return { proc, port, url: `http://localhost:${port}` };
}

export interface Stack {
  bot: RunningBot;
  playground: RunningPlayground;
  /** Stops both; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A fresh bot (memory state, empty working folder so no `.env` applies) and a Playground, on free
 * ports, started side by side. Anything started is stopped again if the other half fails.
 */
export async function startStack(env: NodeJS.ProcessEnv = {}): Promise<Stack> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'mim-e2e-bot-'));
  const [botPort, playgroundPort] = [await freePort(), await freePort()];
  // Settle both before deciding: a failed half must not leave the other half running.
  const [bot, playground] = await Promise.allSettled([
    startBot({ port: botPort, cwd, env: { STORAGE: 'memory', LOG_LEVEL: 'debug', ...env } }),
    startPlayground({ botEndpoint: `http://127.0.0.1:${botPort}/api/messages`, port: playgroundPort }),
  ]);
  const running = [bot, playground].flatMap((r) => (r.status === 'fulfilled' ? [r.value.proc] : []));
  const stop = async (): Promise<void> => {
    await Promise.all(running.map((proc) => proc.stop()));
    fs.rmSync(cwd, { recursive: true, force: true });
  };
  if (bot.status === 'rejected') {
    await stop();
    throw bot.reason;
  }
  if (playground.status === 'rejected') {
    await stop();
    throw playground.reason;
  }
  return { bot: bot.value, playground: playground.value, stop };
}
