import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type { ActivityOptions } from './activities';
import { useStarted } from './lifecycle';

/** One HTTP call the bot made to the stand-in connector. */
export interface RecordedRequest {
  method: string;
  /** Path as sent (conversation ids stay URL-encoded), without the query string. */
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown;
  /** For /v3/conversations/<id>/...: the decoded conversation id. */
  conversationId?: string;
  /** For .../activities/<id>: the decoded activity id (the reply-to id for replies). */
  activityId?: string;
}

/** An answer the test chooses for a request; return undefined to get the default. */
export type StubResponder = (
  request: RecordedRequest,
) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface ConnectorStub {
  /** Use as the activity's serviceUrl, e.g. http://127.0.0.1:41234/ */
  readonly serviceUrl: string;
  /** Every request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Activities the bot sent or updated (POST/PUT bodies under /v3/conversations/). */
  readonly activities: readonly RecordedRequest[];
  /** Resolves with the first n activities once they arrived; rejects after timeoutMs. */
  waitFor(n: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Forget what was recorded (between turns of one test). */
  reset(): void;
  close(): Promise<void>;
}

const CONVERSATION_PATH = /^\/v3\/conversations\/([^/]+)(?:\/activities\/([^/]+))?/;

/**
 * A real HTTP server on 127.0.0.1 (free port) standing in for the Bot Framework connector. Replies
 * arrive at /v3/conversations/<url-encoded conversation id>/activities/<reply-to id>.
 */
export async function startConnectorStub(respond?: StubResponder): Promise<ConnectorStub> {
  const requests: RecordedRequest[] = [];
  const activities: RecordedRequest[] = [];
  let waiters: Array<() => void> = [];
  let counter = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = record(req, Buffer.concat(chunks).toString('utf8'));
      requests.push(recorded);
      const isActivity =
        (recorded.method === 'POST' || recorded.method === 'PUT') && recorded.conversationId !== undefined;
      if (isActivity) activities.push(recorded);

      const chosen = respond?.(recorded);
      const status = chosen?.status ?? (isActivity ? 200 : 404);
      counter += 1;
      const body = chosen
        ? chosen.body
        : isActivity
          ? { id: `stub-activity-${counter}` }
          : { error: 'not stubbed' };
      res.writeHead(status, { 'content-type': 'application/json', ...chosen?.headers });
      res.end(body === undefined ? '' : JSON.stringify(body));

      const pending = waiters;
      waiters = [];
      pending.forEach((wake) => wake());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    requests,
    activities,
    waitFor(n: number, timeoutMs = 5000): Promise<RecordedRequest[]> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((wake) => wake !== check);
          const seen = activities.map((a) => `${a.method} ${a.path}`).join(', ') || 'none';
          reject(
            new Error(
              `connector stub: expected ${n} activities within ${timeoutMs} ms, got ${activities.length}: ${seen}`,
            ),
          );
        }, timeoutMs);
        function check(): void {
          if (activities.length >= n) {
            clearTimeout(timer);
            resolve(activities.slice(0, n));
          } else {
            waiters.push(check);
          }
        }
        check();
      });
    },
    reset(): void {
      requests.length = 0;
      activities.length = 0;
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * One stand-in connector for every test of a file: started before the first test, emptied before
 * each test, closed after the last. Call at the top level of a test file.
 */
export function useConnectorStub(respond?: StubResponder): ConnectorStub {
  const stub = useStarted('file', () => startConnectorStub(respond));
  beforeEach(() => stub.reset());
  return stub;
}

/**
 * useConnectorStub with what the edge tests ask of it: activity options that send replies to it,
 * and the messages it received (typing indicators left out).
 */
export function useMessageStub(): {
  stub: ConnectorStub;
  at: (extra?: ActivityOptions) => ActivityOptions;
  messagesSent: () => RecordedRequest[];
} {
  const stub = useConnectorStub();
  return {
    stub,
    at: (extra = {}) => ({ serviceUrl: stub.serviceUrl, ...extra }),
    messagesSent: () =>
      stub.activities.filter((r) => (r.body as Partial<Activity> | undefined)?.type === 'message'),
  };
}

function record(req: IncomingMessage, text: string): RecordedRequest {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  let body: unknown;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const match = CONVERSATION_PATH.exec(path);
  return {
    method: req.method ?? 'GET',
    path,
    headers: req.headers,
    body,
    conversationId: match?.[1] !== undefined ? decodeURIComponent(match[1]) : undefined,
    activityId: match?.[2] !== undefined ? decodeURIComponent(match[2]) : undefined,
  };
}
