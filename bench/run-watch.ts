/**
 * `npm run bench:runs`: the run watch under load. The real entry point (src/index.ts) as a child
 * process on file storage; a Teams connector stand-in in this process; 20 MIM servers x 40 MAs, each
 * MA a run every (simulated) minute for 10 minutes, a tenth of them failing, each run posted on its
 * own as the agent does, as fast as the bot takes them (a 429 is waited out and sent again).
 *
 * Checks at the end: every run accepted exactly once (nothing lost, nothing doubled), one card per
 * failure streak, one card update per later failure and per recovery. Prints runs/s, p50/p99 per
 * request and the bot's peak RSS; the last line is one JSON object. Exit 1 when a check fails.
 *
 * Env: BENCH_SERVERS (20), BENCH_MAS (40), BENCH_MINUTES (10), BENCH_FAIL_EVERY (10),
 *      BENCH_RATE (RUN_WATCH_RATE_PER_MINUTE for the bot, 1-10000; default 120, the shipped default),
 *      BENCH_STORAGE (file or memory; default file). The JSON line has the bot's RSS every 10 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { sendRunHistory } from '../src/cli/run-sender';
import { freePort, rssMb } from './processes';

const ROOT = path.resolve(__dirname, '..');
const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SERVERS = envNumber('BENCH_SERVERS', 20);
const MAS = envNumber('BENCH_MAS', 40);
const MINUTES = envNumber('BENCH_MINUTES', 10);
const FAIL_EVERY = envNumber('BENCH_FAIL_EVERY', 10);
const RATE = envNumber('BENCH_RATE', 120);
const STORAGE = process.env.BENCH_STORAGE === 'memory' ? 'memory' : 'file';

const FIXTURE = fs.readFileSync(
  path.join(ROOT, 'test', 'fixtures', 'readers', 'run-history-one-run.xml'),
  'utf8',
);
const START = Date.parse('2026-01-05T00:00:00Z');

interface Run {
  server: number;
  ma: number;
  minute: number;
  failed: boolean;
}

/** A deterministic tenth: the same (server, MA, minute) fails on every run of the benchmark. */
function fails(server: number, ma: number, minute: number): boolean {
  return (server * 7919 + ma * 104_729 + minute * 1_299_709) % FAIL_EVERY === 0;
}

function runXml(run: Run): Buffer {
  const end = new Date(START + run.minute * 60_000 + run.ma * 100)
    .toISOString()
    .replace('T', ' ')
    .slice(0, 23);
  const guid = `{${String(run.server).padStart(8, '0')}-0000-4000-8000-${String(run.ma).padStart(12, '0')}}`;
  const result = run.failed ? 'completed-sync-errors' : 'success';
  return Buffer.from(
    FIXTURE.replace(/<ma-id>[^<]*<\/ma-id>/, `<ma-id>${guid}</ma-id>`)
      .replace(/<ma-name>[^<]*<\/ma-name>/, `<ma-name>MA-${run.ma}</ma-name>`)
      .replace(/<run-number>[^<]*<\/run-number>/, `<run-number>${run.minute + 1}</run-number>`)
      .replace(/<end-date>[^<]*<\/end-date>/g, `<end-date>${end}</end-date>`)
      .replace(/<step-result>[^<]*<\/step-result>/g, `<step-result>${result}</step-result>`),
    'utf8',
  );
}

/** What the cards must add up to: a failure after a success (or first) posts, a later one updates, a success after failures updates. */
function expected(): { runs: number; posts: number; updates: number } {
  let posts = 0;
  let updates = 0;
  for (let server = 0; server < SERVERS; server++) {
    for (let ma = 0; ma < MAS; ma++) {
      let failing = false;
      for (let minute = 0; minute < MINUTES; minute++) {
        const failed = fails(server, ma, minute);
        if (failed && !failing) posts++;
        else if (failed || failing) updates++;
        failing = failed;
      }
    }
  }
  return { runs: SERVERS * MAS * MINUTES, posts, updates };
}

interface ConnectorCounts {
  posts: number;
  updates: number;
  other: number;
}

