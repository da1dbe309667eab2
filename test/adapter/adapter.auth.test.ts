import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request as BotRequest,
  type Response as BotResponse,
} from 'botbuilder';
import { loadConfig } from '../../src/config';
import { FAKE, cardInvoke, personalMessage } from '../helpers/activities';
import { startConnectorStub, type ConnectorStub } from '../helpers/connector-stub';
import { startAuthenticatedEdgeBot, type EdgeHarness } from '../helpers/edge-harness';
import { freePort } from '../helpers/free-port';
import {
  EMULATOR_ISSUER,
  OUTBOUND_TOKEN,
  guardNetwork,
  startOpenIdStub,
  stubCredentialsFactory,
  type MintOptions,
  type NetworkGuard,
  type OpenIdStub,
} from '../helpers/openid-stub';

/**
 * Bot Framework authentication, offline and for real: botbuilder's own settings point at a local
 * OpenID metadata + JWKS server, tokens are RS256-signed with keys made for this run, and the bot
 * is composed as src/index.ts composes it (environment -> loadConfig -> storage -> adapter -> bot
 * -> server). Only the outbound credentials are stubbed.
 */

const APP_ID = '00000000-0000-4000-8000-0000000a0b1d';
const SECRET = 'test-secret-do-not-log';

let openId: OpenIdStub;
let connector: ConnectorStub;
let network: NetworkGuard;

/** The bot composed as src/index.ts composes it, with this file's app id and secret. */
function startAuthenticatedBot(extraEnv: Record<string, string> = {}): Promise<EdgeHarness> {
  return startAuthenticatedEdgeBot(openId, { appId: APP_ID, secret: SECRET }, extraEnv, {
    storeFromConfig: true,
  });
}

let h: EdgeHarness;
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  network = guardNetwork();
  openId = await startOpenIdStub();
  connector = await startConnectorStub();
  h = await startAuthenticatedBot();
});

afterAll(async () => {
  await h.close();
  await connector.close();
  await openId.close();
  network.restore();
});

beforeEach(() => {
  connector.reset();
  // botbuilder prints some JWT failures with console.error itself; keep the test output readable.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleError.mockRestore();
  // Nothing may have tried to reach a machine other than this one.
  expect(network.blocked).toEqual([]);
});

function mintFor(activity: Partial<Activity>, options: Partial<MintOptions> = {}): string {
  return openId.mint({ appId: APP_ID, serviceUrl: activity.serviceUrl ?? '', ...options });
}

