import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config';
import { DedupeMiddleware } from './middleware/dedupe';
import { RateLimitMiddleware } from './middleware/rate-limit';
import { TenantFilter } from './middleware/tenant';
import { TypingIndicator } from './middleware/typing';
import { LOGGER_KEY, loggerFromTurn, type Logger } from '../logger';
import { keepEntityFields } from './entity-fields';
import { ReusingBotFrameworkAuthentication } from './reusing-auth';

// Taken from the constructor so we need no direct dependency on botframework-connector.
type AuthArgs = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>;
export type ServiceClientCredentialsFactory = NonNullable<AuthArgs[1]>;
export type AuthenticationConfiguration = NonNullable<AuthArgs[2]>;
export type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

export type TurnErrorHandler = (context: TurnContext, error: unknown) => Promise<void>;

export interface AdapterOptions {
  /** Replaces the password/certificate credentials (tests stub outbound tokens with it). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Inbound token rules, e.g. required endorsements; botbuilder's default requires none. */
  authConfiguration?: AuthenticationConfiguration;
}

/** What the edge settings of createAdapter read; AppConfig has them all. */
export type AdapterConfig = Pick<
  AppConfig,
  | 'botFrameworkAuth'
  | 'allowedTenantIds'
  | 'rateLimitPerUser'
  | 'rateLimitPerConversation'
  | 'dedupeTtlSeconds'
>;

export type AuthOutcome =
  { ok: true; result: AuthenticateRequestResult } | { ok: false; status: 401 | 503; reason: string };

/**
 * CloudAdapter with authentication split from processing. `CloudAdapter.process` answers a token
 * that fails jsonwebtoken's checks (bad signature, not yet valid) with 500 and the error text, and
 * prints the error with console.error; here every failed check is a 401 with a reason for the log.
 */
export class GuardedCloudAdapter extends CloudAdapter {
  /** The request's logger, handed to middleware through the activity object of the turn. */
  private readonly turnLoggers = new WeakMap<object, Logger>();
  /** Activities that came in over HTTP, as opposed to the bot's own proactive turns. */
  private readonly inbound = new WeakSet<object>();

  async authenticate(activity: Activity, authHeader: string): Promise<AuthOutcome> {
    // botbuilder validates "AseChannel" tokens against Microsoft's metadata URL whatever is configured.
    // A Teams bot never serves that channel, so refuse before anything is fetched.
    if (activity.channelId === 'AseChannel') {
      return { ok: false, status: 401, reason: 'AseChannel is not served' };
    }
    try {
      return {
        ok: true,
        result: await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader),
      };
    } catch (err) {
      return classifyAuthError(err);
    }
  }

  /** Runs middleware and bot for an authenticated activity; returns the invoke response, if any. */
  async processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
    log?: Logger,
  ): Promise<InvokeResponse | undefined> {
    if (log) this.turnLoggers.set(activity, log);
    this.inbound.add(activity);
    return this.processActivity(auth, activity, logic);
  }

  isInbound(activity: object): boolean {
    return this.inbound.has(activity);
  }

  loggerFor(activity: object): Logger | undefined {
    return this.turnLoggers.get(activity);
  }
}

/**
 * Signing keys that cannot be loaded are our outage, not the caller's fault: 503, so the Bot
 * Service retries. Every other failure (no token, bad signature, wrong audience or issuer, expired,
 * missing endorsement, malformed) is a 401.
 */
function classifyAuthError(err: unknown): { ok: false; status: 401 | 503; reason: string } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: unknown;
    message?: unknown;
    statusCode?: unknown;
    code?: unknown;
  };
  const message = typeof e.message === 'string' ? e.message : String(err);
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const keysUnavailable =
    (e.statusCode === 500 && /^Failed to load (openID config|Keys)/.test(message)) ||
    name === 'FetchError' ||
    (typeof e.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)$/.test(e.code));
  // Error texts never carry the token, but scrub anything JWT-shaped before it reaches a log.
  const reason = `${name}: ${message}`.replace(/eyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '[jwt]').slice(0, 300);
  return { ok: false, status: keysUnavailable ? 503 : 401, reason };
}

