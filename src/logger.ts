import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { AppConfig } from './config';

export type Logger = pino.Logger;

/**
 * Key under which the server stores the per-request child logger in `context.turnState`, so bot code
 * logs with the request id. A symbol cannot collide with botbuilder's own string keys.
 */
export const LOGGER_KEY: unique symbol = Symbol('mim-sync-doctor.logger');

/** Secret-bearing paths removed from every log line, wherever a caller nests them. */
const REDACT_PATHS = [
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'password',
  '*.password',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'CertificatePrivateKey',
  '*.CertificatePrivateKey',
  'botFrameworkAuth',
  '*.botFrameworkAuth',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
];

/**
 * Error properties that can carry credentials or user data: the connector's RestError keeps the
 * outgoing request (with its `Authorization: Bearer ...` header) and the raw response; botbuilder's
 * DialogContextError carries the dialog state, which holds pieces of what the user wrote.
 */
const UNSAFE_ERROR_KEYS = [
  'request',
  'response',
  'config',
  'headers',
  'options',
  'credentials',
  'dialogContext',
];

function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return scrubError({ ...pino.stdSerializers.err(value) }, 0);
}

/** Removes the unsafe keys here and in wrapped errors (`error`, `cause`, ...), a few levels deep. */
function scrubError(serialized: Record<string, unknown>, depth: number): Record<string, unknown> {
  for (const key of UNSAFE_ERROR_KEYS) delete serialized[key];
  if (depth >= 4) return serialized;
  for (const [key, nested] of Object.entries(serialized)) {
    if (typeof nested === 'object' && nested !== null && !Array.isArray(nested) && 'message' in nested) {
      serialized[key] = scrubError({ ...(nested as Record<string, unknown>) }, depth + 1);
    }
  }
  return serialized;
}

export interface LoggerOptions {
  /** Where lines go; stdout when omitted. Tests pass a stream to read the lines back. */
  destination?: pino.DestinationStream;
}

/** The process logger: JSON lines, level from configuration, secrets redacted. */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, options: LoggerOptions = {}): Logger {
  const pinoOptions: pino.LoggerOptions = {
    level: config.logLevel,
    base: { name: 'mim-sync-doctor' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
  };
  return options.destination ? pino(pinoOptions, options.destination) : pino(pinoOptions);
}

/** Accepts a caller's request id only if it is short and harmless to echo and log. */
export function sanitizeRequestId(candidate: string | string[] | undefined): string | undefined {
  const value = Array.isArray(candidate) ? candidate[0] : candidate;
  return value !== undefined && /^[A-Za-z0-9._:@-]{1,128}$/.test(value) ? value : undefined;
}

/** A fresh request id for requests that bring none (or an unusable one). */
export function newRequestId(): string {
  return randomUUID();
}

/** A child logger whose every line carries the request id. */
export function requestLogger(logger: Logger, requestId: string): Logger {
  return logger.child({ reqId: requestId });
}

/** Minimal view of a TurnContext, so this module needs no botbuilder import. */
export interface HasTurnState {
  turnState: { get(key: unknown): unknown };
}

/** The request's logger stored under LOGGER_KEY, else the given fallback. */
export function loggerFromTurn(context: HasTurnState, fallback: Logger): Logger {
  const stored = context.turnState.get(LOGGER_KEY);
  return isLogger(stored) ? stored : fallback;
}

function isLogger(value: unknown): value is Logger {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Logger>).error === 'function' &&
    typeof (value as Partial<Logger>).child === 'function'
  );
}
