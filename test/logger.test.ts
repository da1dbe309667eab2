import type { Activity } from 'botbuilder';
import { personalMessage } from './helpers/activities';
import { startConnectorStub, type ConnectorStub } from './helpers/connector-stub';
import { postActivity, startAuthenticatedEdgeBot, type EdgeHarness } from './helpers/edge-harness';
import {
  OUTBOUND_TOKEN,
  guardNetwork,
  startOpenIdStub,
  type NetworkGuard,
  type OpenIdStub,
} from './helpers/openid-stub';

/**
 * What reaches the log: never a token or a secret, at any level; never the user's words at info or
 * above; the level comes from LOG_LEVEL; a failed turn is logged once, with its request id.
 */

const APP_ID = '00000000-0000-4000-8000-0000000a0b1d';
const SECRET = 'client-secret-value-7f3a9c';
const MARKER = 'zebra-quartz-marker-5521';
const FAILING_CONVERSATION = 'a:conversation-whose-replies-fail';

let openId: OpenIdStub;
let connector: ConnectorStub;
let network: NetworkGuard;

beforeAll(async () => {
  network = guardNetwork();
  openId = await startOpenIdStub();
  // Replies into one conversation fail, so a turn error (carrying the outbound request) gets logged.
  connector = await startConnectorStub((request) =>
    request.conversationId === FAILING_CONVERSATION
      ? { status: 400, body: { error: 'BadArgument' } }
      : undefined,
  );
});

afterAll(async () => {
  await connector.close();
  await openId.close();
  network.restore();
  expect(network.blocked).toEqual([]);
});

interface Line {
  level: number;
  msg?: string;
  reqId?: string;
  raw: string;
}

function parse(lines: string[]): Line[] {
  return lines.map((raw) => ({
    ...(JSON.parse(raw) as { level: number; msg?: string; reqId?: string }),
    raw,
  }));
}

async function runScenario(h: EdgeHarness): Promise<{ tokens: string[] }> {
  const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const activity = personalMessage(`${MARKER} PCNS logs event 6025 password hunter2`, {
      serviceUrl: connector.serviceUrl,
    });
    const good = openId.mint({ appId: APP_ID, serviceUrl: connector.serviceUrl });
    expect((await postActivity(h.baseUrl, activity, { authorization: `Bearer ${good}` })).status).toBe(200);

    const forged = openId.mint({ appId: APP_ID, serviceUrl: connector.serviceUrl, key: 'attacker' });
    const refused = personalMessage(`${MARKER} again`, { serviceUrl: connector.serviceUrl });
    expect((await postActivity(h.baseUrl, refused, { authorization: `Bearer ${forged}` })).status).toBe(401);

    const failing: Partial<Activity> = {
      ...personalMessage(`${MARKER} this turn fails`, { serviceUrl: connector.serviceUrl }),
      conversation: { id: FAILING_CONVERSATION, conversationType: 'personal', isGroup: false, name: '' },
    };
    const failingToken = openId.mint({ appId: APP_ID, serviceUrl: connector.serviceUrl });
    const res = await postActivity(h.baseUrl, failing, {
      authorization: `Bearer ${failingToken}`,
      'x-request-id': 'req-failing-turn',
    });
    expect(res.status).toBe(200);
    return { tokens: [good, forged, failingToken] };
  } finally {
    consoleError.mockRestore();
  }
}

describe('at LOG_LEVEL=trace', () => {
  let h: EdgeHarness;
  let lines: Line[];
  let tokens: string[];

  beforeAll(async () => {
    h = await startAuthenticatedEdgeBot(openId, { appId: APP_ID, secret: SECRET }, { LOG_LEVEL: 'trace' });
    ({ tokens } = await runScenario(h));
    lines = parse(h.logLines);
  });

  afterAll(async () => {
    await h.close();
  });

  it('logged something at every level used, so the checks below mean something', () => {
    expect(lines.some((l) => l.level === 30)).toBe(true);
    expect(lines.some((l) => l.level >= 40)).toBe(true);
  });

  it('never logs a token or a signature, inbound or outbound, at any level', () => {
    const all = h.logLines.join('\n');
    for (const token of tokens) {
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.split('.')[2]);
    }
    expect(all).not.toContain(OUTBOUND_TOKEN);
    expect(all).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  });

  it('never logs the app secret, at any level', () => {
    expect(h.logLines.join('\n')).not.toContain(SECRET);
  });

  it('never logs the message text at info or above', () => {
    const atInfo = lines.filter((l) => l.level >= 30).map((l) => l.raw);
    expect(atInfo.length).toBeGreaterThan(0);
    expect(atInfo.join('\n')).not.toContain(MARKER);
    expect(atInfo.join('\n')).not.toContain('hunter2');
  });

  it('keeps dialog state (pieces of what the user wrote) out of error lines', () => {
    expect(h.logLines.join('\n')).not.toContain('"dialogContext":');
  });

  it('logs the failed turn once, with its request id', () => {
    const failed = lines.filter((l) => l.msg === 'turn failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reqId).toBe('req-failing-turn');
  });
});

describe('the level comes from LOG_LEVEL', () => {
  it('at warn, no info lines are written', async () => {
    const h = await startAuthenticatedEdgeBot(
      openId,
      { appId: APP_ID, secret: SECRET },
      { LOG_LEVEL: 'warn' },
    );
    try {
      await runScenario(h);
      const lines = parse(h.logLines);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => l.level >= 40)).toBe(true);
    } finally {
      await h.close();
    }
  });
});
