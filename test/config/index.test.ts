import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { loadConfig, loadDotEnv, describeConfig } from '../../src/config';
import { configError } from '../helpers/config-error';

const CREDENTIALS = { MicrosoftAppId: 'fake-app-id', MicrosoftAppPassword: 'fake-password' };

describe('loadConfig defaults', () => {
  it('runs locally on 127.0.0.1:3978 with memory storage when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.localMode).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.storage).toBe('memory');
    expect(config.logLevel).toBe('info');
    expect(config.microsoftAppType).toBe('MultiTenant');
    expect(config.nodeEnv).toBe('development');
    expect(config.botFrameworkAuth).toEqual({});
  });

  it('treats empty values (Name= in .env) as not set', () => {
    const config = loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '  ', PORT: '', LOG_LEVEL: '' });
    expect(config.localMode).toBe(true);
    expect(config.port).toBe(3978);
    expect(config.botFrameworkAuth).toEqual({});
  });

  it('listens on all interfaces once an app id is configured', () => {
    const config = loadConfig(CREDENTIALS);
    expect(config.localMode).toBe(false);
    expect(config.host).toBe('0.0.0.0');
  });
});

describe('loadConfig honours settings', () => {
  it('takes HOST and PORT', () => {
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '8080' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
    expect(loadConfig({ ...CREDENTIALS, HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
  });

  it('accepts the app type in any case and outputs the canonical spelling', () => {
    const config = loadConfig({
      ...CREDENTIALS,
      MicrosoftAppType: 'singletenant',
      MicrosoftAppTenantId: 'fake-tenant',
    });
    expect(config.microsoftAppType).toBe('SingleTenant');
    expect(config.botFrameworkAuth.MicrosoftAppType).toBe('SingleTenant');
    expect(loadConfig({ ...CREDENTIALS, MicrosoftAppType: 'MULTITENANT' }).microsoftAppType).toBe(
      'MultiTenant',
    );
  });

  it('takes LOG_LEVEL, STORAGE and NODE_ENV', () => {
    const config = loadConfig({ LOG_LEVEL: 'DEBUG', STORAGE: 'memory', NODE_ENV: 'production' });
    expect(config.logLevel).toBe('debug');
    expect(config.storage).toBe('memory');
    expect(config.nodeEnv).toBe('production');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
  });

  it('passes the botbuilder authentication settings through unchanged', () => {
    const botbuilderSettings = {
      MicrosoftAppId: 'fake-app-id',
      MicrosoftAppPassword: 'fake-secret-value',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'fake-tenant-id',
      ChannelService: 'https://botframework.example.invalid',
      ValidateAuthority: 'false',
      ToChannelFromBotLoginUrl: 'http://127.0.0.1:1/login',
      ToChannelFromBotOAuthScope: 'https://api.example.invalid',
      ToBotFromChannelTokenIssuer: 'https://issuer.example.invalid',
      OAuthUrl: 'http://127.0.0.1:1/oauth',
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/openid',
      ToBotFromEmulatorOpenIdMetadataUrl: 'http://127.0.0.1:1/emulator-openid',
      CallerId: 'urn:botframework:fake',
    };
    const config = loadConfig({ ...botbuilderSettings, PORT: '4000', UNRELATED: 'x' });
    expect(config.botFrameworkAuth).toEqual(botbuilderSettings);
  });

  it('passes certificate credentials through', () => {
    const config = loadConfig({
      MicrosoftAppId: 'fake-app-id',
      CertificateThumbprint: 'FAKETHUMBPRINT',
      CertificatePrivateKey: 'fake-key',
    });
    expect(config.botFrameworkAuth).toEqual({
      MicrosoftAppId: 'fake-app-id',
      CertificateThumbprint: 'FAKETHUMBPRINT',
      CertificatePrivateKey: 'fake-key',
    });
  });

  it('keeps secrets out of the start-up summary', () => {
    const summary = JSON.stringify(describeConfig(loadConfig(CREDENTIALS)));
    expect(summary).not.toContain('fake-password');
    expect(summary).toContain('fake-app-id');
  });
});

describe('botFrameworkAuth is accepted by botbuilder', () => {
  it.each<[string, NodeJS.ProcessEnv]>([
    ['local mode', {}],
    ['MultiTenant', CREDENTIALS],
    [
      'SingleTenant',
      { ...CREDENTIALS, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'fake-tenant' },
    ],
    [
      'UserAssignedMSI',
      {
        MicrosoftAppId: 'fake-app-id',
        MicrosoftAppType: 'userassignedmsi',
        MicrosoftAppTenantId: 'fake-tenant',
      },
    ],
    ['US Government', { ...CREDENTIALS, ChannelService: 'https://botframework.azure.us' }],
  ])('%s', (_label, env) => {
    const { botFrameworkAuth } = loadConfig(env);
    expect(() => new ConfigurationBotFrameworkAuthentication(botFrameworkAuth)).not.toThrow();
  });
});

describe('loadConfig rejects bad values with one line naming the variable and what is allowed', () => {
  const cases: Array<[string, NodeJS.ProcessEnv, string, RegExp]> = [
    ['PORT=abc', { PORT: 'abc' }, 'PORT', /PORT="abc".*integer from 1 to 65535/],
    ['PORT=70000', { PORT: '70000' }, 'PORT', /PORT="70000".*integer from 1 to 65535/],
    ['PORT=0', { PORT: '0' }, 'PORT', /integer from 1 to 65535/],
    ['PORT=80.5', { PORT: '80.5' }, 'PORT', /integer from 1 to 65535/],
    [
      'MicrosoftAppType=Foo',
      { ...CREDENTIALS, MicrosoftAppType: 'Foo' },
      'MicrosoftAppType',
      /MicrosoftAppType="Foo".*MultiTenant, SingleTenant, UserAssignedMSI/,
    ],
    [
      'SingleTenant without tenant id',
      { ...CREDENTIALS, MicrosoftAppType: 'SingleTenant' },
      'MicrosoftAppTenantId',
      /MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant/,
    ],
    [
      'LOG_LEVEL=loud',
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL',
      /LOG_LEVEL="loud".*fatal, error, warn, info, debug, trace, silent/,
    ],
    ['STORAGE=redis', { STORAGE: 'redis' }, 'STORAGE', /STORAGE="redis".*allowed values are memory/],
    ['HOST with a space', { HOST: 'my host' }, 'HOST', /HOST=.*IP address or host name/],
    [
      'password without app id',
      { MicrosoftAppPassword: 'fake-password' },
      'MicrosoftAppId',
      /MicrosoftAppId is empty but credentials are set/,
    ],
    [
      'app id without password',
      { MicrosoftAppId: 'fake-app-id' },
      'MicrosoftAppPassword',
      /MicrosoftAppPassword is required/,
    ],
    [
      'UserAssignedMSI with a password',
      { ...CREDENTIALS, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'fake-tenant' },
      'MicrosoftAppPassword',
      /must be empty when MicrosoftAppType is UserAssignedMSI/,
    ],
    [
      'ValidateAuthority=maybe',
      { ValidateAuthority: 'maybe' },
      'ValidateAuthority',
      /allowed values are true, false/,
    ],
    [
      'unknown ChannelService',
      { ChannelService: 'https://elsewhere.invalid' },
      'ChannelService',
      /botframework\.azure\.us/,
    ],
  ];

  it.each(cases)('%s', (_label, env, variable, pattern) => {
    const error = configError(env);
    expect(error.name).toBe('ConfigError');
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(pattern);
    expect(error.message).not.toContain('\n');
  });

  it('never echoes a secret in an error', () => {
    const error = configError({ MicrosoftAppPassword: 'fake-password' });
    expect(error.message).not.toContain('fake-password');
  });
});

describe('loadDotEnv', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('loads a .env file without overriding variables that are already set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mim-config-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'MIM_TEST_FROM_FILE=file\nMIM_TEST_ALREADY_SET=file\n');
    process.env.MIM_TEST_ALREADY_SET = 'environment';
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      loadDotEnv({ path: file });
      expect(process.env.MIM_TEST_FROM_FILE).toBe('file');
      expect(process.env.MIM_TEST_ALREADY_SET).toBe('environment');
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('is fine without a .env file', () => {
    expect(() => loadDotEnv({ path: join(tmpdir(), 'mim-no-such-dir', '.env') })).not.toThrow();
  });
});
