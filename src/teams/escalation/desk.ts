import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { isSupportAdmin } from '../../adapter/middleware/tenant';
import type { EscalationSettings, SupportChannelSetting } from '../../config/escalation';
import {
  CaseStore,
  FeedbackStore,
  caseFigures,
  type CaseFigures,
  AdviceLog,
  TurnFigures,
  type TurnPeriod,
  StorageOutbox,
  overDailyCaseLimit,
  type CaseInput,
  type CaseStoreOptions,
  type Delivery,
  type EscalationCase,
  type FeedbackEvent,
  type FeedbackStats,
  type KeyValueStore,
  type OutboxItem,
  type Person,
  type Requester,
  type StorageOutboxOptions,
} from '../../escalation';
import { tenantIdsOf } from '../../adapter/middleware/tenant';
import type { Notice } from '../views/case-views';
import {
  SupportChannelRegistry,
  isFromChannel,
  threadRootOf,
  type RegisterResult,
  type SupportChannel,
} from './support-channel';

/** How long a finished run-alert delivery is kept (see sweepRunAlertDeliveries). */
const RUN_ALERT_DELIVERY_KEEP_MS = 3_600_000;

/** Where a support card delivery goes: the channel as it was when the case was opened. */
export type CardTarget = SupportChannelSetting;

/** Outbox dedupe keys: the same event always yields the same key, so a repeat enqueues nothing. */
export const deliveryKeys = {
  caseCard: (caseId: string) => `${caseId}/case-card`,
  posted: (caseId: string) => `${caseId}/requester-notice`,
  handoff: (caseId: string) => `${caseId}/handoff`,
  takenCard: (caseId: string, takerId: string) => `${caseId}/taken/${takerId}/case-card-update`,
  takenNotice: (caseId: string, takerId: string) => `${caseId}/taken/${takerId}/requester-notice`,
  resolvedCard: (caseId: string) => `${caseId}/resolved/case-card-update`,
  resolvedNotice: (caseId: string) => `${caseId}/resolved/requester-notice`,
  failedNotice: (caseId: string) => `${caseId}/delivery-failed/requester-notice`,
};

export interface EscalationDeskOptions {
  /** The bot's Storage; cases, the outbox, feedback and the registered channel live beside bot state. */
  store: KeyValueStore;
  settings: EscalationSettings;
  /** Entra object ids (lower case) who may register the channel and use the support commands anywhere. */
  supportAdminIds: readonly string[];
  clock?: () => number;
  caseStore?: Omit<CaseStoreOptions, 'clock'>;
  outbox?: Omit<StorageOutboxOptions, 'clock' | 'backoff'>;
}

export type OpenCaseResult = {
  case: EscalationCase;
  /** False: this submission had already opened the case (double click, redelivery). */
  created: boolean;
  /** Whether a case card is on its way; false means nobody has been told (no support channel). */
  queued: boolean;
};

/** What a click on a support card led to. */
export type CaseClickResult =
  | { ok: true; case: EscalationCase }
  | { ok: false; reason: 'not-support' | 'wrong-card' | 'not-found' | 'note-missing' | 'already-resolved' }
  | { ok: false; reason: 'taken-by-other'; by: string };

export interface OpenCaseListing {
  case: EscalationCase;
  /** The case card delivery when it has not gone out (failed, or still being retried). */
  cardProblem: OutboxItem | null;
}

/**
 * The Teams side of escalation without any sending: it stores cases and queues deliveries; the
 * outbox runner (deliveries.ts) sends them. Turns call this; nothing here waits for Teams.
 */
export class EscalationDesk {
  readonly cases: CaseStore;
  readonly outbox: StorageOutbox;
  readonly feedback: FeedbackStore;
  /** Which advice each bot message gave, for Teams' thumbs. */
  readonly advice: AdviceLog;
  readonly channels: SupportChannelRegistry;
  /** Answers given, abandoned, and messages not placed, for `stats`. */
  readonly turns: TurnFigures;
  private readonly clock: () => number;
  private readonly wakeups: Array<() => void> = [];

