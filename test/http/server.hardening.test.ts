import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/config/values';
import { BoundedTtlSet } from '../../src/lib/bounded-set';
import { TokenBuckets } from '../../src/adapter/middleware/rate-limit';
import { exceedsDepth, parseJsonSafely } from '../../src/http/safe-json';
import { isSupportAdmin, isTenantAllowed, tenantIdsOf } from '../../src/adapter/middleware/tenant';
import { STRINGS } from '../../src/i18n';
import { MAX_BODY_BYTES, start } from '../../src/http/server';
import { createServer } from '../../src/http/server';
import { createAdapter } from '../../src/adapter/adapter';
import { createLogger } from '../../src/logger';
import { MimSyncDoctorBot } from '../../src/teams/bot';
import { FAKE, cardInvoke, cardSubmit, channelMessage, personalMessage } from '../helpers/activities';
import { startConnectorStub, type ConnectorStub, type RecordedRequest } from '../helpers/connector-stub';
import {
  CountingStorage,
  looksLikeLeak,
  postActivity,
  postRaw,
  sleep,
  startEdgeBot,
  useEdgeBot,
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
    const invoke = { ...cardInvoke('x', {}, at()), name: 'composeExtension/query' };
    await expectCleanError(await postActivity(h.baseUrl, invoke), 400);
  });

  it('never called the bot or touched state for any of them', () => {
    expect(h.storage.calls).toEqual({ read: 0, write: 0, delete: 0 });
    expect(messagesSent()).toHaveLength(0);
  });
});

