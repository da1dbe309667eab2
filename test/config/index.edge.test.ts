import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/config/values';

/** The edge protection settings: tenants, support admins, rate limits, redelivery dedupe. */

describe('new settings', () => {
  it('have sensible defaults', () => {
    const config = loadConfig({});
    expect(config.allowUnauthenticated).toBe(false);
    expect(config.allowedTenantIds).toEqual([]);
    expect(config.supportAdminIds).toEqual([]);
    expect(config.rateLimitPerUser).toEqual({ messages: 10, windowSeconds: 30 });
    expect(config.rateLimitPerConversation).toEqual({ messages: 30, windowSeconds: 30 });
    expect(config.dedupeTtlSeconds).toBe(600);
  });

  it('parse their values', () => {
    const config = loadConfig({
      ALLOW_UNAUTHENTICATED: 'TRUE',
      ALLOWED_TENANT_IDS: '00000000-0000-4000-8000-00000000AAAA, 00000000-0000-4000-8000-00000000aaaa',
      RATE_LIMIT_PER_USER: '5/10s',
      RATE_LIMIT_PER_CONVERSATION: 'off',
      DEDUPE_TTL_SECONDS: '60',
    });
    expect(config.allowUnauthenticated).toBe(true);
    expect(config.allowedTenantIds).toEqual(['00000000-0000-4000-8000-00000000aaaa']);
    expect(config.rateLimitPerUser).toEqual({ messages: 5, windowSeconds: 10 });
    expect(config.rateLimitPerConversation).toBeNull();
    expect(config.dedupeTtlSeconds).toBe(60);
  });

  it.each([
    ['ALLOW_UNAUTHENTICATED', 'yes'],
    ['ALLOWED_TENANT_IDS', 'contoso.onmicrosoft.com'],
    ['SUPPORT_ADMIN_IDS', 'ada@contoso.com'],
    ['RATE_LIMIT_PER_USER', '10'],
    ['RATE_LIMIT_PER_USER', '0/30'],
    ['RATE_LIMIT_PER_CONVERSATION', 'lots'],
    ['DEDUPE_TTL_SECONDS', '0'],
  ])('reject %s=%s with a one-line ConfigError', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  });
});
