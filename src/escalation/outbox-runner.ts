/**
 * The worker loop over an Outbox: claim what is due, send it, complete or fail each one. One
 * runner per process; several processes may run one each over a shared store (claims are CAS).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { ClaimedDelivery, FailOutcome, Outbox, SendResult } from './delivery';

/** Sends one delivery. Throw to fail it (see retry-policy.ts for how the error is read). */
export type Send = (delivery: ClaimedDelivery) => Promise<SendResult | void>;

export type DeliveryOutcome = { status: 'sent'; result: SendResult | null } | FailOutcome;

export interface Timer {
  cancel(): void;
}

export interface OutboxRunnerOptions {
  /** Names this worker in leases (default host-pid-random). */
  workerId?: string;
  /** How long a claim holds a delivery (default 2 minutes). Must be longer than the slowest send, or a second worker sends it too. */
  leaseMs?: number;
  /** Deliveries claimed and sent together (default 10). */
  batchSize?: number;
  /** Between polls while started (default 1 s). */
  intervalMs?: number;
  /** Epoch ms; injectable for tests. */
  clock?: () => number;
  /** Runs fn after ms; the default timer is unref'd so it never keeps the process alive. */
  schedule?: (fn: () => void, ms: number) => Timer;
  /** Claim rounds per drain at most (default 1000): a guard, not a tuning knob. */
  maxRounds?: number;
  /** Store failures in the loop itself (the deliveries stay safe in the outbox). */
  onError?: (error: unknown, phase: 'claim' | 'complete' | 'fail', delivery?: ClaimedDelivery) => void;
  /** Every send's outcome, for logs and metrics. */
  onOutcome?: (delivery: ClaimedDelivery, outcome: DeliveryOutcome) => void;
}

export interface DrainReport {
  sent: number;
  rescheduled: number;
  failed: number;
  ignored: number;
}

export interface OutboxRunner {
  readonly workerId: string;
  readonly running: boolean;
  /** Sends until nothing is due (or stop() is called); drains never overlap. */
  drain(): Promise<DrainReport>;
  /** Polls every intervalMs until stop(). */
  start(): void;
  /** Polls now instead of at the next interval (call after enqueue). */
  wake(): void;
  /** Stops polling and resolves once the sends in flight are sent and recorded: a safe point to exit. */
  stop(): Promise<void>;
}

const defaultSchedule = (fn: () => void, ms: number): Timer => {
  const handle = setTimeout(fn, ms);
  handle.unref();
  return { cancel: () => clearTimeout(handle) };
};

export function runOutbox(outbox: Outbox, send: Send, options: OutboxRunnerOptions = {}): OutboxRunner {
  const workerId = options.workerId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 10;
  const intervalMs = options.intervalMs ?? 1000;
  const clock = options.clock ?? Date.now;
  const schedule = options.schedule ?? defaultSchedule;
  const maxRounds = options.maxRounds ?? 1000;
  const onError = options.onError ?? (() => undefined);
  const onOutcome = options.onOutcome ?? (() => undefined);

  let running = false;
  let stopping = false;
  let timer: Timer | null = null;
  // Drains run one after another; stop() waits for this chain.
  let chain: Promise<unknown> = Promise.resolve();

  async function deliver(d: ClaimedDelivery, report: DrainReport): Promise<void> {
    let result: SendResult | null;
    try {
      result = (await send(d)) ?? null;
    } catch (err) {
      try {
        const outcome = await outbox.fail(d.id, err, clock(), d.attemptId);
        if (outcome.status === 'ignored') report.ignored++;
        else report[outcome.status === 'failed' ? 'failed' : 'rescheduled']++;
        onOutcome(d, outcome);
      } catch (storeErr) {
        onError(storeErr, 'fail', d); // the lease runs out and the delivery is tried again
      }
      return;
    }
    try {
      await outbox.complete(d.id, result);
      report.sent++;
      onOutcome(d, { status: 'sent', result });
    } catch (storeErr) {
      onError(storeErr, 'complete', d); // sent but not recorded: it may go out again (at least once)
    }
  }

  async function drainNow(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, rescheduled: 0, failed: 0, ignored: 0 };
    for (let round = 0; round < maxRounds && !stopping; round++) {
      let claimed: ClaimedDelivery[];
      try {
        claimed = await outbox.claim(workerId, clock(), leaseMs, batchSize);
      } catch (err) {
        onError(err, 'claim');
        break;
      }
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((d) => deliver(d, report)));
    }
    return report;
  }

  function drain(): Promise<DrainReport> {
    const next = chain.then(drainNow, drainNow);
    chain = next;
    return next;
  }

  function tick(): void {
    timer = null;
    if (!running) return;
    void drain()
      .catch((err: unknown) => {
        try {
          onError(err, 'claim');
        } catch {
          // a throwing error handler must not become an unhandled rejection
        }
      })
      .finally(() => {
        if (running && timer === null) timer = schedule(tick, intervalMs);
      });
  }

  return {
    workerId,
    get running() {
      return running;
    },
    drain,
    start() {
      if (running) return;
      running = true;
      stopping = false;
      timer = schedule(tick, 0);
    },
    wake() {
      if (!running) return;
      timer?.cancel();
      timer = schedule(tick, 0);
    },
    async stop() {
      running = false;
      stopping = true;
      timer?.cancel();
      timer = null;
      try {
        await chain;
      } finally {
        stopping = false;
      }
    },
  };
}