describe('odd but well-formed activities get a polite reply', () => {
  const h = useEdgeBot({ RATE_LIMIT_PER_USER: 'off', RATE_LIMIT_PER_CONVERSATION: 'off' });

  async function expectPoliteTurn(body: string | Record<string, unknown>): Promise<void> {
    connector.reset();
    const res =
      typeof body === 'string' ? await postRaw(h.baseUrl, body) : await postActivity(h.baseUrl, body);
    expect(res.status).toBe(200);
    expect(looksLikeLeak(await res.text())).toBe(false);
    expect(messagesSent().length).toBeGreaterThanOrEqual(1);
    expect(h.logLines.filter((l) => l.includes('"msg":"turn failed"'))).toEqual([]);
  }

  it('huge text (900 KB) is answered, quickly', async () => {
    const started = Date.now();
    await expectPoliteTurn({ ...personalMessage('stopped-server '.repeat(60_000), at()) });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('__proto__ and constructor.prototype keys are dropped, nothing is polluted, the turn runs', async () => {
    const activity = JSON.stringify(personalMessage('PCNS logs event 6025', at()));
    const poisoned =
      activity.slice(0, -1) +
      ',"__proto__":{"polluted":"yes","isAdmin":true},' +
      '"constructor":{"prototype":{"polluted":"yes"}},' +
      '"channelData":{"tenant":{"id":"' +
      FAKE.tenantId +
      '"},"__proto__":{"polluted":"yes"}},' +
      '"value":{"__proto__":{"verb":"showStep"},"constructor":{"prototype":{"polluted":"yes"}}}}';
    await expectPoliteTurn(poisoned);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
    expect(h.logLines.some((l) => l.includes('dropped __proto__/constructor keys'))).toBe(true);
  });

  it.each([
    ['value null', null],
    ['value true', true],
    ['verb that is an object', { verb: { toString: 'x' } }],
    ['verb that is an array', { verb: ['help'] }],
    ['step that is a huge string', { verb: 'showStep', step: 's'.repeat(50_000) }],
    ['value nested 40 levels deep', JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) as unknown],
  ])('card data with unexpected types: %s', async (_what, value) => {
    await expectPoliteTurn({ ...cardSubmit({}, at()), value } as Record<string, unknown>);
  });

  it('an invalid timestamp does not break the turn', async () => {
    await expectPoliteTurn({
      ...personalMessage('hello', at()),
      timestamp: 'yesterday-ish',
      localTimestamp: 7,
    });
  });
});

describe('redelivered activities are processed once', () => {
  const h = useEdgeBot();

  it('answers the first delivery and ignores the copy (same id, same conversation)', async () => {
    const activity = personalMessage('PCNS logs event 6025', at());
    expect((await postActivity(h.baseUrl, activity)).status).toBe(200);
    const writes = h.storage.calls.write;
    expect(messagesSent()).toHaveLength(1);
    expect((await postActivity(h.baseUrl, activity)).status).toBe(200);
    await sleep(50);
    expect(messagesSent()).toHaveLength(1);
    expect(h.storage.calls.write).toBe(writes);
  });

  it('ignores a copy that arrives while the first is still running', async () => {
    const activity = personalMessage('PCNS logs event 6025', at());
    const statuses = await Promise.all([
      postActivity(h.baseUrl, activity),
      postActivity(h.baseUrl, activity),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    await sleep(50);
    expect(messagesSent()).toHaveLength(1);
  });

  it('a redelivered card action (invoke) gets 200, not 501', async () => {
    const invoke = cardInvoke('x', {}, at());
    await postActivity(h.baseUrl, invoke);
    const again = await postActivity(h.baseUrl, invoke);
    expect(again.status).toBe(200);
  });

  it('the same id in another conversation is another activity', async () => {
    const first = personalMessage('PCNS logs event 6025', at({ id: 'same-id' }));
    const second = channelMessage('PCNS logs event 6025', at({ id: 'same-id' }));
    await postActivity(h.baseUrl, first);
    await postActivity(h.baseUrl, second);
    expect(messagesSent()).toHaveLength(2);
  });
});

describe('rate limits', () => {
  let h: EdgeHarness;
  afterEach(async () => {
    await h.close();
  });

  const SLOW_DOWN_EN = STRINGS.en['reply.slowDown'];

  async function flood(count: number, make: (i: number) => Partial<Activity>): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await postActivity(h.baseUrl, make(i))).status);
    return statuses;
  }

  it('default 10 messages per user: the 11th gets one "slow down", the rest are dropped without state', async () => {
    h = await startEdgeBot();
    const statuses = await flood(10, () => personalMessage('hello', at()));
    expect(messagesSent()).toHaveLength(10);
    const reads = h.storage.calls.read;

    connector.reset();
    statuses.push(...(await flood(5, () => personalMessage('hello again', at()))));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const sent = messagesSent();
    expect(sent.map((r) => (r.body as Partial<Activity>).text)).toEqual([SLOW_DOWN_EN]);
    expect(h.storage.calls.read).toBe(reads);
    expect(h.logLines.filter((l) => l.includes('asked the sender to slow down'))).toHaveLength(1);
  });

  it('a flood from one user does not starve another user in the same channel', async () => {
    h = await startEdgeBot({ RATE_LIMIT_PER_USER: '3/30' });
    await flood(6, () => channelMessage('flood', at()));
    connector.reset();
    await postActivity(
      h.baseUrl,
      channelMessage('PCNS logs event 6025', at({ userId: '29:other', userAadObjectId: 'other-object-id' })),
    );
    const sent = messagesSent();
    expect(sent).toHaveLength(1);
    expect((sent[0]?.body as Partial<Activity>).text).not.toBe(SLOW_DOWN_EN);
  });

  it('limits a whole conversation too, with one "slow down" for it', async () => {
    h = await startEdgeBot({ RATE_LIMIT_PER_CONVERSATION: '4/30' });
    await flood(6, (i) =>
      channelMessage('hi', at({ userId: `29:user-${i}`, userAadObjectId: `object-${i}` })),
    );
    const texts = messagesSent().map((r) => (r.body as Partial<Activity>).text);
    expect(texts.filter((t) => t === SLOW_DOWN_EN)).toHaveLength(1);
    expect(texts).toHaveLength(5);
  });

  it('says "slow down" in Danish to a Danish client', async () => {
    h = await startEdgeBot({ RATE_LIMIT_PER_USER: '1/30' });
    await flood(2, () => personalMessage('hej', at({ locale: 'da-DK' })));
    expect((messagesSent()[1]?.body as Partial<Activity>).text).toBe(STRINGS.da['reply.slowDown']);
  });

  it('does not count card actions (invokes) or conversation updates', async () => {
    h = await startEdgeBot({ RATE_LIMIT_PER_USER: '1/30' });
    for (let i = 0; i < 3; i++) {
      expect((await postActivity(h.baseUrl, cardInvoke('x', {}, at()))).status).toBeLessThan(500);
    }
    await flood(1, () => personalMessage('PCNS logs event 6025', at()));
    expect(messagesSent().map((r) => (r.body as Partial<Activity>).text)).not.toContain(SLOW_DOWN_EN);
  });

  it('token buckets refill over the window and forget refilled keys', () => {
    let now = 0;
    h = { close: async () => undefined } as EdgeHarness;
    const buckets = new TokenBuckets({ messages: 2, windowSeconds: 10 }, 100, () => now);
    const takeIfAllowed = (): boolean => {
      if (!buckets.hasToken('u')) return false;
      buckets.take('u');
      return true;
    };
    expect([takeIfAllowed(), takeIfAllowed(), takeIfAllowed()]).toEqual([true, true, false]);
    expect([buckets.firstRefusal('u'), buckets.firstRefusal('u')]).toEqual([true, false]);
    now = 5_000; // one token back
    expect([takeIfAllowed(), takeIfAllowed()]).toEqual([true, false]);
    expect(buckets.firstRefusal('u')).toBe(true);
    for (let i = 0; i < 500; i++) buckets.hasToken(`k${i}`);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });
});

