import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response, type Server } from 'restify';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { GuardedCloudAdapter } from '../adapter/adapter';
import type { AppConfig } from '../config';
import { capSenderFields, checkActivityShape, fixTimestamps, isKnownActivityType } from './activity-shape';
import { readJsonBody } from './json-body';
import type { IngestAnswer } from './run-ingest';
import { MAX_JSON_DEPTH } from './safe-json';
import { LOGGER_KEY, newRequestId, requestLogger, sanitizeRequestId, type Logger } from '../logger';
import { VERSION } from '../version';

/** Bot Framework activities are small; Teams caps messages at about 28 KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Anything with a turn handler: an ActivityHandler, or a test double. */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/**
 * A slow sender (a few bytes a minute) would otherwise hold a connection for Node's default 300 s.
 * Activities are small and the Bot Service gives up after about 15 s; the turn itself is not limited.
 * Node checks every 30 s (restify creates the http server without connectionsCheckingInterval).
 */
const REQUEST_TIMEOUT_MS = 30_000;

/** The only Authorization scheme the Bot Service sends. */
const BEARER = /^Bearer [^\s]+$/i;

/** How long stop() waits for turns in flight; index.ts exits hard at 10 s, so leave room. */
const STOP_DEADLINE_MS = 8000;

export interface ServerOptions {
  config: AppConfig;
  adapter: GuardedCloudAdapter;
  bot: TurnRunner;
  logger: Logger;
  /** Defaults to MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** Defaults to MAX_JSON_DEPTH. */
  maxJsonDepth?: number;
  /** Time a client gets to send a whole request; defaults to REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  /** POST /api/runs (run-ingest.ts); without it the path answers 404. */
  runs?: (req: Request) => Promise<IngestAnswer>;
}