  constructor(private readonly options: EscalationDeskOptions) {
    this.clock = options.clock ?? Date.now;
    this.cases = new CaseStore(options.store, { ...options.caseStore, clock: this.clock });
    this.outbox = new StorageOutbox(options.store, {
      ...options.outbox,
      clock: this.clock,
      backoff: { baseMs: options.settings.outboxRetryBaseMs },
    });
    this.feedback = new FeedbackStore(options.store, { clock: this.clock });
    this.advice = new AdviceLog(options.store);
    this.turns = new TurnFigures(options.store, { clock: this.clock });
    this.channels = new SupportChannelRegistry(options.store, options.settings.supportChannel);
  }

  get settings(): EscalationSettings {
    return this.options.settings;
  }

  /** Creates the case ledger, so the first cases of several instances do not race to create it. */
  init(): Promise<void> {
    return this.cases.init();
  }

  /** Called after every enqueue (the runner's wake), so deliveries go out at once rather than at the next poll. */
  onEnqueue(wake: () => void): void {
    this.wakeups.push(wake);
  }

  supportChannel(): Promise<SupportChannel | null> {
    return this.channels.get();
  }

  isSupportAdmin(activity: Partial<Activity>): boolean {
    return isSupportAdmin(activity, { supportAdminIds: this.options.supportAdminIds });
  }

  /** Support commands work in the support channel, and anywhere for support admins. */
  async isSupport(activity: Partial<Activity>): Promise<boolean> {
    if (this.isSupportAdmin(activity)) return true;
    const channel = await this.supportChannel();
    return channel !== null && isFromChannel(activity, channel);
  }

  async registerChannel(activity: Partial<Activity>): Promise<RegisterResult | 'not-admin'> {
    if (this.channels.fixedBySettings) return 'fixed-by-settings';
    if (!this.isSupportAdmin(activity)) return 'not-admin';
    return this.channels.register(activity, new Date(this.clock()));
  }

  /** Whether this submission would open a case past the requester's CASES_PER_USER_PER_DAY. */
  async overDailyLimit(requesterId: string, submissionId: string): Promise<boolean> {
    const theirs = await this.cases.list({ requesterId });
    return overDailyCaseLimit(theirs, submissionId, this.clock(), this.settings.casesPerUserPerDay);
  }

  /**
   * Stores the case, then queues its deliveries. The case exists before anyone is told; a repeated
   * submit finds the same case and re-queues with the same keys, which adds nothing (and puts back
   * anything a crash between the two steps lost). Past CASES_PER_USER_PER_DAY it throws
   * CaseLimitError, decided in the same write that numbers the case.
   */
  async openCase(
    input: CaseInput,
    submissionId: string,
    options: { uncapped?: boolean } = {},
  ): Promise<OpenCaseResult> {
    const { case: c, created } = await this.cases.createCase(
      input,
      submissionId,
      options.uncapped ? undefined : this.settings.casesPerUserPerDay,
    );
    const channel = await this.supportChannel();
    if (channel) {
      const target: CardTarget = {
        channelId: channel.channelId,
        serviceUrl: channel.serviceUrl,
        tenantId: channel.tenantId,
      };
      await this.enqueue(
        { kind: 'case-card', caseId: c.id, payload: null, target },
        deliveryKeys.caseCard(c.id),
      );
    }
    if (this.settings.handoffEvent) {
      await this.enqueue(
        { kind: 'handoff-event', caseId: c.id, payload: null, target: null },
        deliveryKeys.handoff(c.id),
      );
    }
    return { case: c, created, queued: channel !== null };
  }

  /** Take case, clicked on a support card: the taker is the activity's sender, never card data. */
  async take(activity: Partial<Activity>, caseId: string): Promise<CaseClickResult> {
    const checked = await this.checkClick(activity, caseId);
    if (!checked.ok) return checked;
    const by = personOf(activity);
    const result = await this.cases.take(caseId, by);
    if (!result.ok) {
      if (result.reason === 'taken-by-other')
        return { ok: false, reason: 'taken-by-other', by: result.case.takenBy?.name ?? '' };
      return { ok: false, reason: result.reason };
    }
    // Queued also when nothing changed (a second click): same keys, so only what a crash lost is added.
    const target = checked.target;
    await this.enqueue(
      { kind: 'case-card-update', caseId, payload: null, target },
      deliveryKeys.takenCard(caseId, by.id),
    );
    await this.enqueue(
      { kind: 'requester-notice', caseId, payload: { notice: 'taken' } satisfies Notice, target: null },
      deliveryKeys.takenNotice(caseId, by.id),
    );
    return { ok: true, case: result.case };
  }