async function startConnector(): Promise<{
  url: string;
  counts: ConnectorCounts;
  close: () => Promise<void>;
}> {
  const counts: ConnectorCounts = { posts: 0, updates: 0, other: 0 };
  let threads = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const url = req.url ?? '';
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(url)) {
        threads++;
        counts.posts++;
        res.end(
          JSON.stringify({ id: `19:support@thread.tacv2;messageid=${threads}`, activityId: String(threads) }),
        );
      } else if (req.method === 'PUT' && url.includes('/v3/conversations/')) {
        counts.updates++;
        res.end(JSON.stringify({ id: 'updated' }));
      } else {
        counts.other++;
        res.end(JSON.stringify({ id: `activity-${counts.other}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    counts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function startBotProcess(port: number, connectorUrl: string, keys: string, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), 'src/index.ts'], {
    cwd: ROOT,
    // Warnings and errors (pino writes them to stdout) are kept for a failed run.
    stdio: ['ignore', fs.openSync(path.join(dataDir, '..', `${path.basename(dataDir)}.log`), 'w'), 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      STORAGE,
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_USER: 'off',
      SUPPORT_CHANNEL_ID: '19:support@thread.tacv2',
      SUPPORT_SERVICE_URL: connectorUrl,
      SUPPORT_TENANT_ID: '00000000-0000-4000-8000-00000000b001',
      OUTBOX_RETRY_BASE_MS: '100',
      RUN_WATCH_KEYS: keys,
      RUN_WATCH_RATE_PER_MINUTE: String(RATE),
    },
  });
}

async function waitHealthy(base: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the bot did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function main(): Promise<number> {
  const connector = await startConnector();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const secrets = Array.from({ length: SERVERS }, (_, i) => `bench-secret-${i}-${'x'.repeat(24)}`);
  const keys = secrets.map((secret, i) => `mim-${i}:${secret}`).join(',');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mim-bench-runs-'));
  const bot = startBotProcess(port, connector.url, keys, dataDir);
  let peakRss = 0;
  let keepLog = false;
  // RSS every 10 s of wall time, to see whether it levels off rather than only how high it gets.
  const rssSeries: number[] = [];
  let lastSample = 0;
  const sampler = setInterval(() => {
    try {
      if (bot.pid) {
        const rss = rssMb(bot.pid);
        peakRss = Math.max(peakRss, rss);
        if (Date.now() - lastSample >= 10_000) {
          rssSeries.push(Math.round(rss));
          lastSample = Date.now();
        }
      }
    } catch {
      // The bot has exited: waitHealthy or the requests say so.
    }
  }, 250);
  bot.once('exit', (code) => {
    if (code !== null && code !== 0) console.error(`run-watch bench: the bot exited with code ${code}`);
  });
  try {
    await waitHealthy(base);
    const idleRss = bot.pid ? rssMb(bot.pid) : 0;
    const latencies: number[] = [];
    // Requests answered at once (no 429 waited out): what a request costs the bot.
    const direct: number[] = [];
    const failures: string[] = [];
    let accepted = 0;
    let duplicates = 0;
    let throttled = 0;
    let failed = 0;
    let serverErrors = 0;
    const started = performance.now();
    // One agent per server, sending its runs one after the other, minute by minute.
    await Promise.all(
      secrets.map(async (secret, server) => {
        for (let minute = 0; minute < MINUTES; minute++) {
          for (let ma = 0; ma < MAS; ma++) {
            const body = runXml({ server, ma, minute, failed: fails(server, ma, minute) });
            const t0 = performance.now();
            let outcome = await sendRunHistory(
              { url: base, keyId: `mim-${server}`, secret, maxRetries: 50 },
              body,
            );
            // As the agent does at its next start: a server error is sent again (the bot counts a repeat as a duplicate).
            for (let retry = 0; outcome.status >= 500 && retry < 3; retry++) {
              serverErrors++;
              await new Promise((resolve) => setTimeout(resolve, 1000));
              outcome = await sendRunHistory(
                { url: base, keyId: `mim-${server}`, secret, maxRetries: 50 },
                body,
              );
            }
            const ms = performance.now() - t0;
            latencies.push(ms);
            if (outcome.throttled === 0) direct.push(ms);
            throttled += outcome.throttled;
            const answer = outcome.body as { accepted?: number; duplicates?: number };
            if (outcome.status === 202) {
              accepted += answer.accepted ?? 0;
              duplicates += answer.duplicates ?? 0;
            } else {
              failed++;
              if (failures.length < 5) failures.push(`${outcome.status} ${JSON.stringify(outcome.body)}`);
            }
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const want = expected();
    // The outbox sends after the answers: wait until the cards stop changing.
    let last = -1;
    const drainDeadline = Date.now() + 120_000;
    while (Date.now() < drainDeadline) {
      const now = connector.counts.posts + connector.counts.updates;
      if (now === last && connector.counts.posts >= want.posts) break;
      last = now;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const sortedDirect = [...direct].sort((a, b) => a - b);
    const figures = {
      servers: SERVERS,
      mas: MAS,
      minutes: MINUTES,
      rate: RATE,
      storage: STORAGE,
      runsSent: want.runs,
      accepted,
      duplicates,
      failedRequests: failed,
      serverErrorsRetried: serverErrors,
      throttled,
      seconds: Math.round(seconds * 10) / 10,
      runsPerSecond: Math.round((accepted / seconds) * 10) / 10,
      p50Ms: Math.round(percentile(sorted, 0.5) * 10) / 10,
      p99Ms: Math.round(percentile(sorted, 0.99) * 10) / 10,
      directP50Ms: Math.round(percentile(sortedDirect, 0.5) * 10) / 10,
      directP99Ms: Math.round(percentile(sortedDirect, 0.99) * 10) / 10,
      failures,
      cardsPosted: connector.counts.posts,
      cardsExpected: want.posts,
      cardUpdates: connector.counts.updates,
      cardUpdatesExpected: want.updates,
      idleRssMb: idleRss,
      peakRssMb: peakRss,
      rssEvery10sMb: rssSeries,
    };
    console.log(
      `${accepted}/${want.runs} runs accepted in ${figures.seconds} s (${figures.runsPerSecond} runs/s), ` +
        `${throttled} answers 429 waited out, ${serverErrors} 5xx sent again; per run p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (429 waits included), ` +
        `answered at once p50 ${figures.directP50Ms} ms, p99 ${figures.directP99Ms} ms`,
    );
    console.log(
      `cards: ${figures.cardsPosted} posted (expected ${want.posts}), ${figures.cardUpdates} updates (expected ${want.updates}); ` +
        `bot RSS ${idleRss} MB idle, ${peakRss} MB peak`,
    );
    console.log(JSON.stringify(figures));
    // A 5xx after the run was stored comes back as a duplicate when sent again: stored once either way.
    const ok =
      accepted + duplicates === want.runs &&
      duplicates <= serverErrors &&
      failed === 0 &&
      figures.cardsPosted === want.posts &&
      figures.cardUpdates === want.updates;
    if (!ok) {
      const log = `${dataDir}.log`;
      console.error(
        `run-watch bench: a check failed (see the figures above; the bot's warnings are in ${log})`,
      );
      keepLog = true;
    }
    return ok ? 0 : 1;
  } finally {
    clearInterval(sampler);
    bot.kill('SIGTERM');
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!keepLog) fs.rmSync(`${dataDir}.log`, { force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
