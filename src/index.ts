/** Composition root: config -> storage -> adapter -> bot -> server, and a clean stop on SIGTERM. */
import { createAdapter } from './adapter/adapter';
import { describeConfig, loadConfig, loadDotEnv, START_DEFAULTS, type AppConfig } from './config';
import { ConfigError } from './config/values';
import { langFromLocale } from './i18n';
import { createLogger } from './logger';
import { createServer, start, stop } from './http/server';
import { createRunIngest } from './http/run-ingest';
import { openStorage } from './storage';
import { prepareCards } from './teams/views/cards';
import { createEscalation } from './teams/escalation/runtime';
import { MimSyncDoctorBot, sendErrorCard } from './teams/bot';
import { VERSION } from './version';

function readConfig(): AppConfig {
  try {
    loadDotEnv();
    return loadConfig(process.env, START_DEFAULTS);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  // Checked (and for the file store, locked) before anything listens: a bad store stops the start.
  const state = await openStorage(config, { logger });
  // Escalation keeps cases and its outbox in the same store; the runner sends through the adapter.
  const escalation = await createEscalation({ config, storage: state.storage, logger });
  const { runAlerts } = escalation;
  const bot = new MimSyncDoctorBot(state.storage, {
    escalation: escalation.desk,
    files: config.files,
    runAlerts,
  });
  const adapter = createAdapter(config, logger, async (context) => {
    // The adapter has logged the error with the request id; the user gets a short apology card.
    await sendErrorCard(context, langFromLocale(context.activity.locale));
  });
  escalation.start(adapter);
  const runs = runAlerts
    ? createRunIngest({
        settings: config.runWatch,
        receive: (keyId, reading) => runAlerts.watch.receive(keyId, reading),
      })
    : undefined;
  const server = createServer({ config, adapter, bot, logger, runs });
  const address = await start(server, config);
  // Card templates are parsed once, just after the port is open: /healthz answers without waiting.
  setImmediate(() => {
    try {
      prepareCards();
    } catch (err) {
      logger.fatal({ err }, 'card templates cannot be loaded');
      process.exit(1);
    }
  });
  logger.info(
    {
      version: VERSION,
      node: process.version,
      address: `${address.address}:${address.port}`,
      ...describeConfig(config),
    },
    'MIM Sync Doctor started',
  );

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stop(server)
      .then(() => escalation.stop())
      .then(() => state.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    // Keep serving: one bad promise must not take every conversation down.
    logger.error({ err: reason }, 'unhandled rejection');
  });
}

main().catch((err: unknown) => {
  process.stderr.write(
    `MIM Sync Doctor failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
