/** Every setting, read from the environment and checked at start; one file per group of settings. */
import { parseFileSettings, type FileSettings } from './files';
import { parseRunWatchSettings, type RunWatchSettings } from './run-watch';
import dotenv from 'dotenv';
import {
  BOT_FRAMEWORK_AUTH_KEYS,
  checkCloud,
  checkCredentials,
  parseAppType,
  type AppType,
} from './bot-framework';
import { parseEscalationSettings, type EscalationSettings } from './escalation';
import { parseStateSettings, type ConfigDefaults, type StorageKind } from './state';
import {
  ConfigError,
  oneOf,
  parseBoolean,
  parseGuidList,
  parseRateLimit,
  parseSeconds,
  shown,
  type RateLimit,
} from './values';

/** What src/index.ts (npm start) uses: state survives a restart unless STORAGE says otherwise. */
export const START_DEFAULTS: ConfigDefaults = { storage: 'file' };

/** pino's levels, plus 'silent' to switch logging off. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  host: string;
  /** No MicrosoftAppId: the adapter accepts unauthenticated requests, so we listen on loopback by default. */
  localMode: boolean;
  microsoftAppId: string | undefined;
  microsoftAppType: AppType;
  microsoftAppTenantId: string | undefined;
  logLevel: LogLevel;
  storage: StorageKind;
  /** DATA_DIR: folder of the file store (STORAGE=file), relative to the working directory or absolute. */
  dataDir: string;
  /** STATE_TTL_HOURS: conversation state not written for this long is deleted; 0 keeps it forever. */
  stateTtlHours: number;
  /** AZURE_STORAGE_CONNECTION_STRING (STORAGE=blob): holds the account key or SAS, never log it. */
  azureStorageConnectionString: string | undefined;
  /** AZURE_STORAGE_CONTAINER (STORAGE=blob). */
  azureStorageContainer: string;
  nodeEnv: string;
  /** Passed as is to ConfigurationBotFrameworkAuthentication; holds secrets, never log it. */
  botFrameworkAuth: Record<string, string | undefined>;
  /** ALLOW_UNAUTHENTICATED: local mode may listen on a non-loopback address. */
  allowUnauthenticated: boolean;
  /** ALLOWED_TENANT_IDS, lower-cased; empty means every tenant. */
  allowedTenantIds: string[];
  /** SUPPORT_ADMIN_IDS: Microsoft Entra object ids allowed to run support-admin commands, lower-cased. */
  supportAdminIds: string[];
  /** RATE_LIMIT_PER_USER / RATE_LIMIT_PER_CONVERSATION for message activities; null is off. */
  rateLimitPerUser: RateLimit | null;
  rateLimitPerConversation: RateLimit | null;
  /** DEDUPE_TTL_SECONDS: how long an activity id is remembered to drop Teams redeliveries. */
  dedupeTtlSeconds: number;
  /** Escalation to a support channel (issue 6); see parseEscalationSettings. */
  escalation: EscalationSettings;
  /** Files sent to the bot in a 1:1 chat; see src/config/files.ts. */
  files: FileSettings;
  /** Failed MIM runs posted to the support channel (POST /api/runs); see src/config/run-watch.ts. */
  runWatch: RunWatchSettings;
}

export interface DotEnvOptions {
  /** Path of the file; dotenv's default is `.env` in the working directory. */
  path?: string;
}

/**
 * Loads `.env` into process.env without printing anything. Real environment variables win over the
 * file. A missing file is fine (production sets the environment directly); an unreadable one is not.
 */
export function loadDotEnv(options: DotEnvOptions = {}): void {
  const result = dotenv.config({ path: options.path, quiet: true });
  const error = result.error as NodeJS.ErrnoException | undefined;
  if (error && error.code !== 'ENOENT') {
    throw new ConfigError('.env', `Cannot read ${options.path ?? '.env'}: ${error.message.split('\n')[0]}`);
  }
}

