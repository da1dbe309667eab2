import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { MAX_BODY_BYTES, start } from '../../src/http/server';
import { createServer } from '../../src/http/server';
import { createAdapter } from '../../src/adapter/adapter';
import { createLogger } from '../../src/logger';
import { MimSyncDoctorBot } from '../../src/teams/bot';
import { cardInvoke, personalMessage } from '../helpers/activities';
import { startConnectorStub, type ConnectorStub, type RecordedRequest } from '../helpers/connector-stub';
import {
  CountingStorage,
  looksLikeLeak,
  postActivity,
  postRaw,
  startEdgeBot,
  type EdgeHarness,
} from '../helpers/edge-harness';

/** The HTTP edge in local mode (no app id): bad input, redelivery, floods, tenants, listening rules. */

let connector: ConnectorStub;

beforeAll(async () => {
  connector = await startConnectorStub();
});

afterAll(async () => {
  await connector.close();
});

beforeEach(() => connector.reset());

const at = (extra: Parameters<typeof personalMessage>[1] = {}) => ({
  serviceUrl: connector.serviceUrl,
  ...extra,
});

/** Messages the bot sent (typing indicators left out). */
function messagesSent(): RecordedRequest[] {
  return connector.activities.filter((r) => (r.body as Partial<Activity> | undefined)?.type === 'message');
}

async function expectCleanError(res: Response, status: number): Promise<void> {
  expect(res.status).toBe(status);
  const text = await res.text();
  expect(text.length).toBeLessThan(200);
  expect(looksLikeLeak(text)).toBe(false);
  expect(Object.keys(JSON.parse(text) as object)).toEqual(['error']);
}

describe('malformed requests get a clean 4xx, never a 5xx', () => {
  let h: EdgeHarness;
  beforeAll(async () => {
    h = await startEdgeBot();
  });
  afterAll(async () => {
    await h.close();
  });

  const valid = (): Record<string, unknown> => ({ ...personalMessage('hello', at()) });
  const without = (field: string) => (): Record<string, unknown> => {
    const activity = valid();
    delete activity[field];
    return activity;
  };
  const withField = (field: string, value: unknown) => (): Record<string, unknown> => ({
    ...valid(),
    [field]: value,
  });
  const nested = (depth: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };

  const BODIES: ReadonlyArray<readonly [string, () => Record<string, unknown>, number]> = [
    ['missing type', without('type'), 400],
    ['type that is a number', withField('type', 7), 400],
    ['type that is empty', withField('type', ''), 400],
    ['an unknown activity type', withField('type', 'launchMissiles'), 400],
    ['invokeResponse (only ever sent by bots)', withField('type', 'invokeResponse'), 400],
    ['missing channelId', without('channelId'), 400],
    ['missing serviceUrl (botbuilder would reply to api.botframework.com)', without('serviceUrl'), 400],
    ['serviceUrl that is not a URL', withField('serviceUrl', 'not a url'), 400],
    ['serviceUrl with a javascript: scheme', withField('serviceUrl', 'javascript:alert(1)'), 400],
    ['serviceUrl with a file: scheme', withField('serviceUrl', 'file:///etc/passwd'), 400],
    ['serviceUrl that is an object', withField('serviceUrl', { href: connector?.serviceUrl }), 400],
    ['missing conversation', without('conversation'), 400],
    ['conversation without an id', withField('conversation', { conversationType: 'personal' }), 400],
    ['conversation that is a string', withField('conversation', 'a:conversation'), 400],
    ['missing from', without('from'), 400],
    ['from.id that is a number', withField('from', { id: 42 }), 400],
    ['missing recipient', without('recipient'), 400],
    ['id that is an object', withField('id', { $gt: '' }), 400],
    ['replyToId that is an array', withField('replyToId', ['x']), 400],
    ['a 5,000-character conversation id', withField('conversation', { id: 'c'.repeat(5000) }), 400],
    ['value nested 200 levels deep', withField('value', nested(200)), 400],
    ['channelData nested 100 levels deep', withField('channelData', nested(100)), 400],
  ];

  it.each(BODIES)('%s', async (_what, body, status) => {
    await expectCleanError(await postActivity(h.baseUrl, body()), status);
  });

  it.each([
    ['not JSON', '{"type": "message", oops', 'application/json', 400],
    ['JSON with trailing garbage', '{"type":"message"} trailing', 'application/json', 400],
    ['a JSON string', '"message"', 'application/json', 400],
    ['a JSON array', '[{"type":"message"}]', 'application/json', 400],
    ['null', 'null', 'application/json', 400],
    ['an empty body', '', 'application/json', 400],
    ['100,000 nested arrays', '['.repeat(100_000) + ']'.repeat(100_000), 'application/json', 400],
    ['100,000 unclosed braces', '{"a":'.repeat(100_000), 'application/json', 400],
    ['lone surrogates and NULs', '{"type":"message","text":"\\ud800\\u0000"', 'application/json', 400],
    ['text/plain', '{"type":"message"}', 'text/plain', 415],
    ['form encoding', 'type=message', 'application/x-www-form-urlencoded', 415],
    ['multipart', '--x\r\n\r\n--x--', 'multipart/form-data; boundary=x', 415],
    ['a UTF-16 charset', '{"type":"message"}', 'application/json; charset=utf-16', 415],
  ] as const)('%s', async (_what, body, contentType, status) => {
    await expectCleanError(await postRaw(h.baseUrl, body, { 'content-type': contentType }), status);
  });

  it('answers 413 to a body over the limit', async () => {
    const big = JSON.stringify(personalMessage('x'.repeat(MAX_BODY_BYTES), at()));
    await expectCleanError(await postRaw(h.baseUrl, big), 413);
  });

  it('answers an invoke nobody handles with 400, not botbuilder’s 501', async () => {
    const invoke = { ...cardInvoke('x', {}, at()), name: 'composeExtension/setting' };
    await expectCleanError(await postActivity(h.baseUrl, invoke), 400);
  });

  it('never called the bot or touched state for any of them', () => {
    expect(h.storage.calls).toEqual({ read: 0, write: 0, delete: 0 });
    expect(messagesSent()).toHaveLength(0);
  });
});

