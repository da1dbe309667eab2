import { parseFileSettings, type FileSettings } from '../../../src/config/files';
import { downloadFile } from '../../../src/teams/input/file-download';
import {
  bytesRoute,
  redirectRoute,
  silentRoute,
  startFileServer,
  streamRoute,
  type FileServer,
} from '../../helpers/file-server';

describe('downloading a file Teams handed the bot', () => {
  let allowed: FileServer;
  let elsewhere: FileServer;
  let settings: FileSettings;
  const streamed = streamRoute(50 * 1024 * 1024);
  const body = Buffer.from('<run-history><run-details/></run-history>');

  beforeAll(async () => {
    elsewhere = await startFileServer({ '/secret': bytesRoute(Buffer.from('internal data')) });
    allowed = await startFileServer({
      '/run.xml': bytesRoute(body),
      '/hop': redirectRoute('/run.xml'),
      '/away': redirectRoute(`${elsewhere.origin}/secret`),
      '/loop': redirectRoute('/loop'),
      '/declared-big': bytesRoute(Buffer.alloc(2048, 0x61)),
      '/streamed-big': streamed,
      '/silent': silentRoute,
    });
    settings = parseFileSettings(
      (name) =>
        ({
          FILE_DOWNLOAD_HOSTS: allowed.hostRule,
          FILE_MAX_MB: '0.001',
          FILE_DOWNLOAD_TIMEOUT_SECONDS: '0.5',
        })[name],
    );
  });
  afterAll(async () => {
    await allowed.close();
    await elsewhere.close();
  });
  beforeEach(() => {
    allowed.hits.length = 0;
    elsewhere.hits.length = 0;
  });

  it('reads the bytes from a listed host, following a redirect on it', async () => {
    const direct = await downloadFile(`${allowed.origin}/run.xml`, settings);
    const redirected = await downloadFile(`${allowed.origin}/hop`, settings);
    for (const result of [direct, redirected]) {
      expect(result.ok && Buffer.from(result.bytes).equals(body)).toBe(true);
    }
    expect(allowed.hits).toEqual(['/run.xml', '/hop', '/run.xml']);
  });

  it('sends no request to a host that is not listed, neither first nor after a redirect', async () => {
    expect(await downloadFile(`${elsewhere.origin}/secret`, settings)).toEqual({
      ok: false,
      reason: 'host-refused',
    });
    expect(await downloadFile(`${allowed.origin}/away`, settings)).toEqual({
      ok: false,
      reason: 'host-refused',
    });
    expect(await downloadFile('not a url', settings)).toEqual({ ok: false, reason: 'host-refused' });
    expect(elsewhere.hits).toEqual([]);
  });

  it('refuses a file over the limit by its declared length, and a streamed one as soon as it passes the limit', async () => {
    expect(await downloadFile(`${allowed.origin}/declared-big`, settings)).toEqual({
      ok: false,
      reason: 'too-large',
    });
    expect(await downloadFile(`${allowed.origin}/streamed-big`, settings)).toEqual({
      ok: false,
      reason: 'too-large',
    });
    // 50 MB were on offer: the reader stopped long before the server could send them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(streamed.written()).toBeLessThan(10 * 1024 * 1024);
  });

  it('gives up on a silent host after the timeout, and on redirect loops and errors', async () => {
    expect(await downloadFile(`${allowed.origin}/silent`, settings)).toEqual({
      ok: false,
      reason: 'timeout',
    });
    expect(await downloadFile(`${allowed.origin}/loop`, settings)).toEqual({ ok: false, reason: 'failed' });
    expect(await downloadFile(`${allowed.origin}/missing`, settings)).toEqual({
      ok: false,
      reason: 'failed',
    });
    expect(allowed.hits.filter((path) => path === '/loop')).toHaveLength(4);
  });
});
