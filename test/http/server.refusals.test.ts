import { request } from 'node:http';
import type { Activity } from 'botbuilder';
import { personalMessage } from '../helpers/activities';
import { startConnectorStub, type ConnectorStub } from '../helpers/connector-stub';
import {
  postActivity,
  startAuthenticatedEdgeBot,
  startEdgeBot,
  type EdgeHarness,
} from '../helpers/edge-harness';
import { guardNetwork, startOpenIdStub, type NetworkGuard, type OpenIdStub } from '../helpers/openid-stub';

/**
 * Cheap refusals at the HTTP edge: with authentication on, a request without a bearer token is
 * refused before its body is read; sender names and locales are capped before the bot copies them
 * into replies; HEAD /healthz answers like GET.
 */

const APP_ID = '00000000-0000-4000-8000-0000000a0b1e';

let connector: ConnectorStub;
beforeAll(async () => {
  connector = await startConnectorStub();
});
afterAll(async () => {
  await connector.close();
});
beforeEach(() => connector.reset());

/**
 * Sends the headers of a 1 MB POST and only its first bytes, then waits for an answer: a server
 * that reads the body first never answers (it waits for the rest).
 */
function postHeadersOnly(
  baseUrl: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; closed: boolean }> {
  const url = new URL('/api/messages', baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024 - 1), ...headers },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer within 3 s: the server waited for the body'));
    }, 3000);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body, closed: res.headers.connection === 'close' });
        req.destroy();
      });
    });
    req.on('error', () => undefined);
    req.write('{"type":"message","text":"');
  });
}

describe('with authentication on', () => {
  let openId: OpenIdStub;
  let network: NetworkGuard;
  let h: EdgeHarness;
  beforeAll(async () => {
    network = guardNetwork();
    openId = await startOpenIdStub();
    h = await startAuthenticatedEdgeBot(openId, { appId: APP_ID, secret: 'test-secret-do-not-log' });
  });
  afterAll(async () => {
    await h.close();
    await openId.close();
    network.restore();
  });

  it.each([
    ['no Authorization header', {}],
    ['a Basic Authorization header', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a bare "Bearer"', { authorization: 'Bearer' }],
  ])('refuses %s with 401 before reading the body', async (_what, headers) => {
    const answer = await postHeadersOnly(h.baseUrl, headers);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: 'unauthorized' });
    expect(answer.closed).toBe(true);
    expect(h.logLines.some((l) => l.includes('no bearer token'))).toBe(true);
  });

  it('still reads the body of a request that carries a token (a bad one is refused after checking)', async () => {
    const res = await postActivity(h.baseUrl, personalMessage('hi', { serviceUrl: connector.serviceUrl }), {
      authorization: 'Bearer not-a-token',
    });
    expect(res.status).toBe(401);
    expect(h.logLines.filter((l) => l.includes('no bearer token'))).toHaveLength(3);
  });
});

describe('in local mode', () => {
  let h: EdgeHarness;
  beforeAll(async () => {
    h = await startEdgeBot();
  });
  afterAll(async () => {
    await h.close();
  });

  it('HEAD /healthz answers 200 like GET, without a body', async () => {
    const get = await fetch(`${h.baseUrl}/healthz`);
    const head = await fetch(`${h.baseUrl}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(await head.text()).toBe('');
  });

  it('a 10,000-character name is cut to 100 before it is copied into the reply', async () => {
    const activity = personalMessage('help', {
      serviceUrl: connector.serviceUrl,
      userName: 'A'.repeat(10_000),
    });
    expect((await postActivity(h.baseUrl, activity)).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    const sent = reply.body as Partial<Activity>;
    expect(sent.recipient?.name).toBe('A'.repeat(100));
  });

  it.each([
    ['a 5,000-character locale', 'x'.repeat(5000)],
    ['a locale that is no language tag', 'da-DK<script>'],
  ])('%s is dropped, not copied into the reply', async (_what, locale) => {
    const activity = personalMessage('help', { serviceUrl: connector.serviceUrl, locale });
    expect((await postActivity(h.baseUrl, activity)).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect((reply.body as Partial<Activity>).locale).toBeUndefined();
  });

  it('a Danish Teams locale is kept and answered in Danish', async () => {
    const activity = personalMessage('hjælp', { serviceUrl: connector.serviceUrl, locale: 'da-DK' });
    expect((await postActivity(h.baseUrl, activity)).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect((reply.body as Partial<Activity>).locale).toBe('da-DK');
  });
});
