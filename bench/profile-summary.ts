/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): top functions by self time, by inclusive time
 * for the project's own code (dist/ = src/), and self time by package. Used by bench/run.ts; also
 * runs alone: `npx tsx bench/profile-summary.ts <file.cpuprofile> [top] [fromUs toUs]` (window on the
 * profile's clock, which is process.hrtime's).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Row {
  name: string;
  ms: number;
  /** Share of the busy time (everything but idle). */
  pct: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  busyMs: number;
  idleMs: number;
  self: Row[];
  inclusiveOwn: Row[];
  packages: Row[];
  /** Time by the dependency our code called into (self time + callees), or our own file when none. */
  calledFromOwn: Row[];
  /** Every sample in one component of a turn (see CATEGORIES), all of them. */
  categories: Row[];
}

/**
 * Components of a turn, for a per-turn cost table. A sample goes to the innermost frame on its stack
 * that a specific rule matches; only when none does, to the innermost generic one. So JSON.stringify
 * called by MemoryStorage counts as state, a socket write under the connector client as outbound.
 */
const EDGE = 'edge checks (body parse, shape, tenant, dedupe, limits)';
const HTTP_IN = 'HTTP server (restify, node http in, our route)';

/** Our edge checks: the body and shape checks of src/http and the adapter's middleware. */
function isEdge(url: string): boolean {
  return (
    url.includes('/dist/adapter/middleware/') ||
    /\/dist\/http\/(json-body|safe-json|activity-shape)\.js$/.test(url)
  );
}
const CATEGORIES: { name: string; generic?: boolean; test: (url: string, fn: string) => boolean }[] = [
  { name: 'garbage collection', test: (_u, fn) => fn === '(garbage collector)' },
  {
    name: 'cards (views + templating)',
    test: (u) =>
      u.includes('/dist/teams/views/') ||
      /node_modules\/(adaptivecards-templating|adaptive-expressions|antlr4ts)\//.test(u),
  },
  { name: 'recognizer + decision (src/diagnosis)', test: (u) => u.includes('/dist/diagnosis/') },
  {
    name: 'state load/save (BotState, storage)',
    test: (u) =>
      /botbuilder-core\/lib\/(botState|memoryStorage|conversationState|userState|botStatePropertyAccessor|botStateSet|storage)\.js$/.test(
        u,
      ) || /\/dist\/(state\/|storage\.js|teams\/language\.js)/.test(u),
  },
  {
    name: 'outbound replies (connector client, HTTP out)',
    test: (u) =>
      /node_modules\/(botframework-connector|@azure\/|@typespec\/)/.test(u) || u === 'node:_http_client',
  },
  {
    name: 'dialog (botbuilder-dialogs, triage dialog)',
    test: (u) => /botbuilder-dialogs\/|\/dist\/teams\/(triage|input|commands|actions)\//.test(u),
  },
  {
    name: 'logging',
    test: (u) => /node_modules\/(pino|@pinojs|sonic-boom|thread-stream)\/|\/dist\/logger\.js$/.test(u),
  },
  // Middleware entry points (onTurn) wrap the rest of the turn: specific only below them.
  { name: EDGE, test: (u, fn) => isEdge(u) && fn !== 'onTurn' },
  {
    name: HTTP_IN,
    test: (u) => /node_modules\/(restify|find-my-way)\//.test(u) || u === 'node:_http_server',
  },
  { name: EDGE, generic: true, test: (u) => isEdge(u) },
  { name: HTTP_IN, generic: true, test: (u) => u.endsWith('/dist/http/server.js') },
  {
    name: 'botbuilder turn pipeline (adapter, context, handler)',
    generic: true,
    test: (u) =>
      /node_modules\/(botbuilder[^/]*|botframework-schema|zod)\//.test(u) ||
      /\/dist\/(teams\/bot|adapter\/adapter)\.js$/.test(u),
  },
  { name: 'echo bot handler', generic: true, test: (u) => u.endsWith('/echo-bot.js') },
  { name: 'node core (sockets, timers, streams)', generic: true, test: (u) => u.startsWith('node:') },
];

function categoryOf(stack: CallFrame[]): string {
  let generic: string | undefined;
  for (const frame of stack) {
    for (const rule of CATEGORIES) {
      if (!rule.test(frame.url, frame.functionName)) continue;
      if (!rule.generic) return rule.name;
      generic ??= rule.name;
    }
  }
  return generic ?? 'other (native, program)';
}

const ROOT = path.resolve(__dirname, '..');

function shortUrl(url: string): string {
  let file = url.replace(/^file:\/\//, '');
  if (file.startsWith(ROOT)) file = path.relative(ROOT, file);
  return file.replace(/^node_modules\//, '');
}

function functionKey(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function packageOf(frame: CallFrame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const file = url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (inModules) return inModules[1] as string;
  if (file.startsWith(path.join(ROOT, 'dist'))) return `dist/${path.relative(path.join(ROOT, 'dist'), file)}`;
  return shortUrl(url);
}

function top(map: Map<string, number>, busyMs: number, n: number): Row[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 100) / 10,
      pct: Math.round((us / 1000 / busyMs) * 1000) / 10,
    }));
}

/** Sample window on the profile's clock (µs, CLOCK_MONOTONIC: the same as process.hrtime). */
export interface Window {
  fromUs: number;
  toUs: number;
}

