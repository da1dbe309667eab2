import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from './config';
import { loggerFromTurn, type Logger } from './logger';

// Taken from the constructor so we need no direct dependency on botframework-connector.
type AuthArgs = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>;
export type ServiceClientCredentialsFactory = NonNullable<AuthArgs[1]>;
export type AuthenticationConfiguration = NonNullable<AuthArgs[2]>;

export type TurnErrorHandler = (context: TurnContext, error: unknown) => Promise<void>;

export interface AdapterOptions {
  /** Replaces the password/certificate credentials (tests stub outbound tokens with it). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Inbound token rules, e.g. required endorsements; botbuilder's default requires none. */
  authConfiguration?: AuthenticationConfiguration;
}

/**
 * The CloudAdapter with the standard botbuilder settings. Its turn-error hook logs the error once
 * (with the request's logger when the server stored one) and then runs `onTurnError`; a failure in
 * that callback is logged and swallowed, because a rethrow would turn into a 500 carrying the
 * error message.
 */
export function createAdapter(
  config: Pick<AppConfig, 'botFrameworkAuth'>,
  logger: Logger,
  onTurnError: TurnErrorHandler,
  options: AdapterOptions = {},
): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.botFrameworkAuth as ConfigurationBotFrameworkAuthenticationOptions,
    options.credentialsFactory,
    options.authConfiguration,
  );
  const adapter = new CloudAdapter(auth);
  // Teams shows "typing…" when a turn takes longer than half a second.
  adapter.use(new ShowTypingMiddleware(500, 2000));

  adapter.onTurnError = async (context: TurnContext, error: unknown): Promise<void> => {
    const log = loggerFromTurn(context, logger);
    log.error({ err: error, ...describeTurn(context) }, 'turn failed');
    try {
      await onTurnError(context, error);
    } catch (handlerError) {
      log.error({ err: handlerError, ...describeTurn(context) }, 'turn error handler failed');
    }
  };
  return adapter;
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
