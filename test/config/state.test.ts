import { START_DEFAULTS, describeConfig, loadConfig } from '../../src/config';
import { configError } from '../helpers/config-error';

/** The state-store settings (issue 7): STORAGE, DATA_DIR, STATE_TTL_HOURS, AZURE_STORAGE_*. */

const CONNECTION =
  'DefaultEndpointsProtocol=https;AccountName=fakeaccount;AccountKey=ZmFrZS1rZXk=;EndpointSuffix=core.windows.net';

describe('state settings', () => {
  it('defaults: memory for loadConfig alone, the durable file store for npm start', () => {
    expect(loadConfig({}).storage).toBe('memory');
    const started = loadConfig({}, START_DEFAULTS);
    expect(started.storage).toBe('file');
    expect(started.dataDir).toBe('data');
    expect(started.stateTtlHours).toBe(720);
    expect(started.azureStorageContainer).toBe('mim-sync-doctor');
    // An explicit STORAGE wins over the start default.
    expect(loadConfig({ STORAGE: 'memory' }, START_DEFAULTS).storage).toBe('memory');
  });

  it('takes STORAGE (any case), DATA_DIR and STATE_TTL_HOURS (0 keeps state forever)', () => {
    const config = loadConfig({
      STORAGE: 'FILE',
      DATA_DIR: '/var/lib/mim-sync-doctor',
      STATE_TTL_HOURS: '0',
    });
    expect(config.storage).toBe('file');
    expect(config.dataDir).toBe('/var/lib/mim-sync-doctor');
    expect(config.stateTtlHours).toBe(0);
  });

  it('takes the blob settings', () => {
    const config = loadConfig({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: CONNECTION,
      AZURE_STORAGE_CONTAINER: 'bot-state-1',
    });
    expect(config.storage).toBe('blob');
    expect(config.azureStorageConnectionString).toBe(CONNECTION);
    expect(config.azureStorageContainer).toBe('bot-state-1');
  });

  it.each([
    [{ STORAGE: 'redis' }, 'STORAGE', /allowed values are memory, file, blob/],
    [{ STORAGE: 'blob' }, 'AZURE_STORAGE_CONNECTION_STRING', /required when STORAGE=blob/],
    [{ STATE_TTL_HOURS: '-1' }, 'STATE_TTL_HOURS', /whole number of hours/],
    [{ STATE_TTL_HOURS: '1.5' }, 'STATE_TTL_HOURS', /whole number of hours/],
    [{ AZURE_STORAGE_CONTAINER: 'Bot_State' }, 'AZURE_STORAGE_CONTAINER', /3-63 lower-case letters/],
    [{ AZURE_STORAGE_CONTAINER: 'ab' }, 'AZURE_STORAGE_CONTAINER', /3-63/],
    [{ AZURE_STORAGE_CONTAINER: 'a--b' }, 'AZURE_STORAGE_CONTAINER', /single hyphens/],
  ])('rejects %j with one line naming %s', (env, variable, message) => {
    const err = configError(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });

  it('never puts the connection string in the start-up summary', () => {
    const summary = describeConfig(
      loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION }),
    );
    expect(JSON.stringify(summary)).not.toContain('AccountKey');
    expect(summary).toMatchObject({
      storage: 'blob',
      azureStorageContainer: 'mim-sync-doctor',
      stateTtlHours: 720,
    });
  });
});
