import type { Storage } from 'botbuilder';
import type { AppConfig } from '../../config';
import {
  runOutbox,
  type DeliveryKind,
  type DeliveryOutcome,
  type Send,
  type OutboxRunner,
  type OutboxRunnerOptions,
} from '../../escalation';
import type { Logger } from '../../logger';
import { createAlertSender } from '../run-watch/alert-sender';
import { createRunAlerts, type RunAlerts } from '../run-watch/run-alerts';
import { createDeliverySender, LOCAL_BOT_APP_ID, type ProactiveAdapter } from './deliveries';
import { EscalationDesk } from './desk';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const FIGURES_FLUSH_MS = 10_000;
const RUN_ALERT_KINDS: ReadonlySet<DeliveryKind> = new Set(['run-alert-card', 'run-alert-update']);

export interface EscalationOptions {
  config: Pick<AppConfig, 'escalation' | 'supportAdminIds' | 'microsoftAppId'> &
    Partial<Pick<AppConfig, 'runWatch'>>;
  /** The bot's Storage: cases and deliveries live beside the conversation state. */
  storage: Storage;
  logger: Logger;
  /** Runner tuning for tests (poll interval, lease); production uses the defaults. */
  runner?: Pick<OutboxRunnerOptions, 'intervalMs' | 'leaseMs' | 'batchSize' | 'clock'>;
  /** Between retention sweeps (default one day). */
  sweepIntervalMs?: number;
  /** Between sweeps of finished run-alert deliveries (default one hour; only with run watch on). */
  alertSweepIntervalMs?: number;
  /** Between writes of the turn figures counted in memory (default 10 s). */
  figuresFlushMs?: number;
  clock?: () => number;
}

export interface Escalation {
  readonly desk: EscalationDesk;
  /** Failed MIM runs as support-channel alerts, sent through the same outbox; undefined when off. */
  readonly runAlerts: RunAlerts | undefined;
  /** Starts sending (the outbox runner) and the retention sweeps; call once the adapter exists. */
  start(adapter: ProactiveAdapter): void;
  /** The runner, once started (tests drain it). */
  readonly runner: OutboxRunner | null;
  /** Stops polling and sweeping, and waits for sends in flight: call before the storage closes. */
  stop(): Promise<void>;
}

/**
 * Escalation for the running bot: the desk turns talk to, the outbox runner that delivers what it
 * queues through the CloudAdapter, and the daily retention sweep (also run once at start).
 */
export async function createEscalation(options: EscalationOptions): Promise<Escalation> {
  const { config, logger } = options;
  const log = logger.child({ component: 'escalation' });
  const desk = new EscalationDesk({
    store: options.storage,
    settings: config.escalation,
    supportAdminIds: config.supportAdminIds,
    clock: options.clock,
    caseStore: { onWarning: (message, err) => log.warn({ err }, message) },
    outbox: { onWarning: (message, err) => log.warn({ err }, message) },
  });
  await desk.init();
  const runAlerts = config.runWatch && createRunAlerts(config.runWatch, options.storage, desk, options.clock);

  let runner: OutboxRunner | null = null;
  const timers: NodeJS.Timeout[] = [];
  let sweeping: Promise<void> = Promise.resolve();

  // Sweeps run one after another, so the daily one and the hourly one never purge at the same time.
  const queueSweep = (work: () => Promise<void>, failure: string) => (): void => {
    sweeping = sweeping.then(async () => {
      try {
        await work();
      } catch (err) {
        log.error({ err }, failure);
      }
    });
  };
  const sweep = queueSweep(async () => {
    const removed = await desk.sweep();
    if (removed.length > 0) log.info({ removed: removed.length }, 'expired escalation cases deleted');
  }, 'escalation retention sweep failed; it runs again tomorrow');
  const sweepAlerts = queueSweep(async () => {
    const removed = await desk.sweepRunAlertDeliveries();
    if (removed > 0) log.info({ removed }, 'finished run-alert deliveries deleted');
  }, 'run-alert delivery sweep failed; it runs again within the hour');
  const flushFigures = (): void => {
    desk.turns
      .flush()
      .catch((err: unknown) => log.warn({ err }, 'turn figures not written; kept for the next try'));
  };
  const every = (run: () => void, ms: number): void => {
    const timer = setInterval(run, ms);
    timer.unref();
    timers.push(timer);
  };

  return {
    desk,
    runAlerts,
    get runner() {
      return runner;
    },
    start(adapter: ProactiveAdapter): void {
      if (runner) return;
      const botAppId = config.microsoftAppId ?? LOCAL_BOT_APP_ID;
      const sendCase = createDeliverySender({
        adapter,
        botAppId,
        desk,
        mentions: config.escalation.supportMentions,
        logger: log,
      });
      const sendAlert =
        runAlerts &&
        createAlertSender({
          adapter,
          botAppId,
          alerts: runAlerts,
          mentions: config.escalation.supportMentions,
          logger: log,
          clock: options.clock,
        });
      const send: Send = (d) => (sendAlert && RUN_ALERT_KINDS.has(d.kind) ? sendAlert(d) : sendCase(d));
      const started = runOutbox(desk.outbox, send, {
        ...options.runner,
        onError: (err, phase, d) =>
          log.error({ err, phase, caseId: d?.caseId, kind: d?.kind }, 'outbox store error'),
        onOutcome: (d, outcome) => logOutcome(log, d.kind, d.caseId, d.attempt, outcome),
      });
      runner = started;
      desk.onEnqueue(() => started.wake());
      started.start();
      sweep();
      every(sweep, options.sweepIntervalMs ?? DAY_MS);
      if (runAlerts) every(sweepAlerts, options.alertSweepIntervalMs ?? HOUR_MS);
      every(flushFigures, options.figuresFlushMs ?? FIGURES_FLUSH_MS);
    },
    async stop(): Promise<void> {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await desk.turns.flush().catch((err: unknown) => log.warn({ err }, 'turn figures not written at stop'));
      await runner?.stop();
      await sweeping;
    },
  };
}

function logOutcome(
  log: Logger,
  kind: string,
  caseId: string,
  attempt: number,
  outcome: DeliveryOutcome,
): void {
  const fields = { kind, caseId, attempt };
  switch (outcome.status) {
    case 'sent':
      log.info(fields, 'escalation delivery sent');
      return;
    case 'rescheduled':
      log.warn(
        { ...fields, delayMs: outcome.delayMs, status: outcome.failure.status, code: outcome.failure.code },
        'escalation delivery failed; will retry',
      );
      return;
    case 'failed':
      // The handoff event is expected to fail in Teams; the sender logged it once already.
      if (kind === 'handoff-event') return;
      log.error(
        { ...fields, reason: outcome.reason, status: outcome.failure.status, code: outcome.failure.code },
        'escalation delivery failed for good',
      );
      return;
    case 'ignored':
      log.debug({ ...fields, reason: outcome.reason }, 'escalation delivery result ignored');
  }
}