  async resolve(
    activity: Partial<Activity>,
    caseId: string,
    note: string | undefined,
  ): Promise<CaseClickResult> {
    const checked = await this.checkClick(activity, caseId);
    if (!checked.ok) return checked;
    const current = await this.cases.get(caseId);
    if (current?.status !== 'resolved' && (note ?? '').trim() === '')
      return { ok: false, reason: 'note-missing' };
    const result = await this.cases.resolve(caseId, personOf(activity), note ?? '');
    if (!result.ok) {
      if (result.reason === 'taken-by-other')
        return { ok: false, reason: 'taken-by-other', by: result.case.takenBy?.name ?? '' };
      return { ok: false, reason: result.reason };
    }
    await this.enqueue(
      { kind: 'case-card-update', caseId, payload: null, target: checked.target },
      deliveryKeys.resolvedCard(caseId),
    );
    await this.enqueue(
      { kind: 'requester-notice', caseId, payload: { notice: 'resolved' } satisfies Notice, target: null },
      deliveryKeys.resolvedNotice(caseId),
    );
    return { ok: true, case: result.case };
  }

  /**
   * A click may change a case only from the support channel (same tenant), and only the case of the
   * card it sits on: the thread root must be that case's card when we know where the card is.
   */
  private async checkClick(
    activity: Partial<Activity>,
    caseId: string,
  ): Promise<
    { ok: true; target: CardTarget } | { ok: false; reason: 'not-support' | 'not-found' | 'wrong-card' }
  > {
    const channel = await this.supportChannel();
    if (!channel || !isFromChannel(activity, channel)) return { ok: false, reason: 'not-support' };
    const c = await this.cases.get(caseId);
    if (!c) return { ok: false, reason: 'not-found' };
    const card = await this.cardLocation(c);
    if (card.activityId) {
      const root = threadRootOf(activity.conversation?.id);
      if (root !== card.activityId && activity.replyToId !== card.activityId)
        return { ok: false, reason: 'wrong-card' };
    }
    return {
      ok: true,
      target: { channelId: channel.channelId, serviceUrl: channel.serviceUrl, tenantId: channel.tenantId },
    };
  }

  /** Where the case card was posted: the case's record, else the case-card delivery's own result. */
  async cardLocation(
    c: EscalationCase,
  ): Promise<{ activityId: string | null; conversationId: string | null }> {
    if (c.delivery.supportActivityId) {
      return { activityId: c.delivery.supportActivityId, conversationId: c.delivery.supportConversationId };
    }
    const item = await this.outbox.get(StorageOutbox.idFor(deliveryKeys.caseCard(c.id)));
    return {
      activityId: item?.result?.activityId ?? null,
      conversationId: item?.result?.conversationId ?? null,
    };
  }

  /** Tells the requester their case card could not be delivered (called by the sender on a permanent failure). */
  async queueFailureNotice(caseId: string, notice: Notice): Promise<void> {
    await this.enqueue(
      { kind: 'requester-notice', caseId, payload: notice, target: null },
      deliveryKeys.failedNotice(caseId),
    );
  }

  async queuePostedNotice(caseId: string): Promise<void> {
    await this.enqueue(
      { kind: 'requester-notice', caseId, payload: { notice: 'posted' } satisfies Notice, target: null },
      deliveryKeys.posted(caseId),
    );
  }

  myCases(requesterId: string, limit: number): Promise<EscalationCase[]> {
    return this.cases.list({ requesterId, order: 'newest-first', limit });
  }

