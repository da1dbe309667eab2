import { MemoryStorage, type Activity, type Storage, type StoreItems } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from '../../src/adapter/adapter';
import { loadConfig, type AppConfig } from '../../src/config';
import { langFromLocale } from '../../src/i18n';
import { createLogger } from '../../src/logger';
import { createServer, start, stop } from '../../src/http/server';
import { createRunIngest } from '../../src/http/run-ingest';
import { OptimisticStorage } from '../../src/state/optimistic-storage';
import { MimSyncDoctorBot, sendErrorCard } from '../../src/teams/bot';
import { createEscalation, type Escalation } from '../../src/teams/escalation/runtime';
import { FAKE } from './activities';

/** A write or delete that reached the store, with when it finished (to order it against HTTP calls). */
export interface JournalEntry {
  op: 'write' | 'delete';
  keys: string[];
  at: bigint;
}

/** The production store stack (OptimisticStorage over MemoryStorage) with a journal of changes. */
export class JournalStorage implements Storage {
  readonly journal: JournalEntry[] = [];
  readonly inner: Storage;

  constructor(inner: Storage = new OptimisticStorage(new MemoryStorage())) {
    this.inner = inner;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    await this.inner.write(changes);
    this.journal.push({ op: 'write', keys: Object.keys(changes), at: process.hrtime.bigint() });
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys);
    this.journal.push({ op: 'delete', keys, at: process.hrtime.bigint() });
  }
}

export const SUPPORT = {
  channelId: '19:fake-support-channel@thread.tacv2',
  teamId: '19:fake-support-team@thread.tacv2',
  engineerId: '29:fake-engineer-bo',
  engineerName: 'Bo Support',
  engineerAad: '00000000-0000-4000-8000-0000000000e1',
  adminAad: '00000000-0000-4000-8000-0000000000ad',
  oncallId: '29:fake-oncall',
  oncallName: 'Olga Oncall',
} as const;

/** Settings for a bot whose support channel is at the given connector stand-in. */
export function supportEnv(serviceUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SUPPORT_CHANNEL_ID: SUPPORT.channelId,
    SUPPORT_SERVICE_URL: serviceUrl,
    SUPPORT_TENANT_ID: FAKE.tenantId,
    SUPPORT_MENTION_IDS: `${SUPPORT.oncallId}|${SUPPORT.oncallName}`,
    SUPPORT_ADMIN_IDS: SUPPORT.adminAad,
    OUTBOX_RETRY_BASE_MS: '40',
    ...extra,
  };
}

export interface EscalationBot {
  baseUrl: string;
  config: AppConfig;
  storage: Storage;
  bot: MimSyncDoctorBot;
  escalation: Escalation;
  logLines: string[];
  /** Stops the server and the outbox runner (the store stays: a second instance may reuse it). */
  close(): Promise<void>;
}

/**
 * The bot composed as src/index.ts does it, with escalation wired (desk, outbox runner through the
 * CloudAdapter, retention sweep), in-process on a free loopback port, over the given store.
 */
export async function startEscalationBot(
  env: Record<string, string>,
  storage: Storage = new JournalStorage(),
): Promise<EscalationBot> {
  const config: AppConfig = {
    ...loadConfig({ LOG_LEVEL: 'debug', RATE_LIMIT_PER_USER: 'off', ...env }),
    port: 0,
  };
  const logLines: string[] = [];
  const logger = createLogger(config, { destination: { write: (line: string) => void logLines.push(line) } });
  const escalation = await createEscalation({ config, storage, logger, runner: { intervalMs: 50 } });
  const { runAlerts } = escalation;
  const bot = new MimSyncDoctorBot(storage, { escalation: escalation.desk, runAlerts });
  const adapter = createAdapter(config, logger, async (context) => {
    await sendErrorCard(context, langFromLocale(context.activity.locale));
  });
  escalation.start(adapter);
  const runs = runAlerts
    ? createRunIngest({
        settings: config.runWatch,
        receive: (key, reading) => runAlerts.watch.receive(key, reading),
      })
    : undefined;
  const server: Server = createServer({ config, adapter, bot, logger, runs });
  const address = await start(server, config);
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    storage,
    bot,
    escalation,
    logLines,
    close: async () => {
      await stop(server);
      await escalation.stop();
    },
  };
}

/** POSTs one activity and returns the status and the parsed body (the invoke response, if any). */
export async function post(
  baseUrl: string,
  activity: Partial<Activity>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

/** Parsed JSON log lines. */
export function logs(lines: readonly string[]): Record<string, unknown>[] {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
