import { isLoopbackHost, parseHostRule, urlAllowed, type HostRule } from '../../src/lib/host-allowlist';

function rules(...texts: string[]): HostRule[] {
  return texts.map((text) => {
    const rule = parseHostRule(text);
    if (typeof rule === 'string') throw new Error(rule);
    return rule;
  });
}

const allowed = (list: HostRule[], url: string) => urlAllowed(list, new URL(url));

describe('which hosts a file may be fetched from', () => {
  const sharepoint = rules('*.sharepoint.com');

  it('"*." matches any subdomain, not the name itself nor a look-alike', () => {
    expect(allowed(sharepoint, 'https://contoso-my.sharepoint.com/personal/a/x.xml')).toBe(true);
    expect(allowed(sharepoint, 'https://a.b.sharepoint.com/x')).toBe(true);
    expect(allowed(sharepoint, 'https://sharepoint.com/x')).toBe(false);
    expect(allowed(sharepoint, 'https://evilsharepoint.com/x')).toBe(false);
    expect(allowed(sharepoint, 'https://contoso.sharepoint.com.evil.example/x')).toBe(false);
  });

  it('a plain name matches only itself, in any letter case', () => {
    const list = rules('Files.Contoso.Example');
    expect(allowed(list, 'https://files.contoso.example/x')).toBe(true);
    expect(allowed(list, 'https://x.files.contoso.example/x')).toBe(false);
  });

  it('without a port only the default port matches; with one, only that port', () => {
    expect(allowed(sharepoint, 'https://a.sharepoint.com:8443/x')).toBe(false);
    const local = rules('127.0.0.1:4321');
    expect(allowed(local, 'http://127.0.0.1:4321/f.xml')).toBe(true);
    expect(allowed(local, 'http://127.0.0.1:4322/f.xml')).toBe(false);
    expect(allowed(local, 'http://127.0.0.1/f.xml')).toBe(false);
  });

  it('http only on loopback; other schemes and URLs with credentials never', () => {
    expect(allowed(sharepoint, 'http://a.sharepoint.com/x')).toBe(false);
    expect(allowed(sharepoint, 'ftp://a.sharepoint.com/x')).toBe(false);
    expect(allowed(sharepoint, 'https://user:pw@a.sharepoint.com/x')).toBe(false);
    expect(allowed(rules('[::1]:8080'), 'http://[::1]:8080/x')).toBe(true);
  });

  it('refuses rules that are no host name or would cover a whole top-level domain', () => {
    for (const bad of ['*.com', 'https://x.example', 'a b.example', 'x.example:0', 'x.example:70000', '']) {
      expect(typeof parseHostRule(bad)).toBe('string');
    }
  });

  it('knows loopback names', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['10.0.0.1', 'localhost.example', '[::2]'].some(isLoopbackHost)).toBe(false);
  });
});
