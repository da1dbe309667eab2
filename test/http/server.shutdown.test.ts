import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stop } from '../../src/http/server';
import { personalMessage } from '../helpers/activities';
import { postActivity, sleep, startEdgeBot } from '../helpers/edge-harness';
import { freePort } from '../helpers/free-port';

/**
 * SIGTERM while a slow turn is in flight: the process stops accepting, lets the turn finish and
 * answer, and exits 0 within 10 s. The real entry point (src/index.ts) runs in a child process.
 */

const ROOT = join(__dirname, '..', '..');

/** A connector whose message posts answer only after `delayMs`; typing indicators answer at once. */
async function startSlowConnector(delayMs: number) {
  const messageArrived: number[] = [];
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { type?: string };
      const answer = (): void => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"slow-ok"}');
      };
      if (body.type === 'message') {
        messageArrived.push(Date.now());
        setTimeout(answer, delayMs);
      } else {
        answer();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    messageArrived,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('SIGTERM with a turn in flight (child process running src/index.ts)', () => {
  let child: ChildProcess | undefined;
  let workDir: string;

  beforeAll(() => {
    // An empty working directory: no .env is picked up and nothing is written into the checkout.
    workDir = mkdtempSync(join(tmpdir(), 'mim-shutdown-'));
  });

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  });

  it('finishes the turn, answers it, refuses new connections and exits 0 within 10 s', async () => {
    const connector = await startSlowConnector(1500);
    const port = await freePort();
    const output: string[] = [];
    // Node runs TypeScript through tsx's loader in this one process, so SIGTERM reaches our handler.
    child = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
        join(ROOT, 'src/index.ts'),
      ],
      {
        cwd: workDir,
        env: {
          PATH: process.env.PATH ?? '',
          PORT: String(port),
          HOST: '127.0.0.1',
          STORAGE: 'memory',
          LOG_LEVEL: 'info',
          NODE_ENV: 'test',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
      (resolve) => child?.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));

    try {
      await waitFor(() => output.join('').includes('MIM Sync Doctor started'), 20_000, 'the bot to start');
      const baseUrl = `http://127.0.0.1:${port}`;

      const turn = postActivity(
        baseUrl,
        personalMessage('PCNS logs event 6025', { serviceUrl: connector.serviceUrl }),
      );
      await waitFor(() => connector.messageArrived.length > 0, 10_000, 'the reply to be on its way');

      const signalledAt = Date.now();
      child.kill('SIGTERM');
      await sleep(200);
      // The listener is closed: a new connection is refused while the turn is still running.
      await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();

      const res = await turn;
      expect(res.status).toBe(200);
      const { code, signal, at } = await exited;
      expect(signal).toBeNull();
      expect(code).toBe(0);
      expect(at - signalledAt).toBeLessThan(10_000);
      // The turn really was in flight when the signal came: its reply was answered after it.
      expect((connector.messageArrived[0] ?? 0) + 1500).toBeGreaterThan(signalledAt);
      const log = output.join('');
      expect(log).toContain('"msg":"stopping"');
      expect(log).not.toContain('stop deadline reached');
    } finally {
      await connector.close();
    }
  }, 40_000);
});

describe('stop() in process', () => {
  it('returns at once when idle', async () => {
    const h = await startEdgeBot();
    const started = Date.now();
    await h.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up on a turn that outlives the deadline, says so, and still closes', async () => {
    const connector = await startSlowConnector(5000);
    const h = await startEdgeBot();
    try {
      const turn = postActivity(
        h.baseUrl,
        personalMessage('PCNS logs event 6025', { serviceUrl: connector.serviceUrl }),
      );
      await waitFor(() => connector.messageArrived.length > 0, 5000, 'the reply to be on its way');
      const started = Date.now();
      await stop(h.server, { deadlineMs: 300 });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(h.logLines.some((l) => l.includes('stop deadline reached'))).toBe(true);
      // The cut connection fails the caller's request; that is the price of the deadline.
      await turn.catch(() => undefined);
    } finally {
      await connector.close();
    }
  });

  it('answers 503 to a request that arrives on an open connection while draining', async () => {
    const connector = await startSlowConnector(800);
    const h = await startEdgeBot();
    try {
      const { port } = new URL(h.baseUrl);
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const request = (text: string): string => {
        const body = JSON.stringify(personalMessage(text, { serviceUrl: connector.serviceUrl }));
        return (
          'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
        );
      };
      socket.write(request('PCNS logs event 6025'));
      await waitFor(() => connector.messageArrived.length > 0, 5000, 'the reply to be on its way');
      const stopping = stop(h.server);
      // Pipelined on the busy connection, after the stop began: it must not start a new turn.
      socket.write(request('late'));
      await stopping;
      await closed;
      const statuses = [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => m[1]);
      expect(statuses).toEqual(['200', '503']);
      expect(connector.messageArrived).toHaveLength(1);
    } finally {
      await connector.close();
    }
  });
});
