/**
 * Child processes of the bench: the bot, the echo bot, the connector stand-in, build steps. Every child
 * is registered so that `killAll()` (normal end, error, Ctrl+C) stops exactly the processes we started.
 */
import { execFileSync, spawn, fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';

const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (isRunning(child)) signal(child, 'SIGKILL');
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signal(child, 'SIGTERM');
  });
}

/** Processes started with `group` run detached in their own process group (npm -> sh -> tsc). */
const groups = new WeakSet<ChildProcess>();

function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    if (groups.has(child) && child.pid !== undefined) process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch {
    // Already gone.
  }
}

/** Stops every child still running. Synchronous variant for `process.on('exit')`. */
export function killAllSync(): void {
  for (const child of children) signal(child, 'SIGKILL');
}

export async function killAll(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child)));
}

/** Runs a command to its end; rejects with its output when it fails. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    groups.add(child);
    track(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      signal(child, 'SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`${command} ${args.join(' ')} failed (${sig ?? `exit ${code}`}):\n${output.trim()}`),
        );
    });
  });
}

/** A port nobody listens on right now (the OS picks it; we release it for the child). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A bot process (the MIM bot or the echo bot) listening on 127.0.0.1:port. */
export interface BotProcess {
  name: string;
  child: ChildProcess;
  port: number;
  /** hrtime (ms) just before spawn. */
  spawnedAt: number;
  /** Log lines at level error or above (pino JSON, level >= 50), and a few of their messages. */
  logErrors: { count: number; samples: string[] };
  /** Last lines of stderr/stdout, for a failure message. */
  tail(): string;
  /** Full GC + process.memoryUsage() via the memory-probe preload (SIGUSR2); undefined without it. */
  probe(): Promise<MemoryProbe | undefined>;
}

/** What bench/memory-probe.ts reports, in MB. */
export interface MemoryProbe {
  gc: boolean;
  rssBeforeGc: number;
  heapUsedBeforeGc: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface StartOptions {
  name: string;
  script: string;
  port: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
  nodeArgs?: string[];
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Starts `node [nodeArgs] script` with exactly `env`; stdin stays open so helpers can exit on EOF. */
export function startBot(options: StartOptions): BotProcess {
  const spawnedAt = nowMs();
  const child = track(
    spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const logErrors = { count: 0, samples: [] as string[] };
  let tail: string[] = [];
  const remember = (line: string): void => {
    tail.push(line);
    if (tail.length > 20) tail = tail.slice(-20);
  };
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line) continue;
      remember(line);
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((entry.level ?? 0) >= 50) {
          logErrors.count += 1;
          if (logErrors.samples.length < 5)
            logErrors.samples.push(`${entry.msg ?? ''}: ${entry.err?.message ?? ''}`.slice(0, 300));
        }
      } catch {
        // Not a log line.
      }
    }
  });
  let probeWaiter: ((probe: MemoryProbe) => void) | undefined;
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      if (line.startsWith('{"memoryProbe"'))
        probeWaiter?.((JSON.parse(line) as { memoryProbe: MemoryProbe }).memoryProbe);
      else remember(line);
    }
  });
  child.stdin?.on('error', () => undefined);
  const probe = (): Promise<MemoryProbe | undefined> =>
    new Promise((resolve) => {
      if (!isRunning(child)) return resolve(undefined);
      const timer = setTimeout(() => resolve(undefined), 5000);
      probeWaiter = (value) => {
        clearTimeout(timer);
        probeWaiter = undefined;
        resolve(value);
      };
      child.kill('SIGUSR2');
    });
  return {
    name: options.name,
    child,
    port: options.port,
    spawnedAt,
    logErrors,
    tail: () => tail.join('\n'),
    probe,
  };
}

function getStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: 500 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Polls GET /healthz until 200; resolves with ms since spawn. */
export async function waitHealthy(bot: BotProcess, timeoutMs = 15_000): Promise<number> {
  for (;;) {
    if (!isRunning(bot.child)) throw new Error(`${bot.name} exited during start:\n${bot.tail()}`);
    if ((await getStatus(bot.port, '/healthz')) === 200) return nowMs() - bot.spawnedAt;
    if (nowMs() - bot.spawnedAt > timeoutMs)
      throw new Error(`${bot.name} not healthy after ${timeoutMs} ms:\n${bot.tail()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let ticksPerSecond: number | undefined;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) in parentheses; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** VmRSS of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
}

export interface SenderStats {
  /** POSTs and PUTs. */
  activities: number;
  /** PUTs: updates of a card already sent. */
  updates: number;
  bytes: number;
  typing: number;
  unexpected: number;
}

export interface ConnectorStats {
  /** By the first path segment of the serviceUrl (`bot`, `echo`). */
  senders: Record<string, SenderStats>;
  /** Requests that were not activities (answered 404). */
  other: number;
  unexpectedSamples: string[];
}

export interface Connector {
  child: ChildProcess;
  /** serviceUrl for one server under test: replies are counted per sender. */
  serviceUrl(sender: string): string;
  stats(): Promise<ConnectorStats>;
}

/** Forks the compiled connector stand-in under plain node (no tsx loader) and waits for its port. */
export function startConnector(script: string, markers: string[]): Promise<Connector> {
  const child = track(
    fork(script, [], {
      execArgv: [],
      env: { PATH: process.env.PATH, BENCH_MARKERS: JSON.stringify(markers) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connector stand-in did not start')), 10_000);
    child.once('exit', (code) => reject(new Error(`connector stand-in exited (${code})`)));
    child.once('message', (message: { port?: number }) => {
      clearTimeout(timer);
      resolve({
        child,
        serviceUrl: (sender) => `http://127.0.0.1:${message.port}/${sender}/`,
        stats: () =>
          new Promise((resolveStats) => {
            const onMessage = (m: { stats?: ConnectorStats }): void => {
              if (!m.stats) return;
              child.off('message', onMessage);
              resolveStats(m.stats);
            };
            child.on('message', onMessage);
            child.send('stats');
          }),
      });
    });
  });
}