/**
 * The CloudAdapter with the standard botbuilder settings and the edge middleware, in this order:
 * request logger, tenant allow-list, redelivery dedupe, rate limits, typing indicator. The three
 * filters end a turn before the bot loads or saves any state, and apply to inbound activities only.
 *
 * Its turn-error hook logs the error once (with the request's logger) and then runs `onTurnError`;
 * a failure in that callback is logged and swallowed, because a rethrow would turn into a 500.
 */
export function createAdapter(
  config: AdapterConfig,
  logger: Logger,
  onTurnError: TurnErrorHandler,
  options: AdapterOptions = {},
): GuardedCloudAdapter {
  // Tag mentions and other entity fields must reach Teams (see entity-fields.ts).
  keepEntityFields();
  // Stock authentication; the connector clients it builds are reused across turns.
  const auth = new ReusingBotFrameworkAuthentication(
    config.botFrameworkAuth as ConfigurationBotFrameworkAuthenticationOptions,
    options.credentialsFactory,
    options.authConfiguration,
  );
  const adapter = new GuardedCloudAdapter(auth);
  adapter.use(
    {
      onTurn: (context, next) => {
        const log = adapter.loggerFor(context.activity);
        if (log) context.turnState.set(LOGGER_KEY, log);
        return next();
      },
    },
    inboundOnly(adapter, new TenantFilter(config.allowedTenantIds, logger)),
    inboundOnly(adapter, new DedupeMiddleware({ ttlMs: config.dedupeTtlSeconds * 1000 }, logger)),
    inboundOnly(
      adapter,
      new RateLimitMiddleware(
        { perUser: config.rateLimitPerUser, perConversation: config.rateLimitPerConversation },
        logger,
      ),
    ),
    // Teams shows "typing…" when a turn takes longer than half a second.
    new TypingIndicator(logger, 500, 2000),
  );

  adapter.onTurnError = async (context: TurnContext, error: unknown): Promise<void> => {
    // botbuilder may call this from a timer after the turn ended, when the context proxy is revoked
    // and every property read throws; then there is no one left to apologise to.
    if (!isLive(context)) {
      logger.warn({ err: error }, 'error after the turn ended');
      return;
    }
    const log = loggerFromTurn(context, logger);
    log.error({ err: error, ...describeTurn(context) }, 'turn failed');
    try {
      await onTurnError(context, error);
    } catch (handlerError) {
      log.error({ err: handlerError, ...describeTurn(context) }, 'turn error handler failed');
    }
    answerFailedInvoke(context);
  };
  return adapter;
}

/**
 * A failed invoke has no invoke response, and botbuilder then answers 501. The user already got the
 * apology; a card action gets the Universal Actions error shape, which Teams shows on the card.
 */
function answerFailedInvoke(context: TurnContext): void {
  if (context.activity?.type !== 'invoke' || context.turnState.get(INVOKE_RESPONSE_KEY)) return;
  const body =
    context.activity.name === 'adaptiveCard/action'
      ? {
          statusCode: 500,
          type: 'application/vnd.microsoft.error',
          value: { code: 'InternalError', message: 'Something went wrong. Please try again.' },
        }
      : undefined;
  context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: { status: 200, body } });
}

/**
 * Proactive turns (continueConversationAsync, createConversationAsync) run the same middleware;
 * their references may lack a tenant id and they are the bot's own doing, so only turns that came
 * in over HTTP are filtered.
 */
function inboundOnly(adapter: GuardedCloudAdapter, middleware: Middleware): Middleware {
  return {
    onTurn: (context, next) =>
      adapter.isInbound(context.activity) ? middleware.onTurn(context, next) : next(),
  };
}

function isLive(context: TurnContext): boolean {
  try {
    return context.activity !== undefined;
  } catch {
    return false;
  }
}

/** Identifiers that help find the conversation in question; no message text (it can hold user data). */
function describeTurn(context: TurnContext): Record<string, string | undefined> {
  const activity = context.activity;
  return {
    activityType: activity?.type,
    activityId: activity?.id,
    channelId: activity?.channelId,
    conversationId: activity?.conversation?.id,
  };
}
