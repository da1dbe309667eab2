import type { Activity, Storage } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from '../../src/adapter/adapter';
import { loadConfig, type AppConfig } from '../../src/config';
import { langFromLocale, t } from '../../src/i18n';
import { createLogger } from '../../src/logger';
import { createServer, start, stop } from '../../src/http/server';
import { MimSyncDoctorBot, sendErrorCard } from '../../src/teams/bot';
import type { RecordedRequest } from './connector-stub';

/** The "please repeat" reply, for a turn that loses the eTag race twice. */
export const REPEAT_TEXT = t('en', 'reply.repeat');

export interface BotInstance {
  baseUrl: string;
  bot: MimSyncDoctorBot;
  turnErrors: unknown[];
  close(): Promise<void>;
}

/** One bot "instance": its own adapter, bot and HTTP server on a free port, over the given store. */
export async function startBotInstance(storage: Storage): Promise<BotInstance> {
  const config: AppConfig = { ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' };
  const logger = createLogger(config);
  const bot = new MimSyncDoctorBot(storage);
  const turnErrors: unknown[] = [];
  // The same turn-error handler as src/index.ts.
  const adapter = createAdapter(config, logger, async (context, error) => {
    turnErrors.push(error);
    await sendErrorCard(context, langFromLocale(context.activity.locale));
  });
  const server: Server = createServer({ config, adapter, bot, logger });
  const address = await start(server, config);
  return { baseUrl: `http://127.0.0.1:${address.port}`, bot, turnErrors, close: () => stop(server) };
}

/** POSTs one activity to an instance (or any bot endpoint) and returns the HTTP status. */
export async function postTo(baseUrl: string, activity: Partial<Activity>): Promise<number> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.arrayBuffer();
  return res.status;
}

type Json = Record<string, unknown>;

export interface Button {
  title: string;
  /** Action.Submit / Action.Execute data (with the verb), or undefined for links. */
  data?: Json;
  url?: string;
}

/** A reply as the tests compare it: what a user sees, without ids that differ between runs. */
export interface Reply {
  method: string;
  kind: 'card' | 'text';
  /** The card's first TextBlock, or the text. */
  title: string;
  buttons: Button[];
}

/** Message activities the bot sent or updated, typing indicators left out. */
export function repliesOf(requests: readonly RecordedRequest[]): Reply[] {
  return requests
    .filter((r) => (r.body as Json | undefined)?.type === 'message')
    .map((r) => {
      const body = r.body as Json;
      const attachments = (body.attachments as Json[] | undefined) ?? [];
      const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        ?.content as Json | undefined;
      if (!card) return { method: r.method, kind: 'text', title: String(body.text ?? ''), buttons: [] };
      return { method: r.method, kind: 'card', title: firstText(card) ?? '', buttons: buttonsOf(card) };
    });
}

function firstText(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const text = firstText(child);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const json = node as Json;
  if (json.type === 'TextBlock' && typeof json.text === 'string') return json.text;
  for (const key of ['body', 'items', 'columns']) {
    const text = firstText(json[key]);
    if (text !== undefined) return text;
  }
  return undefined;
}

function buttonsOf(node: unknown, found: Button[] = []): Button[] {
  if (Array.isArray(node)) {
    node.forEach((child) => buttonsOf(child, found));
    return found;
  }
  if (typeof node !== 'object' || node === null) return found;
  const json = node as Json;
  if (typeof json.type === 'string' && json.type.startsWith('Action.')) {
    const data = (json.data as Json | undefined) ?? undefined;
    const verb = typeof json.verb === 'string' ? json.verb : undefined;
    found.push({
      title: String(json.title ?? ''),
      data: data || verb ? { ...(verb ? { verb } : {}), ...(data ?? {}) } : undefined,
      url: typeof json.url === 'string' ? json.url : undefined,
    });
  }
  for (const value of Object.values(json)) if (typeof value === 'object') buttonsOf(value, found);
  return found;
}
