import { MemoryStorage, type Activity, type Storage, type StoreItems } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter, type AdapterOptions } from '../../src/adapter/adapter';
import { loadConfig, type AppConfig } from '../../src/config';
import { langFromLocale } from '../../src/i18n';
import { createLogger } from '../../src/logger';
import { createServer, start, stop } from '../../src/http/server';
import { createStorage } from '../../src/storage';
import { MimSyncDoctorBot, sendErrorCard } from '../../src/teams/bot';
import { useStarted } from './lifecycle';
import { stubCredentialsFactory, type OpenIdStub } from './openid-stub';

/** How often the bot touched state: tenant filter, dedupe and rate limit must leave these at 0. */
export interface StorageCalls {
  read: number;
  write: number;
  delete: number;
}

/** A store (MemoryStorage unless given another) that counts calls. */
export class CountingStorage implements Storage {
  readonly calls: StorageCalls = { read: 0, write: 0, delete: 0 };

  constructor(private readonly inner: Storage = new MemoryStorage()) {}

  read(keys: string[]): Promise<StoreItems> {
    this.calls.read += 1;
    return this.inner.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    this.calls.write += 1;
    return this.inner.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    this.calls.delete += 1;
    return this.inner.delete(keys);
  }
}

export interface EdgeHarness {
  baseUrl: string;
  server: Server;
  config: AppConfig;
  storage: CountingStorage;
  logLines: string[];
  close(): Promise<void>;
}

export interface EdgeBotOptions extends AdapterOptions {
  /**
   * Count calls to the store createStorage builds from the configuration (as src/index.ts does:
   * wrapped so that BotState saves on the eTag it read) instead of to a bare MemoryStorage.
   */
  storeFromConfig?: boolean;
}

/**
 * The production bot composed as src/index.ts does (environment -> loadConfig -> adapter with its
 * edge middleware -> MimSyncDoctorBot -> server), on a free loopback port, logs captured.
 */
export async function startEdgeBot(
  env: Record<string, string> = {},
  options: EdgeBotOptions = {},
): Promise<EdgeHarness> {
  const { storeFromConfig = false, ...adapterOptions } = options;
  const config: AppConfig = { ...loadConfig({ LOG_LEVEL: 'debug', ...env }), port: 0 };
  const logLines: string[] = [];
  const logger = createLogger(config, { destination: { write: (line: string) => void logLines.push(line) } });
  const storage = new CountingStorage(storeFromConfig ? createStorage(config) : undefined);
  const bot = new MimSyncDoctorBot(storage, { files: config.files });
  const adapter = createAdapter(
    config,
    logger,
    async (context) => {
      await sendErrorCard(context, langFromLocale(context.activity.locale));
    },
    adapterOptions,
  );
  const server = createServer({ config, adapter, bot, logger });
  const address = await start(server, config);
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    server,
    config,
    storage,
    logLines,
    close: () => stop(server),
  };
}

/**
 * A fresh startEdgeBot for each test of the file (or of the describe block it is called in),
 * closed after the test. Read it only while a test runs.
 */
export function useEdgeBot(env: Record<string, string> = {}, options: EdgeBotOptions = {}): EdgeHarness {
  return useStarted('test', () => startEdgeBot(env, options));
}

/**
 * startEdgeBot with Bot Framework authentication on: app id and secret set, tokens checked against
 * the OpenID stub, outbound credentials stubbed, listening on 127.0.0.1. `env` and `options` add to
 * or override those settings.
 */
export function startAuthenticatedEdgeBot(
  openId: Pick<OpenIdStub, 'authEnv'>,
  auth: { appId: string; secret?: string },
  env: Record<string, string> = {},
  options: EdgeBotOptions = {},
): Promise<EdgeHarness> {
  return startEdgeBot(
    { ...openId.authEnv(auth.appId, auth.secret), HOST: '127.0.0.1', ...env },
    { credentialsFactory: stubCredentialsFactory(auth.appId), ...options },
  );
}

export function postRaw(
  baseUrl: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, { method: 'POST', headers, body });
}

export function postActivity(
  baseUrl: string,
  activity: Partial<Activity> | Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postRaw(baseUrl, JSON.stringify(activity), { 'content-type': 'application/json', ...headers });
}

/** Error bodies are small fixed JSON: no stack, no parser or adapter text, nothing echoed back. */
export function looksLikeLeak(text: string): boolean {
  return /\n\s+at |Error:|Exception|Unexpected token|\.ts:\d|\.js:\d|node_modules|kaboom/.test(text);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
