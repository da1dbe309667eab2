import type { Delivery } from '../../src/escalation/delivery';
import { StorageOutbox } from '../../src/escalation/outbox';
import type { KeyValueStore } from '../../src/escalation/store';

/** Deliveries, errors and a clock for the outbox, its runner and the retry policy. */

export const T0 = Date.parse('2025-03-01T09:00:00Z');
export const LEASE = 30_000;

export function card(caseId = 'MSD-1001', kind: Delivery['kind'] = 'case-card'): Delivery {
  return { kind, caseId, payload: { card: 'case', caseId }, target: { conversationId: '19:support' } };
}

/** An error shaped like botbuilder's RestError. */
export function restError(statusCode: number, headers: Record<string, string> = {}, code?: string): Error {
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    code,
    response: { status: statusCode, headers },
  });
}

export function netError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
}

export class FakeClock {
  constructor(public now = T0) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export function outboxOn(
  storage: KeyValueStore,
  clock: FakeClock,
  random: () => number = () => 0.5,
): StorageOutbox {
  return new StorageOutbox(storage, { clock: clock.read, random, cas: { baseDelayMs: 1, maxDelayMs: 5 } });
}
