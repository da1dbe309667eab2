/**
 * `npm run bench:paste`: what a hostile 100 KB paste costs everyone else. Starts the bot (src/index.ts,
 * memory storage) against a local connector; for each shape in paste-shapes.ts, one user sends the
 * paste BENCH_PASTES (5) times at once while a second user sends an ordinary message every 20 ms.
 * Prints the paste turns' latency and the ordinary turns' latency alone and during the pastes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { textMessage, type Who } from './activities';
import { PASTE_SHAPES } from './paste-shapes';
import { freePort, nowMs } from './processes';

const ROOT = path.resolve(__dirname, '..');
const PASTES = Number(process.env.BENCH_PASTES ?? 5);
const ORDINARY = 'ADMA delta import stopped-connectivity every night';

async function startConnector(): Promise<{ url: string; close: () => Promise<void> }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${++n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function startBot(port: number): ChildProcess {
  return spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), 'src/index.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      STORAGE: 'memory',
    },
  });
}

let activity = 0;

/** One message turn; resolves with its latency in ms. */
async function send(base: string, text: string, user: number, serviceUrl: string): Promise<number> {
  const who: Who = { conversationId: `a:bench-${user}`, user, serviceUrl, activityId: `act-${++activity}` };
  const start = nowMs();
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(textMessage(text, who)),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for a ${text.length}-character message`);
  return nowMs() - start;
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
const pct = (values: number[], p: number): number => {
  const s = sorted(values);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.floor(s.length * p))];
};
const ms = (n: number): string => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const connector = await startConnector();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const bot = startBot(port);
  try {
    for (const deadline = Date.now() + 30_000; ;) {
      const ok = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('the bot did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (let i = 0; i < 20; i++) await send(base, ORDINARY, 1, connector.url); // warm up
    const alone: number[] = [];
    for (let i = 0; i < 50; i++) alone.push(await send(base, `${ORDINARY} ${i}`, 1, connector.url));
    process.stdout.write(`ordinary turn alone: p50 ${ms(pct(alone, 0.5))}, max ${ms(Math.max(...alone))}\n`);
    for (const [name, paste] of Object.entries(PASTE_SHAPES)) {
      const during: number[] = [];
      let done = false;
      const ordinary = (async () => {
        for (let i = 0; !done; i++) {
          during.push(await send(base, `${ORDINARY} ${i}`, 1, connector.url));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const pastes = await Promise.all(
        Array.from({ length: PASTES }, (_, i) => send(base, `${paste} ${i}`, 2, connector.url)),
      );
      done = true;
      await ordinary;
      process.stdout.write(
        `${name.padEnd(36)} ${PASTES} pastes: max ${ms(Math.max(...pastes))}; ordinary turns during them: ` +
          `${during.length}, p50 ${ms(pct(during, 0.5))}, max ${ms(Math.max(...during))}\n`,
      );
    }
  } finally {
    bot.kill('SIGTERM');
    await connector.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
