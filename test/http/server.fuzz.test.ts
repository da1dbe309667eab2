import type { Activity } from 'botbuilder';
import { personalMessage } from '../helpers/activities';
import { startConnectorStub, type ConnectorStub } from '../helpers/connector-stub';
import {
  looksLikeLeak,
  postActivity,
  postRaw,
  startAuthenticatedEdgeBot,
  startEdgeBot,
  type EdgeHarness,
} from '../helpers/edge-harness';
import { Gen, makeCase, prng, type FuzzCase } from '../helpers/fuzz-cases';
import { guardNetwork, startOpenIdStub, type NetworkGuard, type OpenIdStub } from '../helpers/openid-stub';

/**
 * Deterministic fuzzing of POST /api/messages: a seeded PRNG mutates Teams-shaped activities (and
 * their raw bytes and headers) in ways real clients, broken proxies and attackers produce. Run in
 * local mode (no app id: everything reaches the parser and the bot) and with valid tokens (the
 * same bodies pass authentication). No 5xx, no leaked error text, no crash, and a normal turn works
 * afterwards.
 */

const REQUESTS_PER_MODE = 1200;
const SEED = 0x8badf00d;
const APP_ID = '00000000-0000-4000-8000-0000000a0b1d';

interface FuzzResult {
  total: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  fiveHundreds: string[];
  leaks: string[];
}

let connector: ConnectorStub;
let openId: OpenIdStub;
let network: NetworkGuard;
const crashes: unknown[] = [];
const onCrash = (err: unknown): void => void crashes.push(err);

beforeAll(async () => {
  network = guardNetwork();
  connector = await startConnectorStub();
  openId = await startOpenIdStub();
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});

afterAll(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  await connector.close();
  await openId.close();
  network.restore();
});

async function fuzz(
  h: EdgeHarness,
  seed: number,
  authorize?: (body: FuzzCase['body']) => string,
): Promise<FuzzResult> {
  const gen = new Gen(prng(seed));
  const seenIds: string[] = [];
  const result: FuzzResult = { total: 0, byStatus: {}, byKind: {}, fiveHundreds: [], leaks: [] };
  for (let i = 0; i < REQUESTS_PER_MODE; i++) {
    const fuzzCase = makeCase(gen, connector.serviceUrl, seenIds);
    const headers = { ...fuzzCase.headers };
    if (authorize) headers.authorization = authorize(fuzzCase.body);
    const body = typeof fuzzCase.body === 'string' ? fuzzCase.body : JSON.stringify(fuzzCase.body);
    const res = await postRaw(h.baseUrl, body, headers);
    const text = await res.text();
    result.total += 1;
    result.byStatus[res.status] = (result.byStatus[res.status] ?? 0) + 1;
    result.byKind[fuzzCase.kind] = (result.byKind[fuzzCase.kind] ?? 0) + 1;
    if (res.status >= 500)
      result.fiveHundreds.push(`#${i} ${fuzzCase.kind} -> ${res.status} ${text.slice(0, 100)}`);
    if (looksLikeLeak(text)) result.leaks.push(`#${i} ${fuzzCase.kind}: ${text.slice(0, 100)}`);
    if (i % 200 === 199) connector.reset();
  }
  return result;
}

async function expectNormalTurn(
  h: EdgeHarness,
  headersFor: (a: Partial<Activity>) => Record<string, string>,
): Promise<void> {
  connector.reset();
  const activity = personalMessage('PCNS logs event 6025 on the DC', {
    serviceUrl: connector.serviceUrl,
    userId: '29:fresh-user',
    userAadObjectId: '00000000-0000-4000-8000-00000000f00d',
  });
  activity.conversation = {
    ...(activity.conversation as object),
    id: 'a:fresh-conversation',
  } as Activity['conversation'];
  const res = await postActivity(h.baseUrl, activity, headersFor(activity));
  expect(res.status).toBe(200);
  const replies = await connector.waitFor(1);
  expect((replies[0]?.body as Partial<Activity>).type).toBe('message');
}

function report(mode: string, h: EdgeHarness, result: FuzzResult): void {
  const failures = h.logLines.filter((l) => l.includes('"msg":"turn failed"'));
  const turnFailures = failures.length;
  const causes = new Map<string, number>();
  for (const line of failures) {
    const { err } = JSON.parse(line) as { err?: { type?: string; message?: string; stack?: string } };
    const where = (err?.stack ?? '').split('\n').find((l) => l.includes('/src/')) ?? '';
    const cause = `${err?.type}: ${(err?.message ?? '').slice(0, 80)} ${where.trim()}`;
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
  process.stdout.write(
    `fuzz ${mode}: ${result.total} requests; statuses ${JSON.stringify(result.byStatus)}; ` +
      `kinds ${JSON.stringify(result.byKind)}; turn failures (apology sent) ${turnFailures}\n` +
      [...causes].map(([cause, n]) => `  ${n} x ${cause}\n`).join(''),
  );
}

describe('fuzzing POST /api/messages', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    // botbuilder prints some token failures with console.error itself.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    consoleError.mockRestore();
    expect(crashes).toEqual([]);
    expect(network.blocked).toEqual([]);
  });

  it(`local mode: ${REQUESTS_PER_MODE} malformed requests, no 5xx, no leaks, still serving`, async () => {
    const h = await startEdgeBot({ LOG_LEVEL: 'warn' });
    try {
      const result = await fuzz(h, SEED);
      report('local', h, result);
      expect(result.total).toBeGreaterThanOrEqual(1000);
      expect(result.fiveHundreds).toEqual([]);
      expect(result.leaks).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await expectNormalTurn(h, () => ({}));
    } finally {
      await h.close();
    }
  }, 120_000);

  it(`with valid tokens: ${REQUESTS_PER_MODE} malformed requests, no 5xx, no leaks, still serving`, async () => {
    const h = await startAuthenticatedEdgeBot(openId, { appId: APP_ID }, { LOG_LEVEL: 'warn' });
    const tokens = new Map<string, string>();
    const tokenFor = (serviceUrl: string): string => {
      let token = tokens.get(serviceUrl);
      if (!token) {
        token = openId.mint({ appId: APP_ID, serviceUrl });
        tokens.set(serviceUrl, token);
      }
      return token;
    };
    try {
      // The token matches the body's serviceUrl whenever it is a string, so the body is what gets tested.
      const result = await fuzz(h, SEED + 1, (body) => {
        const serviceUrl = typeof body === 'string' ? connector.serviceUrl : body.serviceUrl;
        return `Bearer ${tokenFor(typeof serviceUrl === 'string' ? serviceUrl : connector.serviceUrl)}`;
      });
      report('authenticated', h, result);
      expect(result.total).toBeGreaterThanOrEqual(1000);
      expect(result.fiveHundreds).toEqual([]);
      expect(result.leaks).toEqual([]);
      await expectNormalTurn(h, (a) => ({ authorization: `Bearer ${tokenFor(a.serviceUrl ?? '')}` }));
    } finally {
      await h.close();
    }
  }, 120_000);
});
