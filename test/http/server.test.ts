import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ActivityHandler,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from '../../src/adapter/adapter';
import { loadConfig, type AppConfig } from '../../src/config';
import { createLogger, loggerFromTurn, type Logger } from '../../src/logger';
import { createServer, start, stop, MAX_BODY_BYTES } from '../../src/http/server';
import { cardInvoke, channelMessage, personalMessage } from '../helpers/activities';
import { useConnectorStub } from '../helpers/connector-stub';
import { postRaw } from '../helpers/edge-harness';

const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

/** Echoes the text; throws on "boom"; records the request id it could log with. */
class EchoBot extends ActivityHandler {
  calls = 0;
  requestIds: unknown[] = [];

  constructor(private readonly fallback: Logger) {
    super();
    this.onMessage(async (context, next) => {
      this.calls += 1;
      this.requestIds.push(loggerFromTurn(context, this.fallback).bindings().reqId);
      const text = context.activity.text ?? '';
      if (text.trim() === 'boom') throw new Error('kaboom: internal detail that must stay private');
      await context.sendActivity(`echo: ${text}`);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    this.calls += 1;
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { pong: invokeValue.action.verb },
    };
  }
}

interface Harness {
  baseUrl: string;
  bot: EchoBot;
  turnErrors: unknown[];
  logLines: string[];
  server: Server;
}

const stub = useConnectorStub();
/** What the lead's onTurnError does is up to them; the tests swap in a failing one. */
let onTurnErrorImpl: (context: TurnContext, error: unknown) => Promise<void>;

async function startHarness(overrides: Partial<NodeJS.ProcessEnv> = {}): Promise<Harness> {
  const config: AppConfig = {
    ...loadConfig({ LOG_LEVEL: 'debug', ...overrides }),
    port: 0,
    host: '127.0.0.1',
  };
  const logLines: string[] = [];
  const logger = createLogger(config, { destination: { write: (line: string) => void logLines.push(line) } });
  const turnErrors: unknown[] = [];
  const adapter = createAdapter(config, logger, async (context, error) => {
    turnErrors.push(error);
    await onTurnErrorImpl(context, error);
  });
  const bot = new EchoBot(logger);
  const server = createServer({ config, adapter, bot, logger });
  const address = await start(server, config);
  return { baseUrl: `http://127.0.0.1:${address.port}`, bot, turnErrors, logLines, server };
}

let h: Harness;

beforeEach(async () => {
  onTurnErrorImpl = async (context) => {
    await context.sendActivity('sorry, something went wrong');
  };
  h = await startHarness();
});

afterEach(async () => {
  await stop(h.server);
});

function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return postRaw(h.baseUrl, body, { 'content-type': 'application/json', ...headers });
}

function postActivity(activity: Partial<Activity>, headers: Record<string, string> = {}): Promise<Response> {
  return post(JSON.stringify(activity), headers);
}

/** An error response is small JSON with a fixed text: no stack, no parser or adapter message. */
async function expectCleanError(res: Response, status: number): Promise<{ error: string }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await res.text();
  expect(text.length).toBeLessThan(200);
  expect(text).not.toMatch(/ at |Error:|Unexpected token|kaboom|\.ts:|\.js:/);
  const body = JSON.parse(text) as { error: string };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error).toBe('string');
  return body;
}

describe('GET /healthz', () => {
  it('answers 200 with the package version', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version });
  });
});

