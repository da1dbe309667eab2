/**
 * `npm run bench`: end-to-end load benchmark of the production build against an echo bot on the same
 * botbuilder + restify stack, on this machine, in one run. See docs/benchmark.md.
 *
 * Phases: build (npm run build; tsc for the echo bot, the connector stand-in and the memory probe) ->
 * in-process script check and state size -> cold starts (5 bot, 5 echo, alternated) -> load at 1/10/50 conversations (warm-up, then
 * bot/echo runs alternated, medians) -> RSS after 10,000 distinct conversations -> CPU profile of the
 * bot and the echo bot at 10 conversations when the bot misses the throughput or p99 target (or with
 * --profile) -> recognizer throughput.
 * The last line printed is one JSON object with the figures. Exit 1 if any request failed.
 *
 * Options: --quick (short runs, for trying the script), --profile (always profile), --no-profile.
 * Env: BENCH_WARMUP_S (2), BENCH_MEASURE_S (3), BENCH_ROUNDS (5), BENCH_LEVELS (1,10,50),
 *      BENCH_RSS_CONVERSATIONS (10000), BENCH_STRICT=1 (also exit 1 when a target is missed).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../src/config';
import { BOT_FRAMEWORK_AUTH_KEYS } from '../src/config/bot-framework';
import { BenchConversation, TURN_KINDS, type ScriptPlan, type TurnKind } from './conversation';
import { drive, type LoadResult } from './load';
import {
  cpuMs,
  freePort,
  killAll,
  killAllSync,
  nowMs,
  rssMb,
  runCommand,
  startBot,
  startConnector,
  stopChild,
  waitHealthy,
  type BotProcess,
  type Connector,
  type MemoryProbe,
  type SenderStats,
} from './processes';
import {
  formatComparison,
  formatRows,
  formatSummary,
  summarise,
  type ProfileSummary,
} from './profile-summary';
import { failureMarkers, measureState, type StateReport } from './state-size';

/** The turn each of the 10,000 conversations of the RSS phase sends (its first, rotating). */
const RSS_KINDS: readonly TurnKind[] = ['status-code', 'greeting', 'clarify'];

const ROOT = path.resolve(__dirname, '..');
/** Compiled echo bot and connector: under node_modules so their requires resolve to ours. */
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'mim-bench');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const SETTINGS = {
  warmupS: envNumber('BENCH_WARMUP_S', QUICK ? 1 : 2),
  measureS: envNumber('BENCH_MEASURE_S', QUICK ? 2 : 3),
  rounds: envNumber('BENCH_ROUNDS', QUICK ? 1 : 5),
  levels: (process.env.BENCH_LEVELS ?? '1,10,50')
    .split(',')
    .map(Number)
    .filter((n) => n > 0),
  rssConversations: envNumber('BENCH_RSS_CONVERSATIONS', QUICK ? 2000 : 10_000),
  coldStarts: QUICK ? 3 : 5,
  profileS: QUICK ? 3 : 6,
};

const TARGETS = { throughputRatio10: 0.8, p99Ratio10: 1.5, coldStartMs: 1500, rssMb10k: 200 };
/** Idle wait after the forced GC that follows the 10,000 conversations, before reading RSS at rest. */
const SETTLE_MS = 5000;
/** Hard stop for the whole run, whatever hangs. */
const DEADLINE_MS = 8 * 60_000;

const startedAt = Date.now();
function say(text: string): void {
  const s = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${s}s] ${text}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

// ---- errors, counted over the whole run for both bots

const errors = {
  failed: 0,
  non2xx: 0,
  mismatches: 0,
  botLogErrors: 0,
  unexpectedReplies: 0,
  missingReplies: 0,
  connector404: 0,
};

/**
 * Replies each server should have sent for the turns that succeeded: a turn answered 200 without its
 * reply (dropped by a rate limit or lost) is a failed turn too. Per-turn reply counts of the bot come
 * from the in-process phase; the echo bot answers every message once.
 */
const expectedReplies = { bot: 0, echo: 0 };
const repliesPerTurn = { script: 1, rss: 1, echo: 1 };