function post(
  baseUrl: string,
  activity: Partial<Activity>,
  authorization: string | undefined,
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  return fetch(`${baseUrl}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
}

function message(text = 'PCNS logs event 6025 on the DC', extra: Partial<Activity> = {}): Partial<Activity> {
  return { ...personalMessage(text, { serviceUrl: connector.serviceUrl }), ...extra };
}

describe('a valid Bot Framework token', () => {
  it('is accepted: the turn runs and the reply reaches the connector with the outbound token', async () => {
    const activity = message();
    const res = await post(h.baseUrl, activity, `Bearer ${mintFor(activity)}`);
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply.path).toBe(
      `/v3/conversations/${encodeURIComponent(FAKE.personalConversationId)}/activities/${activity.id}`,
    );
    expect(reply.headers.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
    // botbuilder fetched our metadata and our keys, not Microsoft's.
    expect(openId.requests).toEqual(
      expect.arrayContaining(['/channel/.well-known/openidconfiguration', '/channel/keys']),
    );
  });

  it('is accepted for a card action (invoke), whose response goes back in the HTTP answer', async () => {
    const activity = cardInvoke('no-such-verb', {}, { serviceUrl: connector.serviceUrl });
    const res = await post(h.baseUrl, activity, `Bearer ${mintFor(activity)}`);
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(401);
  });
});

/** Each way a caller can get authentication wrong; all must end in a bare 401. */
const ATTACKS: ReadonlyArray<readonly [string, (activity: Partial<Activity>) => string | undefined]> = [
  ['no Authorization header', () => undefined],
  ['an empty Authorization header', () => ''],
  ['a token without the Bearer scheme', (a) => mintFor(a)],
  ['the Basic scheme', () => `Basic ${Buffer.from('user:pass').toString('base64')}`],
  ['a garbage bearer token', () => 'Bearer not-a-jwt'],
  ['a bearer token of three garbage parts', () => 'Bearer eyJhbGciOi.eyJpc3Mi.c2lnbmF0dXJl'],
  [
    'a token signed by a key the metadata does not publish (bad signature)',
    (a) => `Bearer ${mintFor(a, { key: 'attacker' })}`,
  ],
  ['a token whose signature was altered', (a) => `Bearer ${mintFor(a).slice(0, -6)}AAAAAA`],
  ['a token whose payload was altered after signing', (a) => `Bearer ${tamperPayload(mintFor(a))}`],
  ['a token naming an unknown key id', (a) => `Bearer ${mintFor(a, { kid: 'no-such-key' })}`],
  [
    'a token for another bot (wrong audience)',
    (a) => `Bearer ${mintFor(a, { audience: 'another-bot-app-id' })}`,
  ],
  ['a token from another issuer', (a) => `Bearer ${mintFor(a, { issuer: 'https://evil.example.invalid' })}`],
  ['an expired token (an hour ago)', (a) => `Bearer ${mintFor(a, { expiresIn: -3600 })}`],
  ['a token not valid for another hour', (a) => `Bearer ${mintFor(a, { notBefore: 3600, expiresIn: 7200 })}`],
  ['a token from a key without the msteams endorsement', (a) => `Bearer ${mintFor(a, { key: 'webchat' })}`],
  [
    'a token issued for another serviceUrl',
    (a) => `Bearer ${mintFor(a, { claims: { serviceurl: 'https://smba.example.invalid/other/' } })}`,
  ],
  [
    'an unsigned token (alg none)',
    (a) => `Bearer ${openId.mintUnsigned({ appId: APP_ID, serviceUrl: a.serviceUrl ?? '' })}`,
  ],
  [
    'an HS256 token keyed with the public key (algorithm confusion)',
    (a) => `Bearer ${openId.mintAlgorithmConfusion({ appId: APP_ID, serviceUrl: a.serviceUrl ?? '' })}`,
  ],
  [
    'an Emulator token for another app id',
    (a) =>
      `Bearer ${mintFor(a, {
        issuer: EMULATOR_ISSUER,
        audience: 'another-bot-app-id',
        claims: { ver: '1.0', appid: 'another-bot-app-id' },
      })}`,
  ],
  [
    'a skill (bot-to-bot) token',
    (a) =>
      `Bearer ${mintFor(a, { issuer: EMULATOR_ISSUER, claims: { ver: '2.0', azp: 'some-other-bot', appid: 'some-other-bot' } })}`,
  ],
];

function tamperPayload(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  claims.serviceurl = 'http://127.0.0.1:1/';
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('every request without a valid token gets a bare 401', () => {
  it.each(ATTACKS)('%s', async (_what, authorize) => {
    const activity = message('this text must not be answered');
    const res = await post(h.baseUrl, activity, authorize(activity));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    // Which check failed stays in the log: the body is the same fixed text every time.
    expect(await res.text()).toBe('{"error":"unauthorized"}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connector.activities).toHaveLength(0);
  });

  it('logs which check failed (without the token) for each refusal', async () => {
    const activity = message();
    const token = mintFor(activity, { key: 'attacker' });
    const res = await post(h.baseUrl, activity, `Bearer ${token}`);
    expect(res.status).toBe(401);
    const refusal = h.logLines.find((l) => l.includes('"status":401') && l.includes('invalid signature'));
    expect(refusal).toBeDefined();
    expect(h.logLines.join('\n')).not.toContain(token.split('.')[2]);
  });

  it('refuses the AseChannel before botbuilder could fetch Microsoft metadata for it', async () => {
    const activity = message('hello', { channelId: 'AseChannel' });
    const res = await post(h.baseUrl, activity, `Bearer ${mintFor(activity)}`);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('{"error":"unauthorized"}');
  });

  it('a valid token still works after all that', async () => {
    const activity = message();
    expect((await post(h.baseUrl, activity, `Bearer ${mintFor(activity)}`)).status).toBe(200);
    await connector.waitFor(1);
  });
});

describe('when the signing keys cannot be loaded', () => {
  it('answers 503 with Retry-After (our outage, the Bot Service retries), no error text', async () => {
    // A loopback port nobody listens on: the metadata fetch is refused at once.
    const closed = await freePort();
    const down = await startAuthenticatedBot({
      ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${closed}/.well-known/openidconfiguration`,
    });
    try {
      const activity = message();
      const res = await post(down.baseUrl, activity, `Bearer ${mintFor(activity)}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('10');
      expect(await res.text()).toBe('{"error":"service unavailable"}');
      // A request without a token is still a plain 401: nothing needs the keys for that.
      expect((await post(down.baseUrl, activity, undefined)).status).toBe(401);
    } finally {
      await down.close();
    }
  });
});

describe('why the server authenticates itself instead of calling CloudAdapter.process', () => {
  it('CloudAdapter.process answers a bad signature with 500 and the error text', async () => {
    const config = loadConfig(openId.authEnv(APP_ID, SECRET));
    const auth = new ConfigurationBotFrameworkAuthentication(
      config.botFrameworkAuth as ConfigurationBotFrameworkAuthenticationOptions,
      stubCredentialsFactory(APP_ID),
    );
    const adapter = new CloudAdapter(auth);
    const activity = message();
    const sent: { status?: number; body?: unknown } = {};
    const res: BotResponse = {
      socket: null,
      status: (code: number) => {
        sent.status = code;
        return res;
      },
      send: (body?: unknown) => {
        sent.body = body;
        return res;
      },
      header: () => res,
      end: () => res,
    };
    const req: BotRequest = {
      method: 'POST',
      headers: { authorization: `Bearer ${mintFor(activity, { key: 'attacker' })}` },
      body: activity,
    };
    await adapter.process(req, res, async () => undefined);
    // If botbuilder ever maps this to 401 itself, our own mapping is still right; this pins the reason.
    expect(sent.status).toBe(500);
    expect(String(sent.body)).toMatch(/invalid signature/);
  });
});

describe('tenants, with authentication on', () => {
  let tenantBot: EdgeHarness;
  const OTHER_TENANT = '00000000-0000-4000-8000-00000000beef';

  beforeAll(async () => {
    tenantBot = await startAuthenticatedBot({ ALLOWED_TENANT_IDS: FAKE.tenantId.toUpperCase() });
  });

  afterAll(async () => {
    await tenantBot.close();
  });

  it('answers the allowed tenant', async () => {
    const activity = message();
    expect((await post(tenantBot.baseUrl, activity, `Bearer ${mintFor(activity)}`)).status).toBe(200);
    await connector.waitFor(1);
  });

  it('ignores another tenant, even with a valid token, and logs it once', async () => {
    for (let i = 0; i < 3; i++) {
      const activity = {
        ...personalMessage('hello', { serviceUrl: connector.serviceUrl, tenantId: OTHER_TENANT }),
      };
      expect((await post(tenantBot.baseUrl, activity, `Bearer ${mintFor(activity)}`)).status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connector.activities).toHaveLength(0);
    const warnings = tenantBot.logLines.filter((l) => l.includes('tenant that is not allowed'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(OTHER_TENANT);
  });
});
