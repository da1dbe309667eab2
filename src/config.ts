import dotenv from 'dotenv';

/** State stores: memory (lost on restart), file (durable, one process), blob (Azure, several instances). */
const STORAGE_KINDS = ['memory', 'file', 'blob'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** Defaults that differ by entry point: `loadConfig` alone keeps memory, `npm start` passes START_DEFAULTS. */
export interface ConfigDefaults {
  storage?: StorageKind;
}

/** What src/index.ts (npm start) uses: state survives a restart unless STORAGE says otherwise. */
export const START_DEFAULTS: ConfigDefaults = { storage: 'file' };

/** App registration types botbuilder knows; the canonical spelling is what we hand on. */
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

/** pino's levels, plus 'silent' to switch logging off. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** US Government cloud marker understood by botbuilder; any other ChannelService needs explicit URLs. */
const GOV_CHANNEL_SERVICE = 'https://botframework.azure.us';

/**
 * Every key `ConfigurationBotFrameworkAuthentication` (and the credential factory it builds) reads,
 * spelled exactly as botbuilder 4.23 does (botbuilder-core/lib/configurationBotFrameworkAuthentication.js).
 */
export const BOT_FRAMEWORK_AUTH_KEYS = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'CertificateThumbprint',
  'CertificatePrivateKey',
  'ChannelService',
  'ValidateAuthority',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'OAuthUrl',
  'OAuthApiEndpoint',
  'ToBotFromChannelOpenIdMetadataUrl',
  'BotOpenIdMetadata',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'CallerId',
] as const;
export type BotFrameworkAuthKey = (typeof BOT_FRAMEWORK_AUTH_KEYS)[number];

/** Settings that switch botbuilder from its built-in clouds to explicitly given endpoints. */
const PARAMETERIZED_AUTH_KEYS: readonly BotFrameworkAuthKey[] = [
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'OAuthUrl',
  'OAuthApiEndpoint',
  'ToBotFromChannelOpenIdMetadataUrl',
  'BotOpenIdMetadata',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'CallerId',
];

/** A token-bucket limit: `messages` in a burst, refilled evenly over `windowSeconds`. */
export interface RateLimit {
  messages: number;
  windowSeconds: number;
}

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
}

/** A setting that stops the start. The message is one line naming the variable and what it accepts. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
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
  };
}

/** Quotes a user value for an error message, kept on one line and short. */
function shown(value: string): string {
  const quoted = JSON.stringify(value);
  return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
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

function oneOf<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  const match = allowed.find((candidate) => candidate === raw);
  if (match === undefined) {
    throw new ConfigError(
      name,
      `${name}=${shown(raw)} is not valid: allowed values are ${allowed.join(', ')}.`,
    );
  }
  return match;
}

function parseAppType(raw: string | undefined): { value: AppType; given: AppType | undefined } {
  // botbuilder compares case-insensitively and defaults to MultiTenant; we do the same, then canonicalise.
  if (raw === undefined) return { value: 'MultiTenant', given: undefined };
  const match = APP_TYPES.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
  if (match === undefined) {
    throw new ConfigError(
      'MicrosoftAppType',
      `MicrosoftAppType=${shown(raw)} is not valid: allowed values are ${APP_TYPES.join(', ')} (any case).`,
    );
  }
  return { value: match, given: match };
}

/** Catches, with one clear line, the combinations botbuilder would reject late or with an assert. */
function checkCredentials(
  get: (name: string) => string | undefined,
  appType: { value: AppType; given: AppType | undefined },
  appId: string | undefined,
  tenantId: string | undefined,
): void {
  const password = get('MicrosoftAppPassword');
  const thumbprint = get('CertificateThumbprint');
  const privateKey = get('CertificatePrivateKey');
  const type = appType.value;

  if (appId === undefined) {
    if (appType.given !== undefined && type !== 'MultiTenant') {
      throw new ConfigError('MicrosoftAppId', `MicrosoftAppId is required when MicrosoftAppType is ${type}.`);
    }
    if (password !== undefined || thumbprint !== undefined || privateKey !== undefined) {
      throw new ConfigError(
        'MicrosoftAppId',
        'MicrosoftAppId is empty but credentials are set: set MicrosoftAppId too, or clear ' +
          'MicrosoftAppPassword/CertificateThumbprint/CertificatePrivateKey to run in local mode.',
      );
    }
    return;
  }

  if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && tenantId === undefined) {
    throw new ConfigError(
      'MicrosoftAppTenantId',
      `MicrosoftAppTenantId is required when MicrosoftAppType is ${type}: set it to the bot's Microsoft Entra tenant id.`,
    );
  }
  if ((thumbprint === undefined) !== (privateKey === undefined)) {
    throw new ConfigError(
      thumbprint === undefined ? 'CertificateThumbprint' : 'CertificatePrivateKey',
      'CertificateThumbprint and CertificatePrivateKey must be set together.',
    );
  }
  if (type === 'UserAssignedMSI') {
    if (password !== undefined) {
      throw new ConfigError(
        'MicrosoftAppPassword',
        'MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity signs in).',
      );
    }
    return;
  }
  if (password === undefined && thumbprint === undefined) {
    throw new ConfigError(
      'MicrosoftAppPassword',
      `MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is ${type} ` +
        '(or set CertificateThumbprint and CertificatePrivateKey).',
    );
  }
}