function account(result: LoadResult, target: 'bot' | 'echo', phase: 'script' | 'rss' = 'script'): LoadResult {
  errors.failed += result.failed;
  errors.non2xx += result.non2xx;
  errors.mismatches += result.mismatches;
  expectedReplies[target] += result.ok * (target === 'echo' ? repliesPerTurn.echo : repliesPerTurn[phase]);
  return result;
}

function totalErrors(): number {
  return Object.values(errors).reduce((a, b) => a + b, 0);
}

// ---- processes

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key]) env[key] = process.env[key];
  return env;
}

/** Production, memory storage, warn-level logs, local mode (every auth key empty), loopback. */
function botEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    NODE_ENV: 'production',
    STORAGE: 'memory',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    // Each bench conversation sends hundreds of turns a second, which the per-user/per-conversation
    // rate limits (issue 8) would rightly cut to a trickle: the bench measures capacity, not limits.
    RATE_LIMIT_PER_USER: 'off',
    RATE_LIMIT_PER_CONVERSATION: 'off',
  };
  for (const key of BOT_FRAMEWORK_AUTH_KEYS) env[key] = '';
  const config = loadConfig(env);
  if (!config.localMode || config.host !== '127.0.0.1' || config.nodeEnv !== 'production') {
    throw new Error('bench bot environment is not production + local mode on 127.0.0.1');
  }
  return env;
}

/** Working directory of the bots: empty, so no .env file from the tree can switch on credentials. */
const WORKDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'mim-bench-'));

type Target = 'bot' | 'echo';
const retired: BotProcess[] = [];

/**
 * Both servers run as `node --expose-gc -r memory-probe.js <script>`: the preload only answers SIGUSR2
 * with a full GC and a memory report, so the bench can tell kept memory from uncollected garbage.
 */
const PROBE_ARGS = ['--expose-gc', '-r', path.join(CACHE, 'memory-probe.js')];

async function launch(target: Target, extraNodeArgs: string[] = []): Promise<BotProcess> {
  const port = await freePort();
  // The bot runs as `npm start` runs it in production (scripts/start.cjs): with its heap limit.
  const startFlags =
    target === 'bot'
      ? [`--max-old-space-size=${process.env.MAX_HEAP_MB ?? '384'}`, '--max-semi-space-size=16']
      : [];
  const nodeArgs = [...startFlags, ...extraNodeArgs, ...PROBE_ARGS];
  const script = target === 'bot' ? path.join(ROOT, 'dist', 'index.js') : path.join(CACHE, 'echo-bot.js');
  const env = target === 'bot' ? botEnv(port) : { ...baseEnv(), NODE_ENV: 'production', PORT: String(port) };
  const bot = startBot({ name: target, script, port, env, cwd: WORKDIR, nodeArgs });
  retired.push(bot);
  return bot;
}

async function shutdown(bot: BotProcess): Promise<void> {
  await stopChild(bot.child);
}

// ---- phases

async function build(): Promise<void> {
  say('building: npm run build (dist/) and tsc for bench/echo-bot.ts, connector.ts, memory-probe.ts');
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const tscArgs = [
    tsc,
    '--outDir',
    CACHE,
    '--rootDir',
    path.join(ROOT, 'bench'),
    '--module',
    'commonjs',
    '--moduleResolution',
    'node',
    '--target',
    'ES2022',
    '--strict',
    '--esModuleInterop',
    '--skipLibCheck',
    '--types',
    'node',
    path.join(ROOT, 'bench', 'echo-bot.ts'),
    path.join(ROOT, 'bench', 'connector.ts'),
    path.join(ROOT, 'bench', 'memory-probe.ts'),
  ];
  await Promise.all([
    runCommand('npm', ['run', 'build', '--silent'], { cwd: ROOT }),
    runCommand(process.execPath, tscArgs, { cwd: ROOT }),
  ]);
}

interface ColdStarts {
  bot: number[];
  echo: number[];
  /** CPU time the process had used when /healthz first answered: start cost without the machine's noise. */
  botCpu: number[];
  echoCpu: number[];
  rssStartMb: number;
  echoRssStartMb: number;
}

