import { MemoryStorage, type TurnContext } from 'botbuilder';
import { loadConfig } from '../../../src/config';
import { advise, emptyFacts } from '../../../src/diagnosis/advise';
import { getStep } from '../../../src/diagnosis/knowledge/steps';
import {
  classifyFailure,
  takeCase,
  resolveCase,
  type ClaimedDelivery,
  type EscalationCase,
} from '../../../src/escalation';
import { createLogger } from '../../../src/logger';
import { adviceView } from '../../../src/teams/views/advice-view';
import { parseCardAction } from '../../../src/teams/actions';
import { cardTemplateNames, expandCard, MAX_CARD_BYTES } from '../../../src/teams/views/cards';
import { caseCardView, caseFormView, noticeView, statsView } from '../../../src/teams/views/case-views';
import { parseCommand } from '../../../src/teams/commands';
import {
  createDeliverySender,
  DeliveryError,
  type ProactiveAdapter,
} from '../../../src/teams/escalation/deliveries';
import { EscalationDesk } from '../../../src/teams/escalation/desk';
import { welcomeView } from '../../../src/teams/views/message-views';
import { channelIdOf, isFromChannel, threadRootOf } from '../../../src/teams/escalation/support-channel';
import { FAKE, channelMessage, personalMessage } from '../../helpers/activities';
import { checkWithRenderer } from '../../helpers/adaptive-card-check';
import { configError } from '../../helpers/config-error';
import { CARD_SAMPLES } from '../../fixtures/card-samples';
import { largestCases, sampleCase } from '../../fixtures/case-samples';

const CHANNEL = '19:fake-support-channel@thread.tacv2';

describe('card payloads of the escalation buttons', () => {
  it.each([
    [{ verb: 'escalate' }, { verb: 'escalate' }],
    [
      { verb: 'escalate', step: 'pcns-6025' },
      { verb: 'escalate', step: 'pcns-6025' },
    ],
    [
      {
        verb: 'openCase',
        submissionId: '3f1c7a52-8d0e-4b7a-9c61-2f4e5d6a7b8c',
        description: 'x',
        impact: 'question',
      },
      {
        verb: 'openCase',
        submissionId: '3f1c7a52-8d0e-4b7a-9c61-2f4e5d6a7b8c',
        description: 'x',
        impact: 'question',
      },
    ],
    [
      { verb: 'openCase', submissionId: '3f1c7a52-8d0e', description: '', impact: '' },
      { verb: 'openCase', submissionId: '3f1c7a52-8d0e' },
    ],
    [
      { verb: 'takeCase', caseId: 'MSD-1001', takenBy: { id: '29:boss' } },
      { verb: 'takeCase', caseId: 'MSD-1001' },
    ],
    [
      { verb: 'resolveCase', caseId: 'MSD-1001', note: 'fixed' },
      { verb: 'resolveCase', caseId: 'MSD-1001', note: 'fixed' },
    ],
  ])('accepts %j as %j (extra fields dropped)', (data, expected) => {
    expect(parseCardAction(data)).toEqual(expected);
  });

  it.each([
    { verb: 'escalate', step: 'not-a-step' },
    { verb: 'openCase' },
    { verb: 'openCase', submissionId: 'short' },
    { verb: 'openCase', submissionId: '3f1c7a52-8d0e; drop', description: 'x', impact: 'question' },
    { verb: 'openCase', submissionId: '3f1c7a52-8d0e', impact: 'everything is on fire' },
    { verb: 'openCase', submissionId: '3f1c7a52-8d0e', description: 'x'.repeat(5000) },
    { verb: 'openCase', submissionId: '3f1c7a52-8d0e', description: { $gt: '' } },
    { verb: 'takeCase' },
    { verb: 'takeCase', caseId: '../ledger' },
    { verb: 'takeCase', caseId: 'MSD-1001 ' },
    { verb: 'resolveCase', caseId: 'MSD-1001', note: ['x'] },
  ])('refuses %j', (data) => {
    expect(parseCardAction(data)).toBeNull();
  });
});