describe('tenant allow-list', () => {
  const OTHER = '00000000-0000-4000-8000-00000000beef';
  const h = useEdgeBot({ ALLOWED_TENANT_IDS: ` ${FAKE.tenantId.toUpperCase()} ,` });

  it('serves an allowed tenant (ids compared case-insensitively)', async () => {
    await postActivity(h.baseUrl, personalMessage('PCNS logs event 6025', at()));
    expect(messagesSent()).toHaveLength(1);
  });

  it('ignores other tenants: no answer, no typing, no state, one log line per tenant', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await postActivity(h.baseUrl, personalMessage('hi', at({ tenantId: OTHER })))).status).toBe(
        200,
      );
    }
    await postActivity(
      h.baseUrl,
      personalMessage('hi', at({ tenantId: '00000000-0000-4000-8000-0000000000f1' })),
    );
    const invoke = await postActivity(h.baseUrl, cardInvoke('x', {}, at({ tenantId: OTHER })));
    expect(invoke.status).toBe(200);
    await sleep(700); // past the typing indicator's delay
    expect(connector.activities).toHaveLength(0);
    expect(h.storage.calls).toEqual({ read: 0, write: 0, delete: 0 });
    expect(h.logLines.filter((l) => l.includes('tenant that is not allowed'))).toHaveLength(2);
  });

  it('ignores activities naming no tenant, or two different ones', async () => {
    const none = { ...personalMessage('hi', at()), channelData: {}, conversation: { id: 'a:x' } };
    const two = { ...personalMessage('hi', at()), conversation: { id: 'a:x', tenantId: OTHER } };
    await postActivity(h.baseUrl, none);
    await postActivity(h.baseUrl, two);
    await sleep(50);
    expect(connector.activities).toHaveLength(0);
  });

  it('leaves the bot’s own proactive turns alone, even when the reference names no tenant', async () => {
    const adapter = createAdapter(h.config, createLogger({ logLevel: 'silent' }), async () => undefined);
    let ran = false;
    await adapter.continueConversationAsync(
      'any-app-id',
      {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        conversation: { id: 'a:proactive', isGroup: false, conversationType: 'personal', name: '' },
      },
      async () => {
        ran = true;
      },
    );
    expect(ran).toBe(true);
  });

  it('reads tenant ids from channelData and conversation', () => {
    const activity = {
      channelData: { tenant: { id: 'AAA' } },
      conversation: { id: 'c', tenantId: 'aaa' },
    } as unknown as Partial<Activity>;
    expect(tenantIdsOf(activity)).toEqual(['aaa']);
    expect(isTenantAllowed(activity, [])).toBe(true);
    expect(isTenantAllowed(activity, ['AAA'])).toBe(true);
    expect(isTenantAllowed({ channelData: { tenant: { id: 42 } } } as Partial<Activity>, ['42'])).toBe(false);
  });
});

describe('isSupportAdmin', () => {
  const config = loadConfig({ SUPPORT_ADMIN_IDS: '00000000-0000-4000-8000-00000000C0C0' });
  it('is true only for a listed Entra object id', () => {
    expect(isSupportAdmin(personalMessage('x'), config)).toBe(true);
    expect(
      isSupportAdmin(
        personalMessage('x', { userAadObjectId: '00000000-0000-4000-8000-000000000000' }),
        config,
      ),
    ).toBe(false);
    expect(isSupportAdmin({ from: { id: 'x', name: 'n' } }, config)).toBe(false);
    expect(
      isSupportAdmin({ from: { id: 'x', name: 'n', aadObjectId: 42 as unknown as string } }, config),
    ).toBe(false);
    expect(isSupportAdmin(personalMessage('x'), loadConfig({}))).toBe(false);
  });
});

