/** Child processes with their output kept, for the e2e stack and `npm run playground`. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as net from 'node:net';

/** Output lines kept per process: enough for a failure report, bounded for long playground sessions. */
const MAX_LOG_LINES = 5000;

export interface Managed {
  readonly name: string;
  readonly child: ChildProcess;
  /** stdout and stderr lines, interleaved in arrival order. */
  readonly lines: string[];
  /** Resolves with the exit code (or the signal name) once the process has gone. */
  readonly exited: Promise<number | string>;
  /** Calls `listener` for every line from now on. */
  onLine(listener: (line: string) => void): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Managed {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const listeners: Array<(line: string) => void> = [];
  const collect = (stream: NodeJS.ReadableStream | null): void => {
    if (!stream) return;
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > MAX_LOG_LINES) lines.shift();
        for (const listener of listeners) listener(line);
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (err) => {
      lines.push(`[${name}] could not start: ${err.message}`);
      resolve('spawn-error');
    });
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  return {
    name,
    child,
    lines,
    exited,
    onLine: (listener) => listeners.push(listener),
    async stop(graceMs = 5000): Promise<void> {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A port that was free a moment ago, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether `port` can be bound on loopback right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns a value, the process exits, or the time is up. Fails with the
 * process's last output, which is what one needs to see when a start goes wrong.
 */
export async function waitUntil<T>(
  proc: Managed,
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  let exitedWith: number | string | undefined;
  void proc.exited.then((code) => {
    exitedWith = code;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    const tail = (): string => proc.lines.slice(-20).join('\n');
    if (exitedWith !== undefined) {
      throw new Error(`${proc.name} exited (${exitedWith}) before ${what}:\n${tail()}`);
    }
    if (Date.now() > deadline) throw new Error(`${proc.name}: no ${what} after ${timeoutMs} ms:\n${tail()}`);
    await sleep(200);
  }
}

/** GET on loopback; the status code, or undefined when nothing answers yet. */
export async function httpStatus(url: string): Promise<number | undefined> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.status;
}
