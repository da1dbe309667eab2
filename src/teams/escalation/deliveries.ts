import {
  CardFactory,
  EventFactory,
  MessageFactory,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  type Transcript,
  type TurnContext,
} from 'botbuilder';
import type { SupportMention } from '../../config/escalation';
import {
  classifyFailure,
  DEFAULT_BACKOFF,
  type ClaimedDelivery,
  type EscalationCase,
  type Send,
  type SendResult,
} from '../../escalation';
import { isRecord } from '../../lib/is-record';
import { caseSummaryText } from '../../i18n/case-summary';
import type { Logger } from '../../logger';
import {
  caseCardView,
  FAILURE_REASONS,
  noticeView,
  type FailureReason,
  type Notice,
} from '../views/case-views';
import { expandCard, type AdaptiveCardJson } from '../views/cards';
import type { CardTarget, EscalationDesk } from './desk';
import { threadRootOf } from './support-channel';

/** The two CloudAdapter calls a proactive send needs; tests may pass a stand-in. */
export type ProactiveAdapter = Pick<CloudAdapter, 'createConversationAsync' | 'continueConversationAsync'>;

export interface DeliverySenderOptions {
  adapter: ProactiveAdapter;
  /** MicrosoftAppId, or in local mode a fixed id of our choosing (used the same way every time). */
  botAppId: string;
  desk: EscalationDesk;
  mentions: readonly SupportMention[];
  logger: Logger;
  /** Attempts before a delivery counts as failed (the outbox's maxAttempts). */
  maxAttempts?: number;
}

/** The app id proactive calls use when MicrosoftAppId is empty (local mode authenticates nothing). */
export const LOCAL_BOT_APP_ID = '00000000-0000-0000-0000-00000000b07a';

/**
 * botbuilder types `audience` as a string but falls back to the configured OAuth scope only on
 * undefined; an empty string would be used as the scope.
 */
const DEFAULT_AUDIENCE = undefined as unknown as string;

/**
 * A failed send as the outbox reads it (retry-policy.ts): the HTTP status, Teams' error code and the
 * Retry-After header copied from botbuilder's RestError, or `retryable: false` for a delivery that
 * can never work (no reference to send to, no card to update).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
    readonly code: string | null,
    readonly retryAfter: string | null,
    readonly retryable?: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }

  static from(err: unknown): DeliveryError {
    if (err instanceof DeliveryError) return err;
    const e = isRecord(err) ? err : {};
    const response = isRecord(e.response) ? e.response : {};
    const body = isRecord(response.parsedBody) ? response.parsedBody : {};
    const bodyError = isRecord(body.error) ? body.error : {};
    const status =
      typeof e.statusCode === 'number'
        ? e.statusCode
        : typeof response.status === 'number'
          ? response.status
          : null;
    const code =
      typeof e.code === 'string' ? e.code : typeof bodyError.code === 'string' ? bodyError.code : null;
    const message = err instanceof Error ? err.message : String(err);
    return new DeliveryError(message, status, code, retryAfterOf(response.headers));
  }

  static permanent(message: string, code: string): DeliveryError {
    return new DeliveryError(message, null, code, null, false);
  }
}

function retryAfterOf(headers: unknown): string | null {
  if (!isRecord(headers)) return null;
  if (typeof headers.get === 'function') {
    const value: unknown = (headers.get as (name: string) => unknown).call(headers, 'retry-after');
    if (typeof value === 'string') return value;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === 'retry-after' && typeof value === 'string') return value;
  }
  return null;
}

/**
 * The outbox's send function for Teams: posts the case card as a new thread in the support channel,
 * updates it in place, and sends the requester's notices (and the handoff event) where they asked.
 * Everything is rendered from the stored case at send time, so a late delivery shows the case as it is.
 */