describe('POST /api/messages', () => {
  it('runs the bot and delivers its reply to the connector at the right path', async () => {
    const activity = personalMessage('hello', { serviceUrl: stub.serviceUrl });
    const res = await postActivity(activity);
    expect(res.status).toBe(200);

    const [reply] = await stub.waitFor(1);
    const conversationId = activity.conversation?.id ?? '';
    expect(reply.method).toBe('POST');
    expect(reply.path).toBe(
      `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${activity.id}`,
    );
    expect(reply.body).toMatchObject({ type: 'message', text: 'echo: hello', replyToId: activity.id });
    expect(h.bot.calls).toBe(1);
  });

  it('answers in the channel thread, conversation id url-encoded', async () => {
    const activity = channelMessage('stopped-server', { serviceUrl: stub.serviceUrl });
    expect((await postActivity(activity)).status).toBe(200);
    const [reply] = await stub.waitFor(1);
    expect(reply.path).toBe(
      `/v3/conversations/${encodeURIComponent('19:abc@thread.tacv2;messageid=123')}/activities/${activity.id}`,
    );
    expect(reply.conversationId).toBe('19:abc@thread.tacv2;messageid=123');
  });

  it('gives the bot a logger carrying the caller request id, and echoes the id', async () => {
    const res = await postActivity(personalMessage('hi', { serviceUrl: stub.serviceUrl }), {
      'x-request-id': 'test-req-42',
    });
    expect(res.headers.get('x-request-id')).toBe('test-req-42');
    expect(h.bot.requestIds).toEqual(['test-req-42']);
    expect(h.logLines.some((line) => line.includes('"reqId":"test-req-42"'))).toBe(true);
  });

  it('replaces an unusable request id with a generated one', async () => {
    const res = await postActivity(personalMessage('hi', { serviceUrl: stub.serviceUrl }), {
      'x-request-id': 'bad id <script>',
    });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.bot.requestIds).toEqual([id]);
  });

  it('answers 400 to a body that is not JSON, without calling the bot', async () => {
    await expectCleanError(await post('{"type": "message", oops'), 400);
    expect(h.bot.calls).toBe(0);
  });

  it('answers 400 to JSON that is not an activity', async () => {
    await expectCleanError(await post('[1, 2]'), 400);
    await expectCleanError(await post('{"text": "no type"}'), 400);
    await expectCleanError(await post(''), 400);
    expect(h.bot.calls).toBe(0);
  });

  it('answers 413 to a body over 1 MB, without calling the bot', async () => {
    const activity = personalMessage('x'.repeat(MAX_BODY_BYTES), { serviceUrl: stub.serviceUrl });
    const body = await expectCleanError(await postActivity(activity), 413);
    expect(body.error).toMatch(/too large/);
    expect(h.bot.calls).toBe(0);
    // The connection stays usable for the next request.
    expect((await postActivity(personalMessage('after', { serviceUrl: stub.serviceUrl }))).status).toBe(200);
  });

  it('answers 413 to an oversized chunked body (no Content-Length)', async () => {
    const big = JSON.stringify(
      personalMessage('y'.repeat(MAX_BODY_BYTES + 10), { serviceUrl: stub.serviceUrl }),
    );
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await fetch(`${h.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectCleanError(res, 413);
    expect(h.bot.calls).toBe(0);
  });

  it('answers 415 to a wrong content type or a compressed body, without calling the bot', async () => {
    const json = JSON.stringify(personalMessage('hello', { serviceUrl: stub.serviceUrl }));
    await expectCleanError(await post(json, { 'content-type': 'text/plain' }), 415);
    await expectCleanError(
      await post('type=message&text=hi', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    );
    await expectCleanError(await post(json, { 'content-encoding': 'gzip' }), 415);
    expect(h.bot.calls).toBe(0);
  });

  it('accepts application/json with a charset, as Teams sends it', async () => {
    const res = await postActivity(personalMessage('hello', { serviceUrl: stub.serviceUrl }), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(res.status).toBe(200);
  });

  it('survives a turn that throws: onTurnError runs, no 5xx or stack, the next turn works', async () => {
    const res = await postActivity(personalMessage('boom', { serviceUrl: stub.serviceUrl }));
    // CloudAdapter answers 200 once onTurnError has handled the error.
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/kaboom|at /);
    expect(h.turnErrors).toHaveLength(1);
    expect(String(h.turnErrors[0])).toContain('kaboom');
    const [apology] = await stub.waitFor(1);
    expect(apology.body).toMatchObject({ text: 'sorry, something went wrong' });

    const errorLines = h.logLines.filter((line) => line.includes('"msg":"turn failed"'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain('"reqId"');

    stub.reset();
    expect(
      (await postActivity(personalMessage('still there?', { serviceUrl: stub.serviceUrl }))).status,
    ).toBe(200);
    const [reply] = await stub.waitFor(1);
    expect(reply.body).toMatchObject({ text: 'echo: still there?' });
  });

  it('survives an onTurnError callback that itself fails', async () => {
    onTurnErrorImpl = async () => {
      throw new Error('apology failed: internal detail');
    };
    const res = await postActivity(personalMessage('boom', { serviceUrl: stub.serviceUrl }));
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toMatch(/apology failed|kaboom/);
    expect(h.logLines.some((line) => line.includes('"msg":"turn error handler failed"'))).toBe(true);
    expect((await postActivity(personalMessage('next', { serviceUrl: stub.serviceUrl }))).status).toBe(200);
    expect(h.bot.calls).toBe(2);
  });

  it('returns the invoke response of a card action to the caller', async () => {
    const res = await postActivity(cardInvoke('ping', {}, { serviceUrl: stub.serviceUrl }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { pong: 'ping' },
    });
  });

  it("passes botbuilder's own 4xx invoke error bodies through (Teams shows them on the card)", async () => {
    const res = await postActivity(
      cardInvoke('ping', {}, { serviceUrl: stub.serviceUrl, actionType: 'Action.Submit' }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(h.bot.calls).toBe(0);
  });

  it('never logs the Authorization header', async () => {
    await postActivity(personalMessage('hello', { serviceUrl: stub.serviceUrl }), {
      authorization: 'Bearer fake-token-value-123',
    });
    await stub.waitFor(1);
    expect(h.logLines.join('\n')).not.toContain('fake-token-value-123');
  });
});

describe('start', () => {
  it('logs that local mode runs without authentication, and where it listens', () => {
    const line = h.logLines.find((l) => l.includes('"localMode":true'));
    expect(line).toBeDefined();
    expect(line).toContain('NOT authenticated');
    expect(line).toContain(`${h.baseUrl}/api/messages`);
  });

  it('rejects when the port is taken', async () => {
    const port = Number(new URL(h.baseUrl).port);
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), port, host: '127.0.0.1' };
    const logger = createLogger(config);
    const adapter = createAdapter(config, logger, async () => undefined);
    const second = createServer({ config, adapter, bot: new EchoBot(logger), logger });
    await expect(start(second, config)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('other routes', () => {
  it('answers 404 JSON to an unknown route', async () => {
    const body = await expectCleanError(await fetch(`${h.baseUrl}/nope`), 404);
    expect(body.error).toBe('not found');
  });

  it('answers 405 JSON to GET /api/messages', async () => {
    await expectCleanError(await fetch(`${h.baseUrl}/api/messages`), 405);
  });
});

describe('with credentials configured', () => {
  it('answers 401 JSON to a request without a token, without calling the bot', async () => {
    await stop(h.server);
    h = await startHarness({ MicrosoftAppId: 'fake-app-id', MicrosoftAppPassword: 'fake-password' });
    const errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expectCleanError(
        await postActivity(personalMessage('hello', { serviceUrl: stub.serviceUrl })),
        401,
      );
    } finally {
      errorSpy.mockRestore();
    }
    expect(h.bot.calls).toBe(0);
    expect(h.logLines.join('\n')).not.toContain('fake-password');
  });
});