/** Process start to GET /healthz 200, alternating bot and echo; the last of each stays up for the load. */
async function coldStarts(): Promise<{ cold: ColdStarts; bot: BotProcess; echo: BotProcess }> {
  const cold: ColdStarts = { bot: [], echo: [], botCpu: [], echoCpu: [], rssStartMb: 0, echoRssStartMb: 0 };
  let bot: BotProcess | undefined;
  let echo: BotProcess | undefined;
  for (let i = 0; i < SETTINGS.coldStarts; i++) {
    const last = i === SETTINGS.coldStarts - 1;
    for (const target of ['bot', 'echo'] as const) {
      const proc = await launch(target);
      cold[target].push(await waitHealthy(proc));
      cold[target === 'bot' ? 'botCpu' : 'echoCpu'].push(cpuMs(proc.child.pid!));
      if (!last) await shutdown(proc);
      else if (target === 'bot') bot = proc;
      else echo = proc;
    }
  }
  cold.rssStartMb = rssMb(bot!.child.pid!);
  cold.echoRssStartMb = rssMb(echo!.child.pid!);
  say(
    `cold start to /healthz: bot ${cold.bot.map((v) => v.toFixed(0)).join(', ')} ms (CPU ${cold.botCpu.join(', ')} ms); ` +
      `echo ${cold.echo.map((v) => v.toFixed(0)).join(', ')} ms (CPU ${cold.echoCpu.join(', ')} ms)`,
  );
  return { cold, bot: bot!, echo: echo! };
}

let runNumber = 0;

function conversations(
  target: Target,
  connector: Connector,
  plan: ScriptPlan,
): (connection: number) => () => string {
  runNumber += 1;
  const run = runNumber;
  return (connection) => {
    const conversation = new BenchConversation(
      `a:bench-${target}-run${run}-conv${connection}`,
      run * 1000 + connection,
      connector.serviceUrl(target),
      plan,
    );
    return () => conversation.next();
  };
}

interface LevelFigures {
  connections: number;
  bot: LoadResult[];
  echo: LoadResult[];
}

interface Summary {
  turnsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMsPerTurn: number;
}

