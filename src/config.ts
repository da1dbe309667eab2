import dotenv from 'dotenv';

/** Storage back-ends that can be chosen today. Durable ones ('file', 'blob') are added here when they exist. */
export const STORAGE_KINDS = ['memory'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** App registration types botbuilder knows; the canonical spelling is what we hand on. */
export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

/** pino's levels, plus 'silent' to switch logging off. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
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
  nodeEnv: string;
  /** Passed as is to ConfigurationBotFrameworkAuthentication; holds secrets, never log it. */
  botFrameworkAuth: Record<string, string | undefined>;
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
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
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
    storage: oneOf('STORAGE', get('STORAGE')?.toLowerCase(), STORAGE_KINDS, 'memory'),
    nodeEnv: get('NODE_ENV') ?? 'development',
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
    nodeEnv: config.nodeEnv,
    authSettings: Object.keys(config.botFrameworkAuth),
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
