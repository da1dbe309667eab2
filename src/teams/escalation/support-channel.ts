import type { Activity } from 'botbuilder';
import type { SupportChannelSetting } from '../../config/escalation';
import { readDoc, writeAlways, type KeyValueStore } from '../../escalation';
import { isRecord } from '../../lib/is-record';
import { tenantIdsOf } from '../../adapter/middleware/tenant';

/** Where case cards go, and where it came from. */
export interface SupportChannel extends SupportChannelSetting {
  source: 'settings' | 'teams';
  registeredBy: { id: string; name: string } | null;
  registeredAt: string | null;
}

interface StoredRegistration {
  channelId: string;
  serviceUrl: string;
  tenantId: string;
  registeredBy: { id: string; name: string };
  registeredAt: string;
}

export type RegisterResult = 'registered' | 'fixed-by-settings' | 'not-a-channel';

const CHANNEL_ID = /^19:[^\s;/?#]{1,200}@thread\.(?:tacv2|skype)$/;

/**
 * The support channel: the SUPPORT_* settings when they are set (an operator's choice wins over a
 * chat command), else the channel a support admin registered in Teams, kept in the bot's Storage.
 */
export class SupportChannelRegistry {
  constructor(
    private readonly store: KeyValueStore,
    private readonly setting: SupportChannelSetting | null,
    private readonly keyPrefix = 'escalation',
  ) {}

  get key(): string {
    return `${this.keyPrefix}/support-channel`;
  }

  get fixedBySettings(): boolean {
    return this.setting !== null;
  }

  async get(): Promise<SupportChannel | null> {
    if (this.setting) return { ...this.setting, source: 'settings', registeredBy: null, registeredAt: null };
    const doc = await readDoc<StoredRegistration>(this.store, this.key);
    const stored = doc?.value;
    if (!stored || !CHANNEL_ID.test(stored.channelId) || typeof stored.serviceUrl !== 'string') return null;
    return {
      channelId: stored.channelId,
      serviceUrl: stored.serviceUrl,
      tenantId: stored.tenantId,
      source: 'teams',
      registeredBy: stored.registeredBy ?? null,
      registeredAt: stored.registeredAt ?? null,
    };
  }

  /** Makes the channel the activity came from the support channel. The caller checks who asked. */
  async register(activity: Partial<Activity>, now: Date): Promise<RegisterResult> {
    if (this.setting) return 'fixed-by-settings';
    const channelId = channelIdOf(activity);
    const [tenantId] = tenantIdsOf(activity);
    if (!channelId || !tenantId || typeof activity.serviceUrl !== 'string') return 'not-a-channel';
    const registration: StoredRegistration = {
      channelId,
      serviceUrl: activity.serviceUrl,
      tenantId,
      registeredBy: { id: activity.from?.id ?? '', name: activity.from?.name ?? '' },
      registeredAt: now.toISOString(),
    };
    await writeAlways(this.store, this.key, registration);
    return 'registered';
  }
}

/** The Teams channel an activity came from: channelData.channel.id, else the thread's conversation id. */
export function channelIdOf(activity: Partial<Activity>): string | null {
  const channelData: unknown = activity.channelData;
  const fromData =
    isRecord(channelData) && isRecord(channelData.channel) ? channelData.channel.id : undefined;
  if (typeof fromData === 'string' && CHANNEL_ID.test(fromData)) return fromData;
  if (activity.conversation?.conversationType !== 'channel') return null;
  const base = String(activity.conversation.id ?? '').split(';')[0];
  return CHANNEL_ID.test(base) ? base : null;
}

/**
 * True when the activity came from the support channel (its root or a thread in it) of the same
 * tenant. Conversation ids come from Teams, not from card data, so a click cannot fake this.
 */
export function isFromChannel(activity: Partial<Activity>, channel: SupportChannelSetting): boolean {
  const conversationId = activity.conversation?.id;
  if (typeof conversationId !== 'string') return false;
  const inChannel =
    conversationId === channel.channelId || conversationId.startsWith(`${channel.channelId};`);
  const tenants = tenantIdsOf(activity);
  return inChannel && tenants.length > 0 && tenants.every((id) => id === channel.tenantId.toLowerCase());
}

/** A channel thread's conversation id is `<channel id>;messageid=<root activity id>`. */
export function threadRootOf(conversationId: string | null | undefined): string | null {
  const match = /;messageid=([^;]+)$/.exec(conversationId ?? '');
  return match ? match[1] : null;
}