/** Turns in flight, so stop() can let them finish. */
interface Lifecycle {
  inFlight: number;
  draining: boolean;
  onIdle: Array<() => void>;
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
const lifecycles = new WeakMap<Server, Lifecycle>();

/**
 * The HTTP edge: POST /api/messages into the adapter, GET /healthz. Every error response is a small
 * JSON body `{ error }` with a fixed text: parser messages, adapter messages and stacks stay in the log.
 */
export function createServer(options: ServerOptions): Server {
  const { adapter, bot, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxJsonDepth = options.maxJsonDepth ?? MAX_JSON_DEPTH;
  const server = restify.createServer({
    name: 'mim-sync-doctor',
    log: logger.child({ component: 'restify' }) as unknown as NonNullable<restify.ServerOptions['log']>,
  });
  serverLoggers.set(server, logger);
  server.server.requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  server.server.headersTimeout = Math.min(server.server.headersTimeout, server.server.requestTimeout);
  const life: Lifecycle = { inFlight: 0, draining: false, onIdle: [] };
  lifecycles.set(server, life);

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
  // Load balancers and uptime checks often probe with HEAD: the same answer, without the body.
  server.head('/healthz', async (_req: Request, res: Response) => {
    res.setHeader('content-type', 'application/json');
    res.writeHead(200);
    res.end();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const state = stateOf(req, logger);
    if (life.draining) {
      // Requests on connections that were already open; the Bot Service retries elsewhere or later.
      state.reason = 'shutting down';
      res.setHeader('connection', 'close');
      res.setHeader('retry-after', '5');
      sendError(res, 503, 'shutting down');
      return;
    }
    life.inFlight += 1;
    try {
      await handleActivity(req, res, state);
    } finally {
      life.inFlight -= 1;
      if (life.inFlight === 0) life.onIdle.splice(0).forEach((wake) => wake());
    }
  });

  server.post('/api/runs', async (req: Request, res: Response) => {
    const state = stateOf(req, logger);
    if (!options.runs || life.draining) {
      state.reason = options.runs ? 'shutting down' : 'run watch is off';
      if (options.runs) res.setHeader('retry-after', '5');
      sendError(res, options.runs ? 503 : 404);
      return;
    }
    life.inFlight += 1;
    try {
      const answer = await options.runs(req);
      if (answer.status === 202) {
        state.log.info({ keyId: answer.keyId, ...answer.body, delivered: answer.delivered }, 'runs received');
        if (!answer.delivered) state.log.warn('runs stored, but there is no support channel to alert yet');
        res.send(202, answer.body);
        return;
      }
      state.reason = answer.reason;
      if (answer.closeConnection) res.setHeader('connection', 'close');
      if (answer.retryAfterS !== undefined) res.setHeader('retry-after', String(answer.retryAfterS));
      sendError(res, answer.status, answer.error);
    } finally {
      life.inFlight -= 1;
      if (life.inFlight === 0) life.onIdle.splice(0).forEach((wake) => wake());
    }
  });

  async function handleActivity(req: Request, res: Response, state: RequestState): Promise<void> {
    const { log } = state;
    if (!options.config.localMode && !BEARER.test(headerValue(req.headers.authorization))) {
      // Without a token nothing can pass authentication: refuse before reading up to 1 MB of body.
      state.reason = 'authentication: no bearer token';
      res.setHeader('connection', 'close');
      sendError(res, 401);
      return;
    }
    const body = await readJsonBody(req, maxBodyBytes, maxJsonDepth);
    if (!body.ok) {
      state.reason = body.reason;
      if (body.closeConnection) res.setHeader('connection', 'close');
      sendError(res, body.status, body.error);
      return;
    }
    if (body.droppedKeys > 0) {
      log.warn({ droppedKeys: body.droppedKeys }, 'dropped __proto__/constructor keys from the body');
    }
    const shape = checkActivityShape(body.value);
    if (!shape.ok) {
      state.reason = `not an activity: ${shape.problem}`;
      sendError(res, 400, shape.problem);
      return;
    }
    const activity = capSenderFields(fixTimestamps(shape.activity));

    const auth = await adapter.authenticate(activity, headerValue(req.headers.authorization));
    if (!auth.ok) {
      // The reason (which check failed) is for the log only; the caller learns nothing from the body.
      state.reason = `authentication: ${auth.reason}`;
      if (auth.status === 503) res.setHeader('retry-after', '10');
      sendError(res, auth.status);
      return;
    }

    if (!isKnownActivityType(activity.type)) {
      // Checked after authentication, so only the Bot Service learns which types we take.
      state.reason = 'unsupported activity type';
      sendError(res, 400, 'unsupported activity type');
      return;
    }

    let invokeResponse: InvokeResponse | undefined;
    try {
      invokeResponse = await adapter.processAuthenticated(
        auth.result,
        activity,
        async (context: TurnContext) => {
          context.turnState.set(LOGGER_KEY, log);
          await bot.run(context);
        },
        log,
      );
    } catch (err) {
      // Turn errors are handled by onTurnError; this is botbuilder failing around the turn.
      log.error({ err }, 'adapter failed to process the activity');
      sendError(res, 500);
      return;
    }
    sendInvokeResponse(res, invokeResponse, state);
  }

  return server;
}

/** Listens on config.host:config.port; resolves with the bound address (port 0 picks a free one). */
export function start(
  server: Server,
  config: Pick<AppConfig, 'port' | 'host' | 'localMode' | 'allowUnauthenticated'>,
): Promise<AddressInfo> {
  const logger = serverLoggers.get(server);
  if (config.localMode && !isLoopbackHost(config.host) && !config.allowUnauthenticated) {
    // Without MicrosoftAppId anyone who reaches the port can talk to the bot and pick its serviceUrl.
    return Promise.reject(
      new Error(
        `refusing to listen on ${config.host} without authentication: set MicrosoftAppId (and its ` +
          'credentials), or HOST=127.0.0.1, or ALLOW_UNAUTHENTICATED=true if this is really wanted',
      ),
    );
  }
  return new Promise<AddressInfo>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.removeListener('error', onError);
      const address = server.address() as AddressInfo;
      const endpoint = `http://${formatHost(address.address)}:${address.port}/api/messages`;
      if (config.localMode) {
        logger?.warn(
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

export interface StopOptions {
  /** How long turns in flight may take to finish; defaults to STOP_DEADLINE_MS. */
  deadlineMs?: number;
}

/**
 * Stops accepting connections, lets turns in flight finish (up to the deadline, then a warning is
 * logged), and closes the remaining connections.
 */
export async function stop(server: Server, options: StopOptions = {}): Promise<void> {
  const deadlineMs = options.deadlineMs ?? STOP_DEADLINE_MS;
  const life = lifecycles.get(server);
  const logger = serverLoggers.get(server);
  if (life) life.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive sockets would otherwise hold close() open until they time out.
  server.server.closeIdleConnections();

  const drained = await waitForIdle(life, deadlineMs);
  if (!drained) {
    logger?.warn({ inFlight: life?.inFlight, deadlineMs }, 'stop deadline reached with turns still running');
  }
  // Let the last responses (and any queued behind them on the same connection) flush, then close
  // the now idle keep-alive sockets; whatever is still open after a short grace is cut.
  await delay(50);
  server.server.closeIdleConnections();
  await Promise.race([closed, delay(250)]);
  server.server.closeAllConnections();
  await closed;
}

function waitForIdle(life: Lifecycle | undefined, deadlineMs: number): Promise<boolean> {
  if (!life || life.inFlight === 0) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), deadlineMs);
    life.onIdle.push(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Node joins repeated headers for most names; be safe with arrays anyway. */
function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

// ---- responses ----

/**
 * The adapter's answer: nothing for most activities, an invoke response (card actions) otherwise.
 * Invoke bodies are JSON objects, also with 4xx statuses, and must reach Teams as they are. An
 * invoke nobody handles comes back as 501: for the caller that is bad input, so it becomes a 400.
 */
function sendInvokeResponse(res: Response, response: InvokeResponse | undefined, state: RequestState): void {
  const status = response?.status ?? 200;
  const body: unknown = response?.body;
  if (status === 501) {
    state.reason = 'unsupported invoke';
    sendError(res, 400, 'unsupported activity');
    return;
  }
  if (status >= 400 && !isPlainObject(body)) {
    state.log.warn({ status }, 'adapter answered with an error');
    sendError(res, status);
    return;
  }
  if (body === undefined || body === null) {
    res.status(status);
    res.end();
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.send(status, body);
}

const ERROR_TEXT: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  406: 'not acceptable',
  413: 'payload too large',
  415: 'unsupported media type: send application/json',
  429: 'too many requests',
  501: 'not implemented',
  503: 'service unavailable',
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
  // 503 is ours on purpose (shutting down, signing keys unavailable): worth a warning, not an error.
  else if (res.statusCode >= 500 && res.statusCode !== 503) state.log.error(fields, 'request completed');
  else if (res.statusCode >= 400) state.log.warn(fields, 'request completed');
  // Health probes come every few seconds; keep them out of the info stream.
  else if (fields.path === '/healthz') state.log.debug(fields, 'request completed');
  else state.log.info(fields, 'request completed');
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
}

/** A configured HOST that only this machine can reach: loopback literals and `localhost`. */
function isLoopbackHost(host: string): boolean {
  return (
    host.toLowerCase() === 'localhost' ||
    /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i.test(host)
  );
}

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