export function createDeliverySender(options: DeliverySenderOptions): Send {
  const { adapter, botAppId, desk, logger } = options;
  const maxAttempts = options.maxAttempts ?? DEFAULT_BACKOFF.maxAttempts;
  let handoffRejectionLogged = false;

  async function sendCaseCard(d: ClaimedDelivery, c: EscalationCase): Promise<SendResult> {
    // At least once: a repeat of a card that went out (its completion was lost) must not post a second card.
    if (d.attempt > 1 && c.delivery.supportActivityId) {
      return { activityId: c.delivery.supportActivityId, conversationId: c.delivery.supportConversationId };
    }
    const card = expandCard('case', caseCardView(c, { audience: 'support', mentions: options.mentions }));
    const conversationId = await postChannelCard(adapter, botAppId, cardTarget(d.target), card);
    // The callback gets the new conversation id, `<channel>;messageid=<root>`: the root is the card.
    const activityId = threadRootOf(conversationId);
    if (!activityId)
      logger.warn({ caseId: c.id }, 'case card posted, but its activity id is unknown: it cannot be updated');
    try {
      await desk.cases.setDelivery(c.id, {
        supportActivityId: activityId,
        supportConversationId: conversationId,
      });
    } catch (err) {
      // The card is out; the outbox result keeps where it is (see EscalationDesk.cardLocation).
      logger.warn(
        { err, caseId: c.id },
        'case card posted, but its location could not be stored on the case',
      );
    }
    await desk.queuePostedNotice(c.id);
    return { activityId, conversationId };
  }

  async function updateCaseCard(d: ClaimedDelivery, c: EscalationCase): Promise<SendResult> {
    const target = cardTarget(d.target);
    const where = await desk.cardLocation(c);
    if (!where.activityId || !where.conversationId) {
      throw DeliveryError.permanent(
        `The case card of ${c.id} was never posted, so it cannot be updated.`,
        'NoCaseCard',
      );
    }
    // An update must not ping the on-call people again: no mentions.
    const card = expandCard('case', caseCardView(c, { audience: 'support' }));
    const activityId = where.activityId;
    await updateChannelCard(
      adapter,
      botAppId,
      target,
      { activityId, conversationId: where.conversationId },
      card,
    );
    return { activityId, conversationId: where.conversationId };
  }

  async function sendNotice(d: ClaimedDelivery, c: EscalationCase): Promise<SendResult> {
    const notice = noticeOf(d.payload);
    const reference = referenceOf(c);
    const view = noticeView(c, notice, notice.notice === 'failed' ? caseSummaryText(c) : '');
    let activityId: string | null = null;
    await runProactive(adapter, botAppId, reference, async (ctx) => {
      const sent = await ctx.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(expandCard('message', view))),
      );
      activityId = sent?.id ?? null;
    });
    if (notice.notice === 'posted' && activityId) {
      try {
        await desk.cases.setDelivery(c.id, { requesterActivityId: activityId });
      } catch (err) {
        logger.warn({ err, caseId: c.id }, 'notice sent, but its id could not be stored on the case');
      }
    }
    return { activityId, conversationId: reference.conversation?.id ?? null };
  }

  async function sendHandoff(c: EscalationCase): Promise<SendResult> {
    const reference = referenceOf(c);
    const transcript: Transcript = {
      activities: c.transcript.map((line) => ({ type: 'message', text: line.text }) as Activity),
    };
    const handoffContext = {
      caseId: c.id,
      impact: c.impact,
      description: c.description,
      findings: c.findings,
      steps: c.steps,
    };
    await runProactive(adapter, botAppId, reference, async (ctx) => {
      await ctx.sendActivity(EventFactory.createHandoffInitiation(ctx, handoffContext, transcript));
    });
    return { activityId: null, conversationId: reference.conversation?.id ?? null };
  }

  /** Tells the requester plainly when their case card will never arrive, and logs it as an error. */
  async function onCardFailure(d: ClaimedDelivery, c: EscalationCase, err: DeliveryError): Promise<void> {
    const failure = classifyFailure(err, Date.now());
    if (failure.retryable && d.attempt < maxAttempts) return;
    logger.error(
      { caseId: c.id, status: failure.status, code: failure.code, attempt: d.attempt },
      'case card could not be delivered to the support channel; telling the requester',
    );
    await desk.queueFailureNotice(c.id, { notice: 'failed', reason: failureReason(err) });
  }

  return async (d: ClaimedDelivery): Promise<SendResult | void> => {
    const c = await desk.cases.get(d.caseId);
    // The case was deleted (retention, "delete my data"): nothing left to tell anyone.
    if (!c) return;
    try {
      switch (d.kind) {
        case 'case-card':
          return await sendCaseCard(d, c);
        case 'case-card-update':
          return await updateCaseCard(d, c);
        case 'requester-notice':
          return await sendNotice(d, c);
        case 'handoff-event':
          return await sendHandoff(c);
      }
    } catch (caught) {
      const err = DeliveryError.from(caught);
      if (d.kind === 'case-card') await onCardFailure(d, c, err);
      if (d.kind === 'handoff-event') {
        // Teams answers handoff.initiate with 400 (it is for contact-centre hubs): say so once, never to the user.
        if (!handoffRejectionLogged)
          logger.warn({ caseId: c.id, status: err.statusCode }, 'handoff event rejected; not retried');
        handoffRejectionLogged = true;
        throw new DeliveryError(err.message, err.statusCode, err.code, null, false);
      }
      throw err;
    }
  };
}