export function summarise(file: string, n = 15, window?: Window): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const id = profile.samples[i] as number;
    // timeDeltas[i] is the time before sample i; attribute the following delta to it.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }

  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const called = new Map<string, number>();
  const categories = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id) as ProfileNode;
    totalUs += us;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const key = functionKey(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + us);
    const pkg = packageOf(node.callFrame);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    // Inclusive time of the project's own functions: each function counted once per stack.
    const seen = new Set<string>();
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const frame = (byId.get(up) as ProfileNode).callFrame;
      if (!frame.url.includes('/dist/') || frame.url.includes('node_modules')) continue;
      const own = functionKey(frame);
      if (seen.has(own)) continue;
      seen.add(own);
      inclusive.set(own, (inclusive.get(own) ?? 0) + us);
    }
    // Walking up from the leaf: the outermost package frame below the first own frame is what we called.
    let outermost: string | undefined;
    let bucket = '(not under own code)';
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const frame = (byId.get(up) as ProfileNode).callFrame;
      if (frame.url.includes('/node_modules/')) outermost = packageOf(frame);
      else if (frame.url.includes('/dist/')) {
        bucket = outermost ?? packageOf(frame);
        break;
      }
    }
    if (bucket === '(not under own code)' && outermost) bucket = `${outermost} (not under own code)`;
    else if (bucket === '(not under own code)') bucket = packageOf(node.callFrame);
    called.set(bucket, (called.get(bucket) ?? 0) + us);
    const stack: CallFrame[] = [];
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      stack.push((byId.get(up) as ProfileNode).callFrame);
    }
    const category = categoryOf(stack);
    categories.set(category, (categories.get(category) ?? 0) + us);
  }
  const busyMs = (totalUs - idleUs) / 1000;
  return {
    file,
    totalMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyMs),
    idleMs: Math.round(idleUs / 1000),
    self: top(self, busyMs, n),
    inclusiveOwn: top(inclusive, busyMs, n),
    packages: top(packages, busyMs, n),
    calledFromOwn: top(called, busyMs, n),
    categories: top(categories, busyMs, CATEGORIES.length + 1),
  };
}

/** Rows as text; with `turns`, also the time per turn. */
export function formatRows(list: Row[], turns?: number): string {
  return list
    .map((r, i) => {
      const perTurn = turns ? `${((r.ms / turns) * 1000).toFixed(0).padStart(6)} us/turn` : '';
      return `  ${String(i + 1).padStart(2)}. ${r.ms.toFixed(1).padStart(8)} ms ${r.pct.toFixed(1).padStart(5)}% ${perTurn}  ${r.name}`;
    })
    .join('\n');
}

export function formatSummary(summary: ProfileSummary, turns?: number): string {
  return [
    `profile ${summary.file}: ${summary.totalMs} ms sampled, ${summary.busyMs} ms busy, ${summary.idleMs} ms idle (percentages are of busy time)`,
    'top self time (function, file:line):',
    formatRows(summary.self, turns),
    "inclusive time of the bot's own code (dist/ = src/):",
    formatRows(summary.inclusiveOwn, turns),
    'self time by package / file:',
    formatRows(summary.packages, turns),
    'time by what our code called (a package with its callees, or our own file):',
    formatRows(summary.calledFromOwn, turns),
  ].join('\n');
}

/** Per-turn cost by component, two profiles side by side (e.g. the bot and the echo bot). */
export function formatComparison(
  a: { label: string; summary: ProfileSummary; turns: number },
  b: { label: string; summary: ProfileSummary; turns: number },
): string {
  const perTurn = (x: { summary: ProfileSummary; turns: number }, name: string): number =>
    ((x.summary.categories.find((r) => r.name === name)?.ms ?? 0) / Math.max(1, x.turns)) * 1000;
  const names = [...new Set([...a.summary.categories, ...b.summary.categories].map((r) => r.name))];
  names.sort((x, y) => perTurn(a, y) - perTurn(a, x));
  const head = `  ${'component'.padEnd(56)}${a.label.padStart(10)}${b.label.padStart(10)}${'extra'.padStart(10)}   (us CPU per turn)`;
  const rows = names.map((name) => {
    const x = perTurn(a, name);
    const y = perTurn(b, name);
    return `  ${name.padEnd(56)}${x.toFixed(0).padStart(10)}${y.toFixed(0).padStart(10)}${(x - y).toFixed(0).padStart(10)}`;
  });
  const totalA = (a.summary.busyMs / Math.max(1, a.turns)) * 1000;
  const totalB = (b.summary.busyMs / Math.max(1, b.turns)) * 1000;
  rows.push(
    `  ${'total'.padEnd(56)}${totalA.toFixed(0).padStart(10)}${totalB.toFixed(0).padStart(10)}${(totalA - totalB).toFixed(0).padStart(10)}`,
  );
  return [head, ...rows].join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const [from, to] = [Number(process.argv[4]), Number(process.argv[5])];
  const window = Number.isFinite(from) && Number.isFinite(to) ? { fromUs: from, toUs: to } : undefined;
  process.stdout.write(`${formatSummary(summarise(file, Number(process.argv[3] ?? 15), window))}\n`);
}
