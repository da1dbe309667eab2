import type { StateLogger, SweepResult } from './file-storage';

export interface Sweeper {
  /** One sweep now (skipped, resolving at once, while another runs). Never rejects: failures are logged. */
  runNow(): Promise<void>;
  stop(): void;
}

export interface SweeperOptions {
  sweep: () => Promise<SweepResult>;
  intervalMs: number;
  logger: StateLogger;
  /** Shown in the log lines, e.g. "file" or "blob". */
  store: string;
}

/**
 * Runs the TTL sweep once at start and then every `intervalMs`, on an unref'd timer so it never
 * keeps the process alive. Sweeps never overlap and a failed one is logged, not thrown: expiry is
 * housekeeping, the bot keeps serving without it.
 */
export function startSweeper(options: SweeperOptions): Sweeper {
  const { sweep, logger, store } = options;
  let running: Promise<void> | null = null;

  const runNow = (): Promise<void> => {
    if (running) return running;
    const startedAt = Date.now();
    running = sweep()
      .then((result) => {
        const fields = { store, ...result, ms: Date.now() - startedAt };
        if (result.removed > 0) logger.info(fields, 'expired conversation state removed');
        else logger.debug(fields, 'state sweep found nothing to expire');
      })
      .catch((err: unknown) => logger.warn({ store, err }, 'state sweep failed; will try again later'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void runNow(), options.intervalMs);
  timer.unref();
  void runNow();
  return {
    runNow,
    stop: () => clearInterval(timer),
  };
}
