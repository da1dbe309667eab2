/** What the outbox holds and hands out: deliveries, their items and the Outbox interface. */
import type { FailureInfo } from './retry-policy';

export type DeliveryKind =
  | 'case-card'
  | 'case-card-update'
  | 'requester-notice'
  | 'handoff-event'
  | 'run-alert-card'
  | 'run-alert-update';
const DELIVERY_KINDS: readonly DeliveryKind[] = [
  'case-card',
  'case-card-update',
  'requester-notice',
  'handoff-event',
  'run-alert-card',
  'run-alert-update',
];

/** Plain data; the edge alone knows what payload and target mean (a card, a conversation reference). */
export interface Delivery {
  kind: DeliveryKind;
  /** The case it belongs to; for run alerts, the alert's id. */
  caseId: string;
  payload: unknown;
  target: unknown;
}

export type OutboxStatus = 'pending' | 'leased' | 'done' | 'failed';

/** What a successful send returns, kept on the item (the activity id, to update the card later). */
export interface SendResult {
  activityId?: string | null;
  conversationId?: string | null;
}

export interface OutboxError {
  message: string;
  status: number | null;
  code: string | null;
  retryable: boolean;
  at: number;
}

export interface OutboxItem {
  /** Derived from the dedupe key: the same key always names the same item. */
  id: string;
  dedupeKey: string;
  delivery: Delivery;
  status: OutboxStatus;
  /** Claims so far (a claim whose worker died counts too, so a poison delivery cannot loop forever). */
  attempts: number;
  /** Epoch ms from which it may be claimed. */
  dueAt: number;
  lease: { owner: string; until: number; attemptId: string } | null;
  lastError: OutboxError | null;
  result: SendResult | null;
  failReason: 'permanent' | 'max-attempts' | null;
  enqueuedAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

/** A delivery a worker holds until `leaseUntil`. */
export interface ClaimedDelivery extends Delivery {
  id: string;
  dedupeKey: string;
  /** 1 on the first try. More than 1: an earlier try may have gone out (see the note at the top). */
  attempt: number;
  /** Unique per claim; pass it to fail() so a worker whose lease ran out cannot reschedule someone else's try. */
  attemptId: string;
  leaseUntil: number;
}

export interface EnqueueResult {
  id: string;
  /** False when the dedupe key was already queued (or sent): nothing new was added. */
  created: boolean;
}

export type FailOutcome =
  | { status: 'rescheduled'; dueAt: number; delayMs: number; failure: FailureInfo }
  | { status: 'failed'; reason: 'permanent' | 'max-attempts'; failure: FailureInfo }
  | { status: 'ignored'; reason: 'not-found' | 'finished' | 'stale-attempt' };

export interface OutboxListFilter {
  status?: OutboxStatus | readonly OutboxStatus[];
  caseId?: string;
}

export interface PurgeFilter {
  /** Done and failed items finished before this time (epoch ms). */
  finishedBefore?: number;
  /** Run-alert deliveries finished before this time (default finishedBefore): a repeat of one is harmless. */
  runAlertsFinishedBefore?: number;
  /** Every item of these cases, whatever its status (the case was deleted). */
  caseIds?: readonly string[];
}

export interface Outbox {
  enqueue(delivery: Delivery, dedupeKey: string): Promise<EnqueueResult>;
  claim(workerId: string, now: number, leaseMs: number, max: number): Promise<ClaimedDelivery[]>;
  /** Marks the delivery sent; false when it is gone. Completing a done item keeps the first result. */
  complete(id: string, result?: SendResult | null): Promise<boolean>;
  fail(id: string, error: unknown, now: number, attemptId?: string): Promise<FailOutcome>;
  get(id: string): Promise<OutboxItem | undefined>;
  list(filter?: OutboxListFilter): Promise<OutboxItem[]>;
  /** Removes items; returns how many. */
  purge(filter: PurgeFilter): Promise<number>;
}

export function toClaimed(item: OutboxItem, lease: NonNullable<OutboxItem['lease']>): ClaimedDelivery {
  return {
    ...item.delivery,
    id: item.id,
    dedupeKey: item.dedupeKey,
    attempt: item.attempts,
    attemptId: lease.attemptId,
    leaseUntil: lease.until,
  };
}

export function outboxErrorOf(failure: FailureInfo): Omit<OutboxError, 'at'> {
  return {
    message: failure.message,
    status: failure.status,
    code: failure.code,
    retryable: failure.retryable,
  };
}

export function cleanResult(result: SendResult | null): SendResult | null {
  if (!result || typeof result !== 'object') return null;
  return {
    activityId: typeof result.activityId === 'string' ? result.activityId : null,
    conversationId: typeof result.conversationId === 'string' ? result.conversationId : null,
  };
}

export function checkDelivery(delivery: Delivery, dedupeKey: string): void {
  if (!delivery || !DELIVERY_KINDS.includes(delivery.kind)) {
    throw new TypeError(`Outbox: unknown delivery kind "${String(delivery?.kind)}".`);
  }
  if (typeof delivery.caseId !== 'string' || delivery.caseId === '')
    throw new TypeError('Outbox: a delivery needs its caseId.');
  if (typeof dedupeKey !== 'string' || dedupeKey === '' || dedupeKey.length > 500) {
    throw new TypeError('Outbox: a delivery needs a dedupe key (1-500 characters).');
  }
}