export async function runProactive(
  adapter: ProactiveAdapter,
  botAppId: string,
  reference: Partial<ConversationReference>,
  logic: (ctx: TurnContext) => Promise<void>,
): Promise<void> {
  let ran = false;
  let failure: unknown = null;
  await proactive(() =>
    adapter.continueConversationAsync(botAppId, reference, async (ctx) => {
      ran = true;
      try {
        await logic(ctx);
      } catch (err) {
        // Thrown on, botbuilder would hand it to onTurnError (an apology card to the requester) and
        // resolve, so the outbox would count a failed send as sent. Keep it for the outbox instead.
        failure = err ?? new Error('proactive send failed');
      }
    }),
  );
  if (failure !== null) throw DeliveryError.from(failure);
  // Middleware (the tenant filter) may end a turn without running it: that is a failure, not a send.
  if (!ran)
    throw DeliveryError.permanent('The proactive turn did not run (tenant filter?).', 'ProactiveTurnSkipped');
}

/** Posts a card as a new thread in a channel; returns the new conversation id (`<channel>;messageid=<root>`). */
export async function postChannelCard(
  adapter: ProactiveAdapter,
  botAppId: string,
  target: CardTarget,
  card: AdaptiveCardJson,
): Promise<string> {
  const parameters = {
    isGroup: true,
    channelData: { channel: { id: target.channelId }, tenant: { id: target.tenantId } },
    activity: { type: 'message', attachments: [CardFactory.adaptiveCard(card)] },
    tenantId: target.tenantId,
    // As TeamsInfo.sendMessageToTeamsChannel builds it: no members or topic for a channel thread.
  } as ConversationParameters;
  let conversationId: string | null = null;
  await proactive(() =>
    adapter.createConversationAsync(
      botAppId,
      'msteams',
      target.serviceUrl,
      DEFAULT_AUDIENCE,
      parameters,
      async (ctx) => {
        conversationId = ctx.activity.conversation?.id ?? null;
      },
    ),
  );
  if (conversationId === null)
    throw DeliveryError.permanent('The proactive turn did not run.', 'ProactiveTurnSkipped');
  return conversationId;
}

/** Replaces a card the bot posted in a channel thread (a PUT to its activity). */
export async function updateChannelCard(
  adapter: ProactiveAdapter,
  botAppId: string,
  target: CardTarget,
  where: { activityId: string; conversationId: string },
  card: AdaptiveCardJson,
): Promise<void> {
  const reference: Partial<ConversationReference> = {
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    conversation: {
      id: where.conversationId,
      isGroup: true,
      conversationType: 'channel',
      tenantId: target.tenantId,
      name: '',
    },
    bot: { id: botAppId, name: '' },
  };
  await runProactive(adapter, botAppId, reference, async (ctx) => {
    await ctx.updateActivity({
      id: where.activityId,
      type: 'message',
      conversation: reference.conversation,
      attachments: [CardFactory.adaptiveCard(card)],
    });
  });
}

async function proactive(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (err) {
    throw DeliveryError.from(err);
  }
}

export function cardTarget(target: unknown): CardTarget {
  if (
    isRecord(target) &&
    typeof target.channelId === 'string' &&
    typeof target.serviceUrl === 'string' &&
    typeof target.tenantId === 'string'
  ) {
    return { channelId: target.channelId, serviceUrl: target.serviceUrl, tenantId: target.tenantId };
  }
  throw DeliveryError.permanent('The delivery has no support channel to go to.', 'NoSupportChannel');
}

function referenceOf(c: EscalationCase): Partial<ConversationReference> {
  const ref = c.requester.conversationReference;
  if (
    isRecord(ref) &&
    typeof ref.serviceUrl === 'string' &&
    isRecord(ref.conversation) &&
    typeof ref.conversation.id === 'string'
  ) {
    return ref as Partial<ConversationReference>;
  }
  throw DeliveryError.permanent(
    `Case ${c.id} has no conversation to notify the requester in.`,
    'NoConversationReference',
  );
}

function noticeOf(payload: unknown): Notice {
  if (isRecord(payload)) {
    if (payload.notice === 'posted' || payload.notice === 'taken' || payload.notice === 'resolved') {
      return { notice: payload.notice };
    }
    if (payload.notice === 'failed') {
      const reason = FAILURE_REASONS.find((r) => r === payload.reason) ?? 'other';
      return { notice: 'failed', reason };
    }
  }
  throw DeliveryError.permanent('Unknown notice.', 'UnknownNotice');
}

/** Teams' answer in words the requester understands. */
function failureReason(err: DeliveryError): FailureReason {
  if (err.code === 'BotNotInConversationRoster' || err.statusCode === 403) return 'notInChannel';
  if (err.code === 'NoSupportChannel') return 'noChannel';
  if (err.statusCode === 404 || err.code === 'ConversationNotFound') return 'notFound';
  return 'other';
}