  /** Open and taken cases, oldest first, each with its case card delivery if that has not gone out. */
  async openCases(limit: number): Promise<{ items: OpenCaseListing[]; total: number }> {
    const cases = await this.cases.list({ status: ['open', 'taken'], order: 'oldest-first' });
    const undelivered = await this.outbox.list({ status: ['pending', 'leased', 'failed'] });
    const cardProblems = new Map<string, OutboxItem>();
    for (const item of undelivered) {
      if (item.delivery.kind === 'case-card' && (item.status === 'failed' || item.attempts > 0)) {
        cardProblems.set(item.delivery.caseId, item);
      }
    }
    return {
      items: cases.slice(0, limit).map((c) => ({ case: c, cardProblem: cardProblems.get(c.id) ?? null })),
      total: cases.length,
    };
  }

  /** Feedback per step, and the last 7 and 30 days of votes and cases, for `stats`. */
  async stats(): Promise<SupportStats> {
    const [feedback, cases, last7, last30] = await Promise.all([
      this.feedback.stats(),
      this.cases.list(),
      this.turns.period(7),
      this.turns.period(30),
    ]);
    const now = this.clock();
    return {
      ...feedback,
      cases: { last7: caseFigures(cases, now, 7), last30: caseFigures(cases, now, 30) },
      turns: { last7, last30 },
    };
  }

  /** Counts a "That fixed it" / "Still failing" click; a repeated click (same feedback id) counts once. */
  recordFeedback(event: FeedbackEvent): Promise<boolean> {
    return this.feedback.record(event);
  }

  /** Deletes the requester's cases and every delivery queued for them; returns how many cases. */
  async forget(requesterId: string): Promise<number> {
    const removed = await this.cases.deleteRequesterData(requesterId);
    if (removed.length > 0) await this.outbox.purge({ caseIds: removed.map((c) => c.id) });
    return removed.length;
  }

  /** Retention: cases untouched for CASE_RETENTION_DAYS, their deliveries, and finished deliveries that old. */
  async sweep(): Promise<string[]> {
    const now = this.clock();
    const days = this.settings.caseRetentionDays;
    const expired = await this.cases.deleteExpired(now, days);
    await this.outbox.purge({
      caseIds: expired,
      finishedBefore: now - days * 86_400_000,
      runAlertsFinishedBefore: now - RUN_ALERT_DELIVERY_KEEP_MS,
    });
    return expired;
  }

  /**
   * Finished run-alert deliveries, an hour after they went out: hundreds an hour on a busy Sync
   * server, and a repeat of one is harmless (the sender checks the alert's own card ids). Returns how many.
   */
  sweepRunAlertDeliveries(): Promise<number> {
    return this.outbox.purge({ runAlertsFinishedBefore: this.clock() - RUN_ALERT_DELIVERY_KEEP_MS });
  }

  /** Queues a delivery (run-watch alerts use it too) and wakes the runner when it is new. */
  async enqueue(delivery: Delivery, key: string): Promise<void> {
    const { created } = await this.outbox.enqueue(delivery, key);
    if (created) for (const wake of this.wakeups) wake();
  }
}

function personOf(activity: Partial<Activity>): Person {
  return { id: activity.from?.id ?? '', name: activity.from?.name ?? '' };
}

/**
 * The requester as a case records them: who, which tenant, and the conversation reference of where
 * they asked (a chat or a channel thread), so notices reach them there later.
 */
export interface SupportStats extends FeedbackStats {
  cases: { last7: CaseFigures; last30: CaseFigures };
  turns: { last7: TurnPeriod; last30: TurnPeriod };
}

export function requesterOf(activity: Partial<Activity>): Requester {
  const [tenantId = null] = tenantIdsOf(activity);
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  // Proactive turns pass the tenant filter only with the tenant on the conversation.
  if (reference.conversation && !reference.conversation.tenantId && tenantId) {
    reference.conversation = { ...reference.conversation, tenantId };
  }
  return {
    id: activity.from?.id ?? '',
    name: activity.from?.name ?? '',
    aadObjectId: activity.from?.aadObjectId ?? null,
    tenantId,
    // Plain JSON: stored as is by every Storage.
    conversationReference: JSON.parse(JSON.stringify(reference)) as unknown,
  };
}