describe('escalation commands', () => {
  it.each([
    ['escalate', 'escalate'],
    ['Eskalér', 'escalate'],
    ['eskaler', 'escalate'],
    ['escalate to support', 'escalate'],
    ['my cases', 'myCases'],
    ['Mine sager', 'myCases'],
    ['delete my data', 'deleteMyData'],
    ['slet mine data', 'deleteMyData'],
    ['open cases', 'openCases'],
    ['åbne sager', 'openCases'],
    ['stats', 'stats'],
    ['statistik', 'stats'],
    ['use this channel for escalations', 'useChannel'],
    ['brug kanalen til eskaleringer', 'useChannel'],
  ])('reads "%s" as %s', (text, id) => {
    expect(parseCommand(text)).toEqual({ id });
  });

  it.each(['please escalate this to my manager', 'delete my data and my colleagues data', 'open cases?!'])(
    'leaves "%s" alone',
    (text) => {
      expect(parseCommand(text)).toBeNull();
    },
  );
});

describe('escalation settings', () => {
  const channel = {
    SUPPORT_CHANNEL_ID: CHANNEL,
    SUPPORT_SERVICE_URL: 'https://smba.trafficmanager.net/emea/',
    SUPPORT_TENANT_ID: FAKE.tenantId.toUpperCase(),
  };

  it('has safe defaults: no channel, 90 days, no handoff event, 1 s first retry', () => {
    expect(loadConfig({}).escalation).toEqual({
      supportChannel: null,
      supportMentions: [],
      caseRetentionDays: 90,
      handoffEvent: false,
      outboxRetryBaseMs: 1000,
    });
  });

  it('reads the channel, mentions and numbers', () => {
    const config = loadConfig({
      ...channel,
      SUPPORT_MENTION_IDS: ` 29:1abc-def|Olga Oncall , ${FAKE.userAadObjectId}|Jens Jensen`,
      CASE_RETENTION_DAYS: '30',
      HANDOFF_EVENT: 'TRUE',
      OUTBOX_RETRY_BASE_MS: '250',
    });
    expect(config.escalation).toEqual({
      supportChannel: {
        channelId: CHANNEL,
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        tenantId: FAKE.tenantId,
      },
      supportMentions: [
        { id: '29:1abc-def', name: 'Olga Oncall' },
        { id: FAKE.userAadObjectId, name: 'Jens Jensen' },
      ],
      caseRetentionDays: 30,
      handoffEvent: true,
      outboxRetryBaseMs: 250,
    });
  });

  it.each([
    [{ SUPPORT_CHANNEL_ID: CHANNEL }, 'SUPPORT_SERVICE_URL', /required with SUPPORT_CHANNEL_ID/],
    [{ ...channel, SUPPORT_TENANT_ID: undefined }, 'SUPPORT_TENANT_ID', /required with SUPPORT_CHANNEL_ID/],
    [{ SUPPORT_SERVICE_URL: 'https://x/' }, 'SUPPORT_SERVICE_URL', /set all three, or none/],
    [{ ...channel, SUPPORT_CHANNEL_ID: 'General' }, 'SUPPORT_CHANNEL_ID', /19:abc123@thread.tacv2/],
    [{ ...channel, SUPPORT_SERVICE_URL: 'smba.example' }, 'SUPPORT_SERVICE_URL', /not valid/],
    [{ ...channel, SUPPORT_TENANT_ID: 'contoso' }, 'SUPPORT_TENANT_ID', /not a GUID/],
    [{ SUPPORT_MENTION_IDS: '29:abc' }, 'SUPPORT_MENTION_IDS', /id\|Name pairs/],
    [{ SUPPORT_MENTION_IDS: '29:abc|<b>Olga</b>' }, 'SUPPORT_MENTION_IDS', /id\|Name pairs/],
    [{ SUPPORT_MENTION_IDS: 'olga|Olga' }, 'SUPPORT_MENTION_IDS', /id\|Name pairs/],
    [{ CASE_RETENTION_DAYS: '0' }, 'CASE_RETENTION_DAYS', /from 1 to 3650/],
    [{ CASE_RETENTION_DAYS: '90d' }, 'CASE_RETENTION_DAYS', /from 1 to 3650/],
    [{ HANDOFF_EVENT: 'yes' }, 'HANDOFF_EVENT', /true, false/],
    [{ OUTBOX_RETRY_BASE_MS: '-5' }, 'OUTBOX_RETRY_BASE_MS', /whole number/],
  ])('refuses %j naming %s', (env, variable, message) => {
    const err = configError(env as NodeJS.ProcessEnv);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });
});