describe('listening without authentication', () => {
  function serverFor(env: Record<string, string>) {
    const config = { ...loadConfig({ LOG_LEVEL: 'silent', ...env }), port: 0 };
    const lines: string[] = [];
    const logger = createLogger(
      { logLevel: 'info' },
      { destination: { write: (l: string) => void lines.push(l) } },
    );
    const adapter = createAdapter(config, logger, async () => undefined);
    const server = createServer({
      config,
      adapter,
      bot: new MimSyncDoctorBot(new CountingStorage()),
      logger,
    });
    return { config, server, lines };
  }

  it('refuses a non-loopback address without MicrosoftAppId', async () => {
    const { config, server } = serverFor({ HOST: '0.0.0.0' });
    await expect(start(server, config)).rejects.toThrow(/ALLOW_UNAUTHENTICATED=true/);
    expect(server.server.listening).toBe(false);
  });

  it('listens there with ALLOW_UNAUTHENTICATED=true, and warns', async () => {
    const { config, server, lines } = serverFor({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' });
    await start(server, config);
    try {
      const warnings = lines.filter((l) => l.includes('"level":40'));
      expect(warnings.some((l) => l.includes('NOT authenticated'))).toBe(true);
      expect(warnings.some((l) => l.includes('non-loopback'))).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('warns at start on loopback too', async () => {
    const { config, server, lines } = serverFor({});
    await start(server, config);
    try {
      expect(lines.some((l) => l.includes('"level":40') && l.includes('NOT authenticated'))).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('outbound 429 from the connector', () => {
  it('is retried by botbuilder’s connector client after Retry-After', async () => {
    // Message posts only: the typing indicator also arrives while the retry waits.
    const arrivals: number[] = [];
    const throttling = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { type?: string };
        if (body.type === 'message') arrivals.push(Date.now());
        if (body.type === 'message' && arrivals.length === 1) {
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
          res.end('{"error":{"code":"TooManyRequests"}}');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"ok"}');
        }
      });
    });
    await new Promise<void>((resolve) => throttling.listen(0, '127.0.0.1', () => resolve()));
    const serviceUrl = `http://127.0.0.1:${(throttling.address() as AddressInfo).port}/`;
    const h = await startEdgeBot();
    try {
      const res = await postActivity(h.baseUrl, personalMessage('PCNS logs event 6025', { serviceUrl }));
      expect(res.status).toBe(200);
      expect(arrivals.length).toBe(2);
      expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(900);
      expect(h.logLines.filter((l) => l.includes('"msg":"turn failed"'))).toEqual([]);
    } finally {
      await h.close();
      throttling.closeAllConnections();
      await new Promise<void>((resolve) => throttling.close(() => resolve()));
    }
  });
});