/** Reads and validates every setting. Pure: takes the environment, does not load .env itself. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): AppConfig {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    // `Name=` in a .env file means "not set", not "set to nothing".
    return value === undefined || value === '' ? undefined : value;
  };

  const microsoftAppId = get('MicrosoftAppId');
  const localMode = microsoftAppId === undefined;
  const appType = parseAppType(get('MicrosoftAppType'));
  const tenantId = get('MicrosoftAppTenantId');
  checkCredentials(get, appType, microsoftAppId, tenantId);
  checkCloud(get);

  const botFrameworkAuth: Record<string, string | undefined> = {};
  for (const key of BOT_FRAMEWORK_AUTH_KEYS) {
    const value = key === 'MicrosoftAppType' ? appType.given : get(key);
    if (value !== undefined) botFrameworkAuth[key] = value;
  }

  return {
    port: parsePort(get('PORT')),
    host: parseHost(get('HOST'), localMode),
    localMode,
    microsoftAppId,
    microsoftAppType: appType.value,
    microsoftAppTenantId: tenantId,
    logLevel: oneOf('LOG_LEVEL', get('LOG_LEVEL')?.toLowerCase(), LOG_LEVELS, 'info'),
    ...parseStateSettings(get, defaults),
    nodeEnv: get('NODE_ENV') ?? 'development',
    allowUnauthenticated: parseBoolean('ALLOW_UNAUTHENTICATED', get('ALLOW_UNAUTHENTICATED'), false),
    allowedTenantIds: parseGuidList('ALLOWED_TENANT_IDS', get('ALLOWED_TENANT_IDS')),
    supportAdminIds: parseGuidList('SUPPORT_ADMIN_IDS', get('SUPPORT_ADMIN_IDS')),
    rateLimitPerUser: parseRateLimit('RATE_LIMIT_PER_USER', get('RATE_LIMIT_PER_USER'), '10/30'),
    rateLimitPerConversation: parseRateLimit(
      'RATE_LIMIT_PER_CONVERSATION',
      get('RATE_LIMIT_PER_CONVERSATION'),
      '30/30',
    ),
    dedupeTtlSeconds: parseSeconds('DEDUPE_TTL_SECONDS', get('DEDUPE_TTL_SECONDS'), 600),
    escalation: parseEscalationSettings(get),
    files: parseFileSettings(get),
    runWatch: parseRunWatchSettings(get),
    botFrameworkAuth,
  };
}

/** A safe summary for the start-up log line: no secrets. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    port: config.port,
    host: config.host,
    localMode: config.localMode,
    microsoftAppId: config.microsoftAppId,
    microsoftAppType: config.microsoftAppType,
    microsoftAppTenantId: config.microsoftAppTenantId,
    logLevel: config.logLevel,
    storage: config.storage,
    dataDir: config.storage === 'file' ? config.dataDir : undefined,
    azureStorageContainer: config.storage === 'blob' ? config.azureStorageContainer : undefined,
    stateTtlHours: config.stateTtlHours,
    nodeEnv: config.nodeEnv,
    authSettings: Object.keys(config.botFrameworkAuth),
    allowUnauthenticated: config.allowUnauthenticated,
    allowedTenantIds: config.allowedTenantIds,
    supportAdmins: config.supportAdminIds.length,
    rateLimitPerUser: config.rateLimitPerUser,
    rateLimitPerConversation: config.rateLimitPerConversation,
    dedupeTtlSeconds: config.dedupeTtlSeconds,
    supportChannel: config.escalation.supportChannel ? 'configured' : 'registered in Teams, if any',
    supportMentions: config.escalation.supportMentions.length,
    caseRetentionDays: config.escalation.caseRetentionDays,
    handoffEvent: config.escalation.handoffEvent,
    outboxRetryBaseMs: config.escalation.outboxRetryBaseMs,
    fileDownloadHosts: config.files.downloadHosts.length,
    fileMaxBytes: config.files.maxBytes,
    // Key ids only: the secrets stay out of the log.
    runWatchKeys: config.runWatch.keys.map((k) => k.id),
    runWatchLanguage: config.runWatch.lang,
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 3978;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new ConfigError('PORT', `PORT=${shown(raw)} is not valid: it must be an integer from 1 to 65535.`);
  }
  return port;
}

function parseHost(raw: string | undefined, localMode: boolean): string {
  // Without credentials anyone who can reach the port can talk to the bot, so stay on loopback.
  if (raw === undefined) return localMode ? '127.0.0.1' : '0.0.0.0';
  if (!/^[A-Za-z0-9._:%-]+$/.test(raw) && !/^\[[0-9A-Fa-f:.%A-Za-z]+\]$/.test(raw)) {
    throw new ConfigError(
      'HOST',
      `HOST=${shown(raw)} is not valid: it must be an IP address or host name, e.g. 127.0.0.1 or 0.0.0.0.`,
    );
  }
  return raw.startsWith('[') ? raw.slice(1, -1) : raw;
}