describe('where a click comes from', () => {
  const setting = { channelId: CHANNEL, serviceUrl: 'https://x/', tenantId: FAKE.tenantId };
  const inThread = (tenantId: string = FAKE.tenantId) =>
    channelMessage('x', {
      channelId: CHANNEL,
      conversationId: `${CHANNEL};messageid=1700000000001`,
      tenantId,
    });

  it('knows the support channel by conversation id and tenant, never by card data', () => {
    expect(isFromChannel(inThread(), setting)).toBe(true);
    expect(isFromChannel(inThread('00000000-0000-4000-8000-00000000ffff'), setting)).toBe(false);
    expect(
      isFromChannel(channelMessage('x', { conversationId: '19:other@thread.tacv2;messageid=1' }), setting),
    ).toBe(false);
    // A channel whose id merely starts with the support channel's id is another channel.
    const lookalike = channelMessage('x', { conversationId: `${CHANNEL.replace('@', 'x@')};messageid=1` });
    expect(isFromChannel(lookalike, setting)).toBe(false);
    expect(isFromChannel(personalMessage('x'), setting)).toBe(false);
  });

  it('reads the thread root and the channel of an activity', () => {
    expect(threadRootOf(`${CHANNEL};messageid=1700000000001`)).toBe('1700000000001');
    expect(threadRootOf(CHANNEL)).toBeNull();
    expect(channelIdOf(inThread())).toBe(CHANNEL);
    expect(channelIdOf(personalMessage('x'))).toBeNull();
  });
});

describe('case views', () => {
  it('every card has an English and a Danish sample', () => {
    const keys = new Set(CARD_SAMPLES.map((s) => `${s.name}-${s.lang}`));
    for (const name of cardTemplateNames()) {
      expect(keys).toContain(`${name}-en`);
      expect(keys).toContain(`${name}-da`);
    }
  });

  it('renders a real case for support and for the requester as valid cards', () => {
    const c = sampleCase();
    const support = expandCard(
      'case',
      caseCardView(c, { audience: 'support', mentions: [{ id: '29:x', name: 'Olga' }] }),
    );
    const requester = expandCard('case', caseCardView(c, { audience: 'requester' }));
    for (const card of [support, requester]) {
      expect(checkWithRenderer(card)).toEqual([]);
    }
    const text = JSON.stringify(support);
    expect(text).toContain('password=[REDACTED]');
    expect(text).not.toContain('Summer2024');
    expect(JSON.stringify(requester)).not.toContain('takeCase');
    expect(JSON.stringify(requester)).not.toContain('<at>');
  });

  it('keeps the largest case the store allows under the Teams size limit', () => {
    for (const c of largestCases()) {
      const card = expandCard('case', caseCardView(c, { audience: 'support' }));
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
      expect(checkWithRenderer(card)).toEqual([]);
    }
  });

  it('offers Take only while open and Resolve until resolved', () => {
    const c = sampleCase();
    const taken = takeCase(c, { id: '29:e', name: 'Bo' }, new Date()).case;
    const resolved = resolveCase(taken, { id: '29:e', name: 'Bo' }, 'done', new Date()).case;
    const verbs = (x: EscalationCase) => {
      const view = caseCardView(x, { audience: 'support' });
      return [...view.takeButtons, ...view.resolveButtons].map((b) => b.data.verb);
    };
    expect(verbs(c)).toEqual(['takeCase', 'resolveCase']);
    expect(verbs(taken)).toEqual(['resolveCase']);
    expect(verbs(resolved)).toEqual([]);
    expect(caseCardView(resolved, { audience: 'support' }).noteLabel).toBe('');
  });

  it('builds the form, the notices and the stats as valid cards in both languages', () => {
    const form = caseFormView({
      lang: 'da',
      findings: sampleCase().findings,
      steps: [{ step: 'run-error-codes', outcome: 'still-failing' }],
      messageCount: 2,
      submissionId: '3f1c7a52-8d0e-4b7a-9c61-2f4e5d6a7b8c',
    });
    expect(form.steps).toEqual([`1. ${getStep('run-error-codes').title.da}: fejler stadig`]);
    expect(form.impacts.map((i) => i.value)).toEqual(['all-runs-blocked', 'one-ma-failing', 'question']);
    const cards = [
      expandCard('case-form', form),
      expandCard(
        'message',
        noticeView(sampleCase(), { notice: 'failed', reason: 'notInChannel' }, 'summary'),
      ),
      expandCard('list', statsView({ steps: [], resolvedBy: [] }, 'en')),
    ];
    for (const card of cards) {
      expect(checkWithRenderer(card)).toEqual([]);
    }
  });

  it('puts the escalation commands on the help card and the button on advice only when cases can be opened', () => {
    expect(welcomeView('en', { escalation: true }).commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['escalate', 'my cases', 'delete my data']),
    );
    expect(welcomeView('da', { escalation: true }).commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['eskalér', 'mine sager', 'slet mine data']),
    );
    expect(welcomeView('en').commands.map((c) => c.title)).not.toContain('escalate');
    const advice = advise('run-error-codes', emptyFacts(), []);
    expect(
      adviceView(advice, { lang: 'en', shown: [], escalate: true }).buttons.map((b) => b.title),
    ).toContain('Escalate to support');
    expect(adviceView(advice, { lang: 'en', shown: [] }).buttons.map((b) => b.title)).not.toContain(
      'Escalate to support',
    );
  });
});