describe('new settings', () => {
  it('have sensible defaults', () => {
    const config = loadConfig({});
    expect(config.allowUnauthenticated).toBe(false);
    expect(config.allowedTenantIds).toEqual([]);
    expect(config.supportAdminIds).toEqual([]);
    expect(config.rateLimitPerUser).toEqual({ messages: 10, windowSeconds: 30 });
    expect(config.rateLimitPerConversation).toEqual({ messages: 30, windowSeconds: 30 });
    expect(config.dedupeTtlSeconds).toBe(600);
  });

  it('parse their values', () => {
    const config = loadConfig({
      ALLOW_UNAUTHENTICATED: 'TRUE',
      ALLOWED_TENANT_IDS: '00000000-0000-4000-8000-00000000AAAA, 00000000-0000-4000-8000-00000000aaaa',
      RATE_LIMIT_PER_USER: '5/10s',
      RATE_LIMIT_PER_CONVERSATION: 'off',
      DEDUPE_TTL_SECONDS: '60',
    });
    expect(config.allowUnauthenticated).toBe(true);
    expect(config.allowedTenantIds).toEqual(['00000000-0000-4000-8000-00000000aaaa']);
    expect(config.rateLimitPerUser).toEqual({ messages: 5, windowSeconds: 10 });
    expect(config.rateLimitPerConversation).toBeNull();
    expect(config.dedupeTtlSeconds).toBe(60);
  });

  it.each([
    ['ALLOW_UNAUTHENTICATED', 'yes'],
    ['ALLOWED_TENANT_IDS', 'contoso.onmicrosoft.com'],
    ['SUPPORT_ADMIN_IDS', 'ada@contoso.com'],
    ['RATE_LIMIT_PER_USER', '10'],
    ['RATE_LIMIT_PER_USER', '0/30'],
    ['RATE_LIMIT_PER_CONVERSATION', 'lots'],
    ['DEDUPE_TTL_SECONDS', '0'],
  ])('reject %s=%s with a one-line ConfigError', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
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

describe('building blocks', () => {
  it('safe JSON: depth is counted outside strings only', () => {
    expect(exceedsDepth('{"a":"[[[[[[[[[[[[["}', 3)).toBe(false);
    expect(exceedsDepth('{"a":"\\"[[[[","b":[[[1]]]}', 3)).toBe(true);
    expect(parseJsonSafely('{"a":{"b":1}}', 1)).toEqual({ ok: false, reason: 'nested too deeply' });
  });

  it('safe JSON: many brackets side by side are not depth, but exactly one level too many is', () => {
    const wide = `[${Array.from({ length: 500 }, () => '{"a":[1]}').join(',')}]`;
    expect(exceedsDepth(wide, 3)).toBe(false);
    expect(exceedsDepth('[[[1]]]', 3)).toBe(false);
    expect(exceedsDepth('[[[[1]]]]', 3)).toBe(true);
    expect(exceedsDepth('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    expect(exceedsDepth('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
  });

  it('safe JSON: keeps a string constructor, drops object ones and every __proto__', () => {
    const parsed = parseJsonSafely('{"constructor":"x","b":{"constructor":{"prototype":{}}},"__proto__":1}');
    expect(parsed).toEqual({ ok: true, value: { constructor: 'x', b: {} }, droppedKeys: 2 });
  });

  it('bounded TTL set forgets after the TTL and never grows past its cap', () => {
    let now = 0;
    const set = new BoundedTtlSet(3, 1000, () => now);
    expect([set.add('a'), set.add('a')]).toEqual([true, false]);
    now = 1001;
    expect(set.add('a')).toBe(true);
    for (const key of ['b', 'c', 'd', 'e']) set.add(key);
    expect(set.size).toBeLessThanOrEqual(3);
  });

  it('bounded TTL set: a full set drops its oldest key first, and a key added again lives anew', () => {
    let now = 0;
    const set = new BoundedTtlSet(3, 1000, () => now);
    set.add('a');
    now = 600;
    expect(set.has('a')).toBe(true);
    now = 1001; // 'a' expired: has() forgets it, and it comes back with a fresh TTL
    expect(set.has('a')).toBe(false);
    expect(set.add('a')).toBe(true);
    for (const key of ['b', 'c']) set.add(key);
    expect(set.size).toBe(3);
    set.add('d'); // full: the oldest live key ('a', added at 1001) goes, not one of the newer
    expect([set.has('a'), set.has('b'), set.has('c'), set.has('d')]).toEqual([false, true, true, true]);
    for (let i = 0; i < 5000; i += 1) set.add(`k${i}`);
    expect(set.size).toBe(3);
    expect([set.has('k4997'), set.has('k4998'), set.has('k4999')]).toEqual([true, true, true]);
  });
});