function summariseRuns(runs: LoadResult[]): Summary {
  return {
    cpuMsPerTurn: median(runs.map((r) => r.cpuMsPerTurn)),
    turnsPerSec: median(runs.map((r) => r.turnsPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
  };
}

async function loadLevels(
  bot: BotProcess,
  echo: BotProcess,
  connector: Connector,
  plan: ScriptPlan,
): Promise<LevelFigures[]> {
  const figures: LevelFigures[] = [];
  const targets: [Target, BotProcess][] = [
    ['bot', bot],
    ['echo', echo],
  ];
  for (const connections of SETTINGS.levels) {
    const level: LevelFigures = { connections, bot: [], echo: [] };
    for (const [target, proc] of targets) {
      account(
        await drive({
          port: proc.port,
          pid: proc.child.pid,
          connections,
          durationS: SETTINGS.warmupS,
          conversation: conversations(target, connector, plan),
        }),
        target,
      );
    }
    for (let r = 0; r < SETTINGS.rounds; r++) {
      for (const [target, proc] of targets) {
        const result = account(
          await drive({
            port: proc.port,
            pid: proc.child.pid,
            connections,
            durationS: SETTINGS.measureS,
            conversation: conversations(target, connector, plan),
          }),
          target,
        );
        level[target].push(result);
      }
    }
    const b = summariseRuns(level.bot);
    const e = summariseRuns(level.echo);
    say(
      `${String(connections).padStart(2)} conversations: bot ${b.turnsPerSec.toFixed(0)} turns/s p99 ${b.p99.toFixed(1)} ms | echo ${e.turnsPerSec.toFixed(0)} turns/s p99 ${e.p99.toFixed(1)} ms`,
    );
    figures.push(level);
  }
  return figures;
}

/** Sends one turn to each of `count` new conversations (10 at a time) and reads the bot's RSS. */
async function rssAfterConversations(
  bot: BotProcess,
  connector: Connector,
  plan: ScriptPlan,
): Promise<{
  before: number;
  after: number;
  settled: number;
  conversations: number;
  probe: MemoryProbe | undefined;
}> {
  const before = rssMb(bot.child.pid!);
  let n = 0;
  const result = account(
    await drive({
      port: bot.port,
      pid: bot.child.pid,
      connections: 10,
      amount: SETTINGS.rssConversations,
      conversation: () => () => {
        n += 1;
        // Each request opens a new conversation; the kind of its one turn rotates through the script.
        const conversation = new BenchConversation(
          `a:bench-rss-${n}`,
          100_000 + n,
          connector.serviceUrl('bot'),
          plan,
        );
        const kind = RSS_KINDS[n % RSS_KINDS.length] as TurnKind;
        while (TURN_KINDS[conversation.position] !== kind) conversation.nextActivity();
        return conversation.next();
      },
    }),
    'bot',
    'rss',
  );
  if (result.ok !== SETTINGS.rssConversations) {
    throw new Error(`RSS phase: ${result.ok} of ${SETTINGS.rssConversations} turns succeeded`);
  }
  await new Promise((r) => setTimeout(r, 500));
  const after = rssMb(bot.child.pid!);
  // A full GC frees the garbage; V8 gives the freed pages back to the OS a few seconds later. RSS then
  // is what the process really keeps (state, dedupe ids, code), as opposed to heap growth room.
  const probe = await bot.probe();
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const settled = rssMb(bot.child.pid!);
  say(
    `RSS: ${before} MB before, ${after} MB right after ${n} new conversations; after a forced full GC ${probe?.rss} MB ` +
      `(heap used ${probe?.heapUsed} MB, ${probe?.heapUsedBeforeGc} MB before GC), ${settled} MB ${SETTLE_MS / 1000} s later`,
  );
  return { before, after, settled, conversations: n, probe };
}

interface ServerProfile {
  target: Target;
  summary: ProfileSummary;
  startup: ProfileSummary;
  result: LoadResult;
  /** CPU time of the server per succeeded turn in the measured window. */
  cpuMsPerTurn: number;
}

/** A fresh server under --cpu-prof: warm-up, then a measured window at 10 conversations. */
async function profileServer(target: Target, connector: Connector, plan: ScriptPlan): Promise<ServerProfile> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mim-bench-prof-'));
  say(`profiling the ${target} (--cpu-prof) at 10 conversations for ${SETTINGS.profileS} s`);
  const server = await launch(target, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const healthyMs = await waitHealthy(server);
  account(
    await drive({
      port: server.port,
      connections: 10,
      durationS: SETTINGS.warmupS,
      conversation: conversations(target, connector, plan),
    }),
    target,
  );
  const fromUs = nowMs() * 1000;
  const result = account(
    await drive({
      port: server.port,
      pid: server.child.pid,
      connections: 10,
      durationS: SETTINGS.profileS,
      conversation: conversations(target, connector, plan),
    }),
    target,
  );
  const toUs = nowMs() * 1000;
  // SIGTERM: the server closes and exits normally, which writes the profile.
  await stopChild(server.child, 10_000);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  const kept = path.join(os.tmpdir(), `mim-bench-${target}-${Date.now()}.cpuprofile`);
  fs.renameSync(path.join(dir, file), kept);
  fs.rmSync(dir, { recursive: true, force: true });
  // The profile's clock is process.hrtime's: keep the measured window only, and the start separately.
  const summary = summarise(kept, 15, { fromUs, toUs });
  return {
    target,
    summary,
    startup: summarise(kept, 10, {
      fromUs: server.spawnedAt * 1000,
      toUs: (server.spawnedAt + healthyMs) * 1000,
    }),
    result,
    cpuMsPerTurn: summary.busyMs / Math.max(1, result.ok),
  };
}

async function recognizerRate(): Promise<number> {
  say('recognizer: bench/recognize.ts');
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const output = await runCommand(tsx, [path.join('bench', 'recognize.ts')], {
    cwd: ROOT,
    timeoutMs: 60_000,
  });
  const lines = output.trim().split('\n');
  const last = JSON.parse(lines[lines.length - 1] as string) as { recognizer_msgs_per_s: number };
  return last.recognizer_msgs_per_s;
}

// ---- report

function table(levels: LevelFigures[]): string {
  const head = `${'conversations'.padEnd(14)}${'server'.padEnd(8)}${'turns/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'CPU ms/turn'.padStart(13)}   runs (turns/s)`;
  const lines = [head, '-'.repeat(head.length + 12)];
  for (const level of levels) {
    const b = summariseRuns(level.bot);
    const e = summariseRuns(level.echo);
    const row = (name: string, s: Summary, runs: LoadResult[]): string =>
      `${String(level.connections).padEnd(14)}${name.padEnd(8)}${s.turnsPerSec.toFixed(0).padStart(9)}${s.p50.toFixed(1).padStart(9)}${s.p95.toFixed(1).padStart(9)}${s.p99.toFixed(1).padStart(9)}${s.cpuMsPerTurn.toFixed(2).padStart(13)}   ${runs.map((r) => r.turnsPerSec.toFixed(0)).join(' / ')}`;
    lines.push(row('bot', b, level.bot));
    lines.push(row('echo', e, level.echo));
    const paired = level.bot.map((run, i) =>
      (run.turnsPerSec / (level.echo[i] as LoadResult).turnsPerSec).toFixed(2),
    );
    lines.push(
      `${String(level.connections).padEnd(14)}${'bot/echo'.padEnd(8)}${(b.turnsPerSec / e.turnsPerSec).toFixed(2).padStart(9)}${(b.p50 / e.p50).toFixed(2).padStart(9)}${(b.p95 / e.p95).toFixed(2).padStart(9)}${(b.p99 / e.p99).toFixed(2).padStart(9)}${(b.cpuMsPerTurn / e.cpuMsPerTurn).toFixed(2).padStart(13)}   paired: ${paired.join(' / ')}`,
    );
  }
  return lines.join('\n');
}

function ratios(levels: LevelFigures[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const level of levels) {
    const b = summariseRuns(level.bot);
    const e = summariseRuns(level.echo);
    const n = level.connections;
    out[`bot_turns_per_s_${n}`] = round(b.turnsPerSec, 0);
    out[`echo_turns_per_s_${n}`] = round(e.turnsPerSec, 0);
    out[`bot_p50_ms_${n}`] = round(b.p50, 1);
    out[`bot_p95_ms_${n}`] = round(b.p95, 1);
    out[`bot_p99_ms_${n}`] = round(b.p99, 1);
    out[`echo_p50_ms_${n}`] = round(e.p50, 1);
    out[`echo_p95_ms_${n}`] = round(e.p95, 1);
    out[`echo_p99_ms_${n}`] = round(e.p99, 1);
    out[`throughput_ratio_${n}`] = round(b.turnsPerSec / e.turnsPerSec);
    // Median of the ratios of adjacent runs: less sensitive to slow drifts of the machine's load.
    out[`throughput_ratio_${n}_paired`] = round(
      median(level.bot.map((run, i) => run.turnsPerSec / (level.echo[i] as LoadResult).turnsPerSec)),
    );
    out[`p50_ratio_${n}`] = round(b.p50 / e.p50);
    out[`p95_ratio_${n}`] = round(b.p95 / e.p95);
    out[`p99_ratio_${n}`] = round(b.p99 / e.p99);
    out[`bot_cpu_ms_per_turn_${n}`] = round(b.cpuMsPerTurn);
    out[`echo_cpu_ms_per_turn_${n}`] = round(e.cpuMsPerTurn);
    // What the throughput ratio would be if each server had a core to itself: echo CPU / bot CPU per turn.
    out[`cpu_bound_throughput_ratio_${n}`] = round(e.cpuMsPerTurn / b.cpuMsPerTurn);
  }
  return out;
}

/** Which code was measured: the tree changes while others work in it. */
async function treeState(): Promise<{ commit: string; changedSrc: number }> {
  try {
    const commit = (await runCommand('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })).trim();
    const status = await runCommand('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT });
    return { commit, changedSrc: status.split('\n').filter(Boolean).length };
  } catch {
    return { commit: 'unknown', changedSrc: 0 };
  }
}

async function main(): Promise<void> {
  say(
    `MIM Sync Doctor bench: node ${process.version}, ${os.cpus().length} CPUs, warm-up ${SETTINGS.warmupS} s, ` +
      `${SETTINGS.rounds} x ${SETTINGS.measureS} s per server and level, levels ${SETTINGS.levels.join('/')}`,
  );
  await build();
  const tree = await treeState();
  say(
    `tree: ${tree.commit}${tree.changedSrc ? ` + ${tree.changedSrc} changed/new files under src/ (working tree)` : ''}`,
  );

  say(
    'in-process: learning the script (question ids, clarify text), checking replies, measuring stored state',
  );
  const state: StateReport = await measureState(200);
  say(
    `question ids symptom#${state.plan.base}+${state.plan.stride}k; state ${state.stateBytesPerConversation} B/conversation ` +
      `(${state.stateBytesAfterFirstTurn} B after the first turn)`,
  );
  say(`clarify text: "${state.plan.clarifyText}"`);
  for (const turn of state.turns) say(`  ${turn.kind.padEnd(13)} -> ${turn.shape.join(' + ')}`);
  const repliesOf = (kinds: readonly string[]): number =>
    state.turns.filter((t) => kinds.includes(t.kind)).reduce((sum, t) => sum + t.replies, 0) / kinds.length;
  repliesPerTurn.script = repliesOf(TURN_KINDS);
  repliesPerTurn.rss = repliesOf(RSS_KINDS);

  const connector = await startConnector(path.join(CACHE, 'connector.js'), failureMarkers());
  const { cold, bot, echo } = await coldStarts();

  const levels = await loadLevels(bot, echo, connector, state.plan);
  // Baseline memory: the echo bot after the same load runs (no extra 10,000 conversations).
  const echoMemory = { rss: rssMb(echo.child.pid!), probe: await echo.probe() };
  await shutdown(echo);
  const rss = await rssAfterConversations(bot, connector, state.plan);
  await shutdown(bot);

  const r = ratios(levels);
  const coldStartMs = median(cold.bot);
  const missed =
    r.throughput_ratio_10 !== undefined &&
    (r.throughput_ratio_10 < TARGETS.throughputRatio10 || (r.p99_ratio_10 ?? 0) > TARGETS.p99Ratio10);
  let profile: ServerProfile | undefined;
  let echoProfile: ServerProfile | undefined;
  if (!args.has('--no-profile') && (args.has('--profile') || missed)) {
    profile = await profileServer('bot', connector, state.plan);
    echoProfile = await profileServer('echo', connector, state.plan);
  }

  const recognizer = await recognizerRate();

  for (const proc of retired) {
    errors.botLogErrors += proc.logErrors.count;
  }
  const stats = await connector.stats();
  const sender = (name: string): SenderStats =>
    stats.senders[name] ?? { activities: 0, updates: 0, bytes: 0, typing: 0, unexpected: 0 };
  const botSent = sender('bot');
  const echoSent = sender('echo');
  errors.unexpectedReplies += botSent.unexpected + echoSent.unexpected;
  errors.connector404 += stats.other;
  // Turns cut off when a timed run ends are not counted as succeeded but may still reply: allow for
  // them above, and for rounding of the per-turn average below.
  for (const [name, sent] of [
    ['bot', botSent],
    ['echo', echoSent],
  ] as const) {
    const received = sent.activities - sent.typing;
    const missing = Math.round(expectedReplies[name] * 0.998 - 20 - received);
    if (missing > 0) errors.missingReplies += missing;
  }
  await stopChild(connector.child);

  // ---- print
  const lines: string[] = [];
  lines.push('');
  lines.push(
    `Turn mix per conversation (repeated): ${TURN_KINDS.join(' -> ')}; each connection is its own conversation.`,
  );
  lines.push(table(levels));
  lines.push('');
  const targetRows: [string, string, string, boolean][] = [
    [
      'throughput at 10 (bot/echo)',
      String(r.throughput_ratio_10),
      `>= ${TARGETS.throughputRatio10}`,
      (r.throughput_ratio_10 ?? 0) >= TARGETS.throughputRatio10,
    ],
    [
      'p99 at 10 (bot/echo)',
      String(r.p99_ratio_10),
      `<= ${TARGETS.p99Ratio10}`,
      (r.p99_ratio_10 ?? Infinity) <= TARGETS.p99Ratio10,
    ],
    [
      `cold start, median of ${cold.bot.length}`,
      `${coldStartMs.toFixed(0)} ms`,
      `< ${TARGETS.coldStartMs} ms`,
      coldStartMs < TARGETS.coldStartMs,
    ],
    [
      `RSS after ${rss.conversations.toLocaleString('en')} conversations`,
      `${rss.after} MB`,
      `< ${TARGETS.rssMb10k} MB`,
      rss.after < TARGETS.rssMb10k,
    ],
    ['errors (all requests, both servers)', String(totalErrors()), '= 0', totalErrors() === 0],
  ];
  lines.push(`${'target'.padEnd(40)}${'value'.padStart(10)}${'limit'.padStart(12)}   met`);
  for (const [name, value, limit, ok] of targetRows) {
    lines.push(`${name.padEnd(40)}${value.padStart(10)}${limit.padStart(12)}   ${ok ? 'yes' : 'NO'}`);
  }
  lines.push('');
  lines.push(
    `cold start (median): bot ${coldStartMs.toFixed(0)} ms wall, ${median(cold.botCpu)} ms CPU; ` +
      `echo ${median(cold.echo).toFixed(0)} ms wall, ${median(cold.echoCpu)} ms CPU ` +
      `(on an idle machine wall time comes close to CPU time)`,
  );
  lines.push(
    `RSS bot:  ${cold.rssStartMb} MB idle after start, ${rss.before} MB after the load runs, ${rss.after} MB right after ` +
      `${rss.conversations} more conversations; after a forced full GC ${rss.probe?.rss} MB ` +
      `(heap used ${rss.probe?.heapUsed} MB of ${rss.probe?.heapTotal} MB, ${rss.probe?.heapUsedBeforeGc} MB before GC), ` +
      `${rss.settled} MB ${SETTLE_MS / 1000} s after that`,
  );
  lines.push(
    `RSS echo: ${cold.echoRssStartMb} MB idle after start, ${echoMemory.rss} MB after the load runs; after a forced full GC ` +
      `${echoMemory.probe?.rss} MB (heap used ${echoMemory.probe?.heapUsed} MB of ${echoMemory.probe?.heapTotal} MB, ${echoMemory.probe?.heapUsedBeforeGc} MB before GC)`,
  );
  lines.push(
    `stored state: ${state.stateBytesPerConversation} B per conversation after one script cycle ` +
      `(${state.stateBytesAfterFirstTurn} B after the first turn; largest item ${state.stateBytesMax} B)`,
  );
  lines.push(`recognizer: ${recognizer} messages/s (bench/recognize.ts, ordinary messages)`);
  lines.push(
    `connector stand-in: bot sent ${botSent.activities} activities (${botSent.updates} of them card updates, ${botSent.typing} typing; ` +
      `${Math.round(expectedReplies.bot)} replies expected for its succeeded turns), echo sent ${echoSent.activities} ` +
      `(${Math.round(expectedReplies.echo)} expected); ${botSent.unexpected + echoSent.unexpected} unexpected replies, ` +
      `${stats.other} other requests`,
  );
  lines.push(`errors: ${JSON.stringify(errors)}`);
  if (stats.unexpectedSamples.length) lines.push(`unexpected reply sample: ${stats.unexpectedSamples[0]}`);
  for (const proc of retired) {
    if (proc.logErrors.samples.length)
      lines.push(`${proc.name} logged errors: ${proc.logErrors.samples.join(' | ')}`);
  }
  if (profile && echoProfile) {
    const perTurn = (p: ServerProfile): string =>
      `${p.result.turnsPerSec.toFixed(0)} turns/s, p99 ${p.result.p99.toFixed(1)} ms, ` +
      `${p.cpuMsPerTurn.toFixed(2)} ms CPU per turn (${p.summary.busyMs} ms busy / ${p.result.ok} turns)`;
    lines.push('');
    lines.push(`under --cpu-prof at 10 conversations: bot ${perTurn(profile)}`);
    lines.push(`                                     echo ${perTurn(echoProfile)}`);
    lines.push('per-turn CPU by component (same windows):');
    lines.push(
      formatComparison(
        { label: 'bot', summary: profile.summary, turns: profile.result.ok },
        { label: 'echo', summary: echoProfile.summary, turns: echoProfile.result.ok },
      ),
    );
    lines.push('');
    lines.push(formatSummary(profile.summary, profile.result.ok));
    lines.push('');
    lines.push('echo bot, same window, self time by package:');
    lines.push(formatRows(echoProfile.summary.packages.slice(0, 8), echoProfile.result.ok));
    lines.push('');
    lines.push(
      `start of the profiled bot (spawn to /healthz 200), ${profile.startup.busyMs} ms busy, by what our code loaded:`,
    );
    lines.push(formatRows(profile.startup.calledFromOwn));
    lines.push(`start of the profiled echo bot, ${echoProfile.startup.busyMs} ms busy, by package:`);
    lines.push(formatRows(echoProfile.startup.packages.slice(0, 6)));
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const figures = {
    throughput_ratio_10: r.throughput_ratio_10,
    p99_ratio_10: r.p99_ratio_10,
    errors: totalErrors(),
    cold_start_ms: Math.round(coldStartMs),
    rss_mb_10k: rss.after,
    ...r,
    cold_start_ms_runs: cold.bot.map((v) => Math.round(v)),
    echo_cold_start_ms: Math.round(median(cold.echo)),
    cold_start_cpu_ms: median(cold.botCpu),
    echo_cold_start_cpu_ms: median(cold.echoCpu),
    rss_mb_idle: cold.rssStartMb,
    rss_mb_before_10k: rss.before,
    rss_mb_10k_after_gc: rss.probe?.rss ?? null,
    rss_mb_10k_at_rest: rss.settled,
    heap_used_mb_10k_after_gc: rss.probe?.heapUsed ?? null,
    echo_rss_mb_idle: cold.echoRssStartMb,
    echo_rss_mb_after_load: echoMemory.rss,
    echo_heap_used_mb_after_gc: echoMemory.probe?.heapUsed ?? null,
    rss_conversations: rss.conversations,
    state_bytes_per_conversation: state.stateBytesPerConversation,
    state_bytes_first_turn: state.stateBytesAfterFirstTurn,
    recognizer_msgs_per_s: recognizer,
    errors_detail: errors,
    typing_activities: botSent.typing,
    bot_replies: botSent.activities,
    bot_replies_expected: Math.round(expectedReplies.bot),
    profile: profile ? profile.summary.file : null,
    cpu_ms_per_turn_bot: profile ? round(profile.cpuMsPerTurn) : null,
    cpu_ms_per_turn_echo: echoProfile ? round(echoProfile.cpuMsPerTurn) : null,
    settings: { ...SETTINGS, node: process.version, cpus: os.cpus().length },
    tree,
    run_s: Math.round((Date.now() - startedAt) / 1000),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);

  const targetsMet = targetRows.every(([, , , ok]) => ok);
  if (totalErrors() > 0) {
    process.stderr.write('bench: requests failed; these figures are not a result\n');
    process.exitCode = 1;
  } else if (!targetsMet && process.env.BENCH_STRICT === '1') {
    process.exitCode = 1;
  }
}

// ---- lifecycle: every child goes, whatever happens

process.on('exit', () => {
  killAllSync();
  fs.rmSync(WORKDIR, { recursive: true, force: true });
});
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    interrupted = true;
    process.stderr.write(`bench: ${sig}, stopping child processes\n`);
    void killAll().finally(() => process.exit(130));
  });
}
const deadline = setTimeout(() => {
  process.stderr.write(`bench: still running after ${DEADLINE_MS / 60_000} minutes, giving up\n`);
  killAllSync();
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

main()
  .catch(async (err: unknown) => {
    // After Ctrl+C the children die under the phase that was running: that error is expected.
    if (interrupted) return;
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    await killAll();
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(deadline));
