/**
 * Which hosts the bot may fetch a file from. A rule is a host name, `*.` in front for any subdomain
 * (not the name itself), and an optional `:port`; without a port only the scheme's default port
 * matches. `https:` always; `http:` only on loopback, which is how tests serve files locally.
 */
export interface HostRule {
  /** Lower-case host name without the `*.`; an IPv6 address keeps its brackets. */
  host: string;
  subdomains: boolean;
  port: number | null;
}

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** One rule from its text, or the reason it is not one. */
export function parseHostRule(text: string): HostRule | string {
  let rest = text.trim().toLowerCase();
  const subdomains = rest.startsWith('*.');
  if (subdomains) rest = rest.slice(2);
  let port: number | null = null;
  const portMatch = /:(\d{1,5})$/.exec(rest);
  if (portMatch && !(rest.startsWith('[') && !rest.includes(']:'))) {
    port = Number(portMatch[1]);
    if (port < 1 || port > 65535) return `port ${portMatch[1]} is out of range`;
    rest = rest.slice(0, -portMatch[0].length);
  }
  if (!HOST_NAME.test(rest) && !IPV6.test(rest)) return `"${text.trim()}" is not a host name`;
  if (subdomains && !rest.includes('.'))
    return `"${text.trim()}" would match every host under a top-level domain`;
  return { host: rest, subdomains, port };
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

export function urlAllowed(rules: readonly HostRule[], url: URL): boolean {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) return false;
  // Credentials in a URL are never ours to send along.
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : url.port;
  return rules.some((rule) => {
    const hostMatches = rule.subdomains ? host.endsWith(`.${rule.host}`) : host === rule.host;
    if (!hostMatches) return false;
    return rule.port === null ? port === DEFAULT_PORTS[url.protocol] : port === String(rule.port);
  });
}