describe('the delivery sender', () => {
  const logger = createLogger({ logLevel: 'silent' });

  async function deskWithCase(): Promise<{ desk: EscalationDesk; c: EscalationCase }> {
    const desk = new EscalationDesk({
      store: new MemoryStorage(),
      settings: {
        ...loadConfig({}).escalation,
        supportChannel: { channelId: CHANNEL, serviceUrl: 'http://127.0.0.1:1/', tenantId: FAKE.tenantId },
      },
      supportAdminIds: [],
    });
    await desk.init();
    const input = sampleCase();
    const { case: c } = await desk.openCase(
      {
        requester: input.requester,
        lang: 'en',
        description: input.description,
        impact: input.impact,
        findings: input.findings,
        steps: input.steps,
        userMessages: [],
      },
      'submission-sender-1',
    );
    return { desk, c };
  }

  function claimed(
    kind: ClaimedDelivery['kind'],
    caseId: string,
    attempt: number,
    payload: unknown = null,
  ): ClaimedDelivery {
    return {
      kind,
      caseId,
      payload,
      target: { channelId: CHANNEL, serviceUrl: 'http://127.0.0.1:1/', tenantId: FAKE.tenantId },
      id: 'd1',
      dedupeKey: `${caseId}/${kind}`,
      attempt,
      attemptId: 'a1',
      leaseUntil: Date.now() + 60_000,
    };
  }

  /** A stand-in adapter that records calls; `swallow` mimics botbuilder handing a logic error to onTurnError. */
  function fakeAdapter(options: { swallow?: boolean; skip?: boolean } = {}) {
    const calls: string[] = [];
    const adapter: ProactiveAdapter = {
      createConversationAsync: async (...args: unknown[]) => {
        calls.push('create');
        const logic = args[5] as (ctx: TurnContext) => Promise<void>;
        await logic({
          activity: { conversation: { id: `${CHANNEL};messageid=1700000000009` } },
        } as TurnContext);
      },
      continueConversationAsync: async (...args: unknown[]) => {
        calls.push('continue');
        if (options.skip) return;
        const logic = args[args.length - 1] as (ctx: TurnContext) => Promise<void>;
        const ctx = {
          activity: {},
          sendActivity: () =>
            Promise.reject(
              Object.assign(new Error('Forbidden'), { statusCode: 403, code: 'BotNotInConversationRoster' }),
            ),
          updateActivity: () => Promise.resolve(),
        } as unknown as TurnContext;
        try {
          await logic(ctx);
        } catch (err) {
          if (!options.swallow) throw err;
        }
      },
    } as ProactiveAdapter;
    return { adapter, calls };
  }

  it('does not post a second case card when a repeat finds the first one recorded', async () => {
    const { desk, c } = await deskWithCase();
    await desk.cases.setDelivery(c.id, {
      supportActivityId: '1700000000001',
      supportConversationId: `${CHANNEL};messageid=1700000000001`,
    });
    const { adapter, calls } = fakeAdapter();
    const send = createDeliverySender({ adapter, botAppId: 'app', desk, mentions: [], logger });
    expect(await send(claimed('case-card', c.id, 2))).toEqual({
      activityId: '1700000000001',
      conversationId: `${CHANNEL};messageid=1700000000001`,
    });
    expect(calls).toEqual([]);
    // A first attempt posts, and takes the card's id from the new conversation id.
    const fresh = await deskWithCase();
    const sendFresh = createDeliverySender({
      adapter,
      botAppId: 'app',
      desk: fresh.desk,
      mentions: [],
      logger,
    });
    expect(await sendFresh(claimed('case-card', fresh.c.id, 1))).toMatchObject({
      activityId: '1700000000009',
    });
    expect((await fresh.desk.cases.get(fresh.c.id))?.delivery.supportActivityId).toBe('1700000000009');
  });

  it('fails a notice whose send botbuilder would have swallowed, keeping status and code', async () => {
    const { desk, c } = await deskWithCase();
    const { adapter } = fakeAdapter({ swallow: true });
    const send = createDeliverySender({ adapter, botAppId: 'app', desk, mentions: [], logger });
    const error = await send(claimed('requester-notice', c.id, 1, { notice: 'posted' })).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(classifyFailure(error, Date.now())).toMatchObject({
      retryable: false,
      status: 403,
      code: 'BotNotInConversationRoster',
    });
  });

  it('fails permanently when middleware skipped the proactive turn', async () => {
    const { desk, c } = await deskWithCase();
    const { adapter } = fakeAdapter({ skip: true });
    const send = createDeliverySender({ adapter, botAppId: 'app', desk, mentions: [], logger });
    const error = await send(claimed('requester-notice', c.id, 1, { notice: 'taken' })).catch(
      (err: unknown) => err,
    );
    expect(classifyFailure(error, Date.now())).toMatchObject({
      retryable: false,
      code: 'ProactiveTurnSkipped',
    });
  });

  it('reads status, code and Retry-After from a RestError-shaped error', () => {
    const rest = Object.assign(new Error('slow down'), {
      statusCode: 429,
      code: 'Throttled',
      response: {
        status: 429,
        headers: { get: (name: string) => (name === 'retry-after' ? '7' : undefined) },
      },
    });
    const err = DeliveryError.from(rest);
    expect(err).toMatchObject({ statusCode: 429, code: 'Throttled', retryAfter: '7' });
    expect(classifyFailure(err, 0)).toMatchObject({ retryable: true, retryAfterMs: 7000 });
  });

  it('sends nothing for a case that was deleted meanwhile', async () => {
    const { desk, c } = await deskWithCase();
    await desk.forget(c.requester.id);
    const { adapter, calls } = fakeAdapter();
    const send = createDeliverySender({ adapter, botAppId: 'app', desk, mentions: [], logger });
    expect(await send(claimed('case-card', c.id, 1))).toBeUndefined();
    expect(calls).toEqual([]);
  });
});

describe('the escalation desk', () => {
  it('knows a support admin by Entra object id, whatever the case of the configured id', () => {
    const desk = new EscalationDesk({
      store: new MemoryStorage(),
      settings: loadConfig({}).escalation,
      supportAdminIds: [FAKE.userAadObjectId.toUpperCase()],
    });
    expect(desk.isSupportAdmin({ from: { id: 'u', name: 'n', aadObjectId: FAKE.userAadObjectId } })).toBe(
      true,
    );
    expect(desk.isSupportAdmin({ from: { id: 'u', name: 'n', aadObjectId: 'someone-else' } })).toBe(false);
    expect(desk.isSupportAdmin({ from: { id: 'u', name: 'n' } })).toBe(false);
  });
});