/** botbuilder throws at adapter construction for these; say it at start instead. */
function checkCloud(get: (name: string) => string | undefined): void {
  const validateAuthority = get('ValidateAuthority');
  if (validateAuthority !== undefined && !/^(true|false)$/i.test(validateAuthority)) {
    throw new ConfigError(
      'ValidateAuthority',
      `ValidateAuthority=${shown(validateAuthority)} is not valid: allowed values are true, false.`,
    );
  }
  const channelService = get('ChannelService');
  const parameterized = PARAMETERIZED_AUTH_KEYS.some((key) => get(key) !== undefined);
  if (channelService !== undefined && channelService !== GOV_CHANNEL_SERVICE && !parameterized) {
    throw new ConfigError(
      'ChannelService',
      `ChannelService=${shown(channelService)} is not valid: leave it empty for the public cloud or set ` +
        `${GOV_CHANNEL_SERVICE} (US Government), unless the ToChannelFromBot*/ToBotFromChannel* URLs are all set.`,
    );
  }
}

// ---- edge hardening settings (issue 8) ----

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (!/^(true|false)$/i.test(raw)) {
    throw new ConfigError(name, `${name}=${shown(raw)} is not valid: allowed values are true, false.`);
  }
  return raw.toLowerCase() === 'true';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Comma-separated GUIDs (tenant or object ids); a typo would silently lock everyone out, so check. */
function parseGuidList(name: string, raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const bad = ids.find((id) => !GUID.test(id));
  if (bad !== undefined) {
    throw new ConfigError(
      name,
      `${name} contains ${shown(bad)}, which is not a GUID: give comma-separated ids like 00000000-0000-0000-0000-000000000000.`,
    );
  }
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** `<messages>/<seconds>`, e.g. 10/30, or `off`. */
function parseRateLimit(name: string, raw: string | undefined, fallback: string): RateLimit | null {
  const value = (raw ?? fallback).toLowerCase();
  if (value === 'off') return null;
  const match = /^(\d{1,6})\/(\d{1,6})s?$/.exec(value);
  const messages = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || messages < 1 || windowSeconds < 1) {
    throw new ConfigError(
      name,
      `${name}=${shown(raw ?? '')} is not valid: give <messages>/<seconds> such as 10/30 (both at least 1), or off.`,
    );
  }
  return { messages, windowSeconds };
}

function parseSeconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const seconds = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= 1)) {
    throw new ConfigError(
      name,
      `${name}=${shown(raw)} is not valid: it must be a whole number of seconds, at least 1.`,
    );
  }
  return seconds;
}

// ---- state store settings (issue 7) ----

type StateSettings = Pick<
  AppConfig,
  'storage' | 'dataDir' | 'stateTtlHours' | 'azureStorageConnectionString' | 'azureStorageContainer'
>;

/** Azure's container name rules: 3-63 of a-z, 0-9 and single hyphens, starting and ending alphanumeric. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parseStateSettings(
  get: (name: string) => string | undefined,
  defaults: ConfigDefaults,
): StateSettings {
  const storage = oneOf(
    'STORAGE',
    get('STORAGE')?.toLowerCase(),
    STORAGE_KINDS,
    defaults.storage ?? 'memory',
  );
  const connectionString = get('AZURE_STORAGE_CONNECTION_STRING');
  if (storage === 'blob' && connectionString === undefined) {
    throw new ConfigError(
      'AZURE_STORAGE_CONNECTION_STRING',
      'AZURE_STORAGE_CONNECTION_STRING is required when STORAGE=blob: the storage account connection string (Access keys in the Azure portal).',
    );
  }
  const container = get('AZURE_STORAGE_CONTAINER') ?? 'mim-sync-doctor';
  if (!CONTAINER_NAME.test(container)) {
    throw new ConfigError(
      'AZURE_STORAGE_CONTAINER',
      `AZURE_STORAGE_CONTAINER=${shown(container)} is not valid: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.`,
    );
  }
  const ttlRaw = get('STATE_TTL_HOURS');
  const ttl = ttlRaw === undefined ? 720 : /^\d{1,6}$/.test(ttlRaw) ? Number(ttlRaw) : NaN;
  if (Number.isNaN(ttl)) {
    throw new ConfigError(
      'STATE_TTL_HOURS',
      `STATE_TTL_HOURS=${shown(ttlRaw ?? '')} is not valid: it must be a whole number of hours (0 keeps state forever).`,
    );
  }
  return {
    storage,
    dataDir: get('DATA_DIR') ?? 'data',
    stateTtlHours: ttl,
    azureStorageConnectionString: connectionString,
    azureStorageContainer: container,
  };
}

// ---- escalation settings (issue 6) ----

/** A Teams channel the bot posts case cards to: from SUPPORT_* settings, or registered in Teams. */
export interface SupportChannelSetting {
  /** The channel's id, `19:...@thread.tacv2`; a thread in it is `<id>;messageid=<root activity id>`. */
  channelId: string;
  serviceUrl: string;
  tenantId: string;
}

