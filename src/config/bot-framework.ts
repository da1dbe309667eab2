/** The Bot Framework settings: app type, credentials and cloud, as botbuilder reads them. */
import { ConfigError, shown } from './values';

/** App registration types botbuilder knows; the canonical spelling is what we hand on. */
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

export type AppType = (typeof APP_TYPES)[number];

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

export function parseAppType(raw: string | undefined): { value: AppType; given: AppType | undefined } {
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
export function checkCredentials(
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
export function checkCloud(get: (name: string) => string | undefined): void {
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
