import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, Request as BotRequest, Response as BotResponse, TurnContext } from 'botbuilder';
import type { AppConfig } from './config';
import { LOGGER_KEY, newRequestId, requestLogger, sanitizeRequestId, type Logger } from './logger';
import { VERSION } from './version';

export { LOGGER_KEY } from './logger';

/** Bot Framework activities are small; Teams caps messages at about 28 KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Anything with a turn handler: an ActivityHandler, or a test double. */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

export interface ServerOptions {
  config: AppConfig;
  adapter: CloudAdapter;
  bot: TurnRunner;
  logger: Logger;
  /** Defaults to MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

interface RequestState {
  id: string;
  log: Logger;
  startedAt: bigint;
  /** Why a request was refused, for the one completion line. */
  reason?: string;
}

// restify's typings describe a bunyan logger; side tables keep our pino logger and request ids typed.
const requests = new WeakMap<Request, RequestState>();
const serverLoggers = new WeakMap<Server, Logger>();

/**
 * The HTTP edge: POST /api/messages into the adapter, GET /healthz. Every error response is a small
 * JSON body `{ error }` with a fixed text: parser messages, adapter messages and stacks stay in the log.
 */
export function createServer(options: ServerOptions): Server {
  const { adapter, bot, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const server = restify.createServer({
    name: 'mim-sync-doctor',
    log: logger.child({ component: 'restify' }) as unknown as NonNullable<restify.ServerOptions['log']>,
  });
  serverLoggers.set(server, logger);

  server.pre((req: Request, res: Response, next: restify.Next) => {
    const id = sanitizeRequestId(req.headers['x-request-id']) ?? newRequestId();
    const state: RequestState = { id, log: requestLogger(logger, id), startedAt: process.hrtime.bigint() };
    requests.set(req, state);
    res.setHeader('x-request-id', id);
    res.once('close', () => logCompletion(req, res, state));
    next();
  });

  // Routing and handler errors (404, 405, anything thrown) all pass here; answer with a fixed text.
  server.on('restifyError', (req: Request, res: Response, err: unknown, callback: () => void) => {
    const status = statusOf(err);
    if (status >= 500) stateOf(req, logger).log.error({ err }, 'request failed');
    if (!res.headersSent) sendError(res, status);
    callback();
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', version: VERSION });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const state = stateOf(req, logger);
    const { log } = state;
    const body = await readJsonBody(req, maxBodyBytes);
    if (!body.ok) {
      state.reason = body.reason;
      if (body.closeConnection) res.setHeader('connection', 'close');
      sendError(res, body.status, body.error);
      return;
    }
    if (!isActivity(body.value)) {
      state.reason = 'not an activity';
      sendError(res, 400, 'body must be a Bot Framework activity: a JSON object with a "type"');
      return;
    }

    // The adapter writes to a capture, not to `res`, so its own error texts never reach the client.
    const captured = new CapturedResponse();
    const botRequest: BotRequest = { method: 'POST', headers: req.headers, body: body.value };
    try {
      await adapter.process(botRequest, captured, async (context: TurnContext) => {
        context.turnState.set(LOGGER_KEY, log);
        await bot.run(context);
      });
    } catch (err) {
      log.error({ err }, 'adapter failed to process the activity');
      sendError(res, 500);
      return;
    }
    sendCaptured(res, captured, log);
  });

  return server;
}

/** Listens on config.host:config.port; resolves with the bound address (port 0 picks a free one). */
export function start(
  server: Server,
  config: Pick<AppConfig, 'port' | 'host' | 'localMode'>,
): Promise<AddressInfo> {
  const logger = serverLoggers.get(server);
  return new Promise<AddressInfo>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.removeListener('error', onError);
      const address = server.address() as AddressInfo;
      const endpoint = `http://${formatHost(address.address)}:${address.port}/api/messages`;
      if (config.localMode) {
        logger?.info(
          { localMode: true, endpoint },
          `local mode: MicrosoftAppId is not set, requests are NOT authenticated; listening on ${endpoint}`,
        );
        if (!isLoopback(address.address)) {
          logger?.warn(
            { host: address.address },
            'local mode on a non-loopback address: anyone who can reach this port can talk to the bot',
          );
        }
      } else {
        logger?.info({ localMode: false, endpoint }, `listening on ${endpoint}`);
      }
      resolve(address);
    });
  });
}

/** Stops accepting connections and resolves once open ones are closed. */
export function stop(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would otherwise hold close() open until they time out.
    server.server.closeIdleConnections();
  });
}

// ---- request bodies ----

type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; error: string; reason: string; closeConnection?: boolean };

/**
 * Reads and parses a JSON body ourselves instead of restify's bodyParser: that one gunzips without a
 * size limit on the inflated data, parses form and multipart bodies into objects the adapter would
 * accept, reads an oversized body to its end before answering, and puts JSON.parse's message into
 * its 400 response.
 */