/** Someone the case card @mentions: a Teams user id (29:...) or an Entra object id, and the name shown. */
export interface SupportMention {
  id: string;
  name: string;
}

export interface EscalationSettings {
  /** SUPPORT_CHANNEL_ID + SUPPORT_SERVICE_URL + SUPPORT_TENANT_ID; null: use the channel registered in Teams. */
  supportChannel: SupportChannelSetting | null;
  /** SUPPORT_MENTION_IDS as `id|Name,id|Name`. */
  supportMentions: SupportMention[];
  /** CASE_RETENTION_DAYS: a case with no change for this long is deleted (default 90). */
  caseRetentionDays: number;
  /** HANDOFF_EVENT: also emit Bot Framework handoff.initiate (Teams answers it with 400; default off). */
  handoffEvent: boolean;
  /** OUTBOX_RETRY_BASE_MS: the first retry of a failed delivery waits up to this long (default 1000). */
  outboxRetryBaseMs: number;
}

const TEAMS_CHANNEL_ID = /^19:[^\s;/?#]{1,200}@thread\.(?:tacv2|skype)$/;
const MENTION_ID =
  /^(?:29:[A-Za-z0-9_.:-]{1,300}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function parseEscalationSettings(get: (name: string) => string | undefined): EscalationSettings {
  return {
    supportChannel: parseSupportChannel(get),
    supportMentions: parseMentions(get('SUPPORT_MENTION_IDS')),
    caseRetentionDays: parseWholeNumber('CASE_RETENTION_DAYS', get('CASE_RETENTION_DAYS'), 90, 1, 3650),
    handoffEvent: parseBoolean('HANDOFF_EVENT', get('HANDOFF_EVENT'), false),
    outboxRetryBaseMs: parseWholeNumber(
      'OUTBOX_RETRY_BASE_MS',
      get('OUTBOX_RETRY_BASE_MS'),
      1000,
      1,
      600_000,
    ),
  };
}

/** All three or none: a channel id without its service URL and tenant cannot be posted to. */
function parseSupportChannel(get: (name: string) => string | undefined): SupportChannelSetting | null {
  const channelId = get('SUPPORT_CHANNEL_ID');
  const serviceUrl = get('SUPPORT_SERVICE_URL');
  const tenantId = get('SUPPORT_TENANT_ID');
  if (channelId === undefined) {
    const stray =
      serviceUrl !== undefined ? 'SUPPORT_SERVICE_URL' : tenantId !== undefined ? 'SUPPORT_TENANT_ID' : null;
    if (stray)
      throw new ConfigError(stray, `${stray} is set but SUPPORT_CHANNEL_ID is not: set all three, or none.`);
    return null;
  }
  if (!TEAMS_CHANNEL_ID.test(channelId)) {
    throw new ConfigError(
      'SUPPORT_CHANNEL_ID',
      `SUPPORT_CHANNEL_ID=${shown(channelId)} is not valid: give a Teams channel id like 19:abc123@thread.tacv2 (Get link to channel shows it).`,
    );
  }
  if (serviceUrl === undefined || !/^https?:\/\/[^\s]+$/i.test(serviceUrl) || !URL.canParse(serviceUrl)) {
    throw new ConfigError(
      'SUPPORT_SERVICE_URL',
      `SUPPORT_SERVICE_URL${serviceUrl === undefined ? ' is required with SUPPORT_CHANNEL_ID' : `=${shown(serviceUrl)} is not valid`}: give the Teams service URL, e.g. https://smba.trafficmanager.net/emea/.`,
    );
  }
  const [tenant] = parseGuidList('SUPPORT_TENANT_ID', tenantId);
  if (tenant === undefined) {
    throw new ConfigError(
      'SUPPORT_TENANT_ID',
      'SUPPORT_TENANT_ID is required with SUPPORT_CHANNEL_ID: the tenant id (a GUID).',
    );
  }
  return { channelId, serviceUrl, tenantId: tenant };
}

function parseMentions(raw: string | undefined): SupportMention[] {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [id = '', name = '', ...rest] = entry.split('|').map((part) => part.trim());
      // The name goes inside <at>...</at> on the card: markup characters would break the mention.
      if (!MENTION_ID.test(id) || name === '' || name.length > 100 || /[<>&]/.test(name) || rest.length > 0) {
        throw new ConfigError(
          'SUPPORT_MENTION_IDS',
          `SUPPORT_MENTION_IDS contains ${shown(entry)}: give comma-separated id|Name pairs, the id a Teams user id (29:...) or an Entra object id.`,
        );
      }
      return { id, name };
    });
}

function parseWholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw new ConfigError(
      name,
      `${name}=${shown(raw)} is not valid: it must be a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}
