import { MemoryStorage, type TurnContext } from 'botbuilder';
import { loadConfig } from '../../../src/config';
import { classifyFailure, type ClaimedDelivery, type EscalationCase } from '../../../src/escalation';
import { createLogger } from '../../../src/logger';
import {
  createDeliverySender,
  DeliveryError,
  type ProactiveAdapter,
} from '../../../src/teams/escalation/deliveries';
import { EscalationDesk } from '../../../src/teams/escalation/desk';
import { FAKE } from '../../helpers/activities';
import { sampleCase } from '../../fixtures/case-samples';

const CHANNEL = '19:fake-support-channel@thread.tacv2';

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
