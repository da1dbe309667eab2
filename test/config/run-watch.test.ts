import { parseRunWatchSettings } from '../../src/config/run-watch';
import { ConfigError } from '../../src/config/values';

const settings = (env: Record<string, string>) => parseRunWatchSettings((name) => env[name]);
const SECRET = 'a-secret-of-sixteen-or-more';

describe('run-watch settings', () => {
  it('default to off, 25 MB, 120 requests a minute, quiet on success and completed-no-objects, English', () => {
    expect(settings({})).toEqual({
      keys: [],
      maxBytes: 25 * 1024 * 1024,
      perMinute: 120,
      quietResults: ['success', 'completed-no-objects'],
      lang: 'en',
    });
  });

  it('read keys as <key id>:<secret> pairs, one per MIM server', () => {
    const watch = settings({
      RUN_WATCH_KEYS: `mim-sync-01:${SECRET}, mim-sync-02:${SECRET}:with-colon`,
      RUN_WATCH_LANGUAGE: 'DA',
      RUN_WATCH_QUIET_RESULTS: 'success, completed-no-objects, completed-warnings',
    });
    expect(watch.keys).toEqual([
      { id: 'mim-sync-01', secret: SECRET },
      { id: 'mim-sync-02', secret: `${SECRET}:with-colon` },
    ]);
    expect(watch.lang).toBe('da');
    expect(watch.quietResults).toEqual(['success', 'completed-no-objects', 'completed-warnings']);
  });

  it.each([
    ['a key without a secret', { RUN_WATCH_KEYS: 'mim-sync-01' }, 'RUN_WATCH_KEYS'],
    ['a short secret', { RUN_WATCH_KEYS: 'mim-sync-01:short' }, 'shorter than 16'],
    ['a key listed twice', { RUN_WATCH_KEYS: `a:${SECRET},a:${SECRET}x` }, 'listed twice'],
    ['a key id with spaces', { RUN_WATCH_KEYS: `mim sync:${SECRET}` }, 'key id'],
    ['a language other than en or da', { RUN_WATCH_LANGUAGE: 'de' }, 'RUN_WATCH_LANGUAGE'],
    [
      'a quiet result that is no step result',
      { RUN_WATCH_QUIET_RESULTS: 'success;drop table' },
      'RUN_WATCH_QUIET_RESULTS',
    ],
    ['a size of 0 MB', { RUN_WATCH_MAX_MB: '0' }, 'RUN_WATCH_MAX_MB'],
  ])('refuse %s, naming the setting', (_what, env, message) => {
    expect(() => settings(env)).toThrow(ConfigError);
    expect(() => settings(env)).toThrow(message);
  });

  it('never put a secret into an error message', () => {
    let message = '';
    try {
      settings({ RUN_WATCH_KEYS: `ok:${SECRET},bad:tiny-secret` });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('bad');
    expect(message).not.toContain('tiny-secret');
    expect(message).not.toContain(SECRET);
  });
});
