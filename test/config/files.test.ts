import { parseFileSettings } from '../../src/config/files';
import { ConfigError } from '../../src/config/values';

const settings = (env: Record<string, string>) => parseFileSettings((name) => env[name]);

describe('file settings', () => {
  it('default to the SharePoint Online hosts of every cloud, 10 MB and 30 s', () => {
    const files = settings({});
    expect(files.downloadHosts.map((rule) => rule.host)).toEqual([
      'sharepoint.com',
      'sharepoint.us',
      'sharepoint-mil.us',
      'sharepoint.cn',
    ]);
    expect(files.downloadHosts.every((rule) => rule.subdomains && rule.port === null)).toBe(true);
    expect(files.maxBytes).toBe(10 * 1024 * 1024);
    expect(files.timeoutMs).toBe(30_000);
  });

  it('take a host list, a size and a timeout', () => {
    const files = settings({
      FILE_DOWNLOAD_HOSTS: '127.0.0.1:3999, *.files.example',
      FILE_MAX_MB: '0.5',
      FILE_DOWNLOAD_TIMEOUT_SECONDS: '2',
    });
    expect(files.downloadHosts).toEqual([
      { host: '127.0.0.1', subdomains: false, port: 3999 },
      { host: 'files.example', subdomains: true, port: null },
    ]);
    expect(files.maxBytes).toBe(524288);
    expect(files.timeoutMs).toBe(2000);
  });

  it('stop the start with the variable named when a value is wrong', () => {
    expect(() => settings({ FILE_DOWNLOAD_HOSTS: '*.com' })).toThrow(ConfigError);
    expect(() => settings({ FILE_DOWNLOAD_HOSTS: 'https://x.example' })).toThrow(/FILE_DOWNLOAD_HOSTS=/);
    expect(() => settings({ FILE_MAX_MB: '0' })).toThrow(/FILE_MAX_MB=/);
    expect(() => settings({ FILE_DOWNLOAD_TIMEOUT_SECONDS: 'soon' })).toThrow(
      /FILE_DOWNLOAD_TIMEOUT_SECONDS=/,
    );
  });
});