async function readJsonBody(req: Request, limit: number): Promise<BodyResult> {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const [mediaType = '', ...params] = contentType.split(';').map((part) => part.trim());
  if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) {
    return {
      ok: false,
      status: 415,
      error: ERROR_TEXT[415],
      reason: `content type ${JSON.stringify(mediaType)}`,
    };
  }
  const charset = params.find((param) => param.startsWith('charset='))?.slice('charset='.length);
  if (charset !== undefined && !['utf-8', 'utf8', '"utf-8"'].includes(charset)) {
    return { ok: false, status: 415, error: 'unsupported charset: send UTF-8', reason: `charset ${charset}` };
  }
  const encoding = req.headers['content-encoding']?.toLowerCase();
  if (encoding !== undefined && encoding !== 'identity') {
    return {
      ok: false,
      status: 415,
      error: 'compressed bodies are not supported',
      reason: `encoding ${encoding}`,
    };
  }

  const read = await readRaw(req, limit);
  if (read === 'too-large') {
    // Answer at once and close: the rest of the upload is not worth reading.
    return {
      ok: false,
      status: 413,
      error: ERROR_TEXT[413],
      reason: `body over ${limit} bytes`,
      closeConnection: true,
    };
  }
  if (read === 'aborted') return { ok: false, status: 400, error: 'request aborted', reason: 'aborted' };
  if (read.length === 0) return { ok: false, status: 400, error: 'body is empty', reason: 'empty body' };
  try {
    return { ok: true, value: JSON.parse(read.toString('utf8')) };
  } catch {
    return { ok: false, status: 400, error: 'body is not valid JSON', reason: 'invalid JSON' };
  }
}

/** Buffers at most `limit` bytes; settles as soon as the declared or received size is over it. */
function readRaw(req: Request, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => resolve('aborted'));
    req.once('aborted', () => resolve('aborted'));
  });
}

function isActivity(value: unknown): value is Record<string, unknown> & { type: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.length > 0
  );
}

// ---- responses ----

/** What CloudAdapter.process writes: a status, maybe a body (an invoke response or an error text). */
class CapturedResponse implements BotResponse {
  socket: unknown = null;
  statusCode = 200;
  body: unknown = undefined;
  readonly headers: Record<string, unknown> = {};

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  send(body?: unknown): this {
    if (body !== undefined) this.body = body;
    return this;
  }

  header(name: string, value: unknown): this {
    this.headers[name] = value;
    return this;
  }

  end(): this {
    return this;
  }
}

function sendCaptured(res: Response, captured: CapturedResponse, log: Logger): void {
  const { statusCode, body } = captured;
  // Invoke responses (card actions) carry JSON objects, also with 4xx statuses, and must reach Teams.
  // The adapter's own failures carry a string (an exception message) and are replaced.
  if (statusCode >= 400 && !isPlainObject(body)) {
    log.warn(
      { status: statusCode, adapterBody: typeof body === 'string' ? body.slice(0, 200) : undefined },
      'adapter answered with an error',
    );
    sendError(res, statusCode);
    return;
  }
  if (body === undefined) {
    res.status(statusCode);
    res.end();
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.send(statusCode, body);
}

const ERROR_TEXT: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  406: 'not acceptable',
  413: 'payload too large: the limit is 1 MB',
  415: 'unsupported media type: send application/json',
  501: 'not implemented',
};

function sendError(res: Response, status: number, text?: string): void {
  const error = text ?? ERROR_TEXT[status] ?? (status >= 500 ? 'internal error' : 'request failed');
  res.setHeader('content-type', 'application/json');
  res.send(status, { error });
}

function statusOf(err: unknown): number {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Buffer.isBuffer(value);
}

// ---- logging ----

function stateOf(req: Request, fallback: Logger): RequestState {
  let state = requests.get(req);
  if (!state) {
    // Only reachable if the pre handler did not run; still log with an id.
    const id = newRequestId();
    state = { id, log: requestLogger(fallback, id), startedAt: process.hrtime.bigint() };
    requests.set(req, state);
  }
  return state;
}

function logCompletion(req: Request, res: Response, state: RequestState): void {
  const fields = {
    method: req.method,
    path: (req.url ?? '').split('?')[0],
    status: res.statusCode,
    ms: Number((process.hrtime.bigint() - state.startedAt) / 1000n) / 1000,
    reason: state.reason,
  };
  if (!res.writableFinished) state.log.warn(fields, 'request aborted by client');
  else if (res.statusCode >= 500) state.log.error(fields, 'request completed');
  else if (res.statusCode >= 400) state.log.warn(fields, 'request completed');
  // Health probes come every few seconds; keep them out of the info stream.
  else if (fields.path === '/healthz') state.log.debug(fields, 'request completed');
  else state.log.info(fields, 'request completed');
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
}

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
