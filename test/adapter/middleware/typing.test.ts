import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { personalMessage } from '../../helpers/activities';
import { postActivity, sleep, startEdgeBot } from '../../helpers/edge-harness';

/** The typing indicator: only for slow turns, best effort, never after the turn. */

describe('typing indicator', () => {
  /** Typing posts fail (after `typingDelayMs`), message posts succeed after `messageDelayMs`. */
  async function startConnector(messageDelayMs: number, typingDelayMs: number) {
    const seen: string[] = [];
    const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const { type } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { type?: string };
        seen.push(type ?? '?');
        const fail = type === 'typing';
        setTimeout(
          () => {
            res.writeHead(fail ? 400 : 200, { 'content-type': 'application/json' });
            res.end(fail ? '{"error":{"code":"BadArgument"}}' : '{"id":"ok"}');
          },
          fail ? typingDelayMs : messageDelayMs,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return {
      serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      seen,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  it.each([
    ['fails during the turn', 900, 0],
    ['fails after the turn ended', 700, 600],
  ])(
    'a typing send that %s is only logged: no apology, no unhandled error',
    async (_what, messageDelay, typingDelay) => {
      const slow = await startConnector(messageDelay, typingDelay);
      const h = await startEdgeBot();
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown): void => void rejections.push(reason);
      process.on('unhandledRejection', onRejection);
      try {
        const res = await postActivity(
          h.baseUrl,
          personalMessage('PCNS logs event 6025', { serviceUrl: slow.serviceUrl }),
        );
        expect(res.status).toBe(200);
        await sleep(typingDelay + 300);
        expect(slow.seen).toContain('typing');
        expect(slow.seen.filter((t) => t === 'message')).toHaveLength(1);
        expect(h.logLines.filter((l) => l.includes('"msg":"turn failed"'))).toEqual([]);
        expect(rejections).toEqual([]);
      } finally {
        process.off('unhandledRejection', onRejection);
        await h.close();
        await slow.close();
      }
    },
  );
});
