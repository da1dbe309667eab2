import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { loggerFromTurn, type Logger } from '../../logger';
import { BoundedTtlSet, type Clock } from '../../lib/bounded-set';
import { isRecord } from '../../lib/is-record';
import { endQuietly } from './silence';

/** Tenant ids are GUIDs; Teams and configuration may differ in case. */
function normalise(id: string): string {
  return id.trim().toLowerCase();
}

/** Every tenant id the activity names (Teams puts it in channelData.tenant.id and conversation.tenantId). */
export function tenantIdsOf(activity: Partial<Activity>): string[] {
  const channelData: unknown = activity.channelData;
  const fromChannelData =
    isRecord(channelData) && isRecord(channelData.tenant) ? channelData.tenant.id : undefined;
  const fromConversation: unknown = isRecord(activity.conversation)
    ? activity.conversation.tenantId
    : undefined;
  const ids = [fromChannelData, fromConversation]
    .filter((id): id is string => typeof id === 'string' && id.trim() !== '')
    .map(normalise);
  return [...new Set(ids)];
}

/**
 * Empty allow-list: every tenant. Otherwise the activity must name a tenant and every tenant it
 * names must be allowed (two different ids mean a tampered activity, never a real Teams one).
 */
export function isTenantAllowed(activity: Partial<Activity>, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const ids = tenantIdsOf(activity);
  const allowedSet = new Set(allowed.map(normalise));
  return ids.length > 0 && ids.every((id) => allowedSet.has(id));
}

/**
 * Drops activities from tenants outside ALLOWED_TENANT_IDS before anything else runs: no reply, no
 * typing indicator, no state read or written. Registered first on the adapter, so it runs before the
 * bot loads state. Each rejected tenant is logged once a day, not once per message.
 */
export class TenantFilter implements Middleware {
  private readonly allowed: readonly string[];
  private readonly logged: BoundedTtlSet;

  constructor(
    allowed: readonly string[],
    private readonly fallbackLogger: Logger,
    now: Clock = Date.now,
  ) {
    this.allowed = allowed.map(normalise);
    this.logged = new BoundedTtlSet(1000, 24 * 60 * 60 * 1000, now);
  }

  // Not async on the way through: a promise and a tick per middleware add up on every turn.
  onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (isTenantAllowed(context.activity, this.allowed)) return next();
    const tenants = tenantIdsOf(context.activity);
    // Tenant ids come from the network: log them shortened, and never more than the set can hold.
    const key = tenants.join(',').slice(0, 200) || '(none)';
    if (this.logged.add(key)) {
      loggerFromTurn(context, this.fallbackLogger).warn(
        { tenantIds: key, channelId: context.activity.channelId, activityType: context.activity.type },
        'activity from a tenant that is not allowed: ignored (logged once per tenant)',
      );
    }
    endQuietly(context);
    return Promise.resolve();
  }
}

/**
 * Whether the caller may use support-admin commands: their Microsoft Entra object id is listed in
 * SUPPORT_ADMIN_IDS. Only as trustworthy as the activity: with MicrosoftAppId set the Bot Framework
 * token vouches for it; in local mode anyone on the machine can claim any id.
 */
export function isSupportAdmin(
  activity: Partial<Activity>,
  config: { supportAdminIds: readonly string[] },
): boolean {
  const objectId: unknown = isRecord(activity.from) ? activity.from.aadObjectId : undefined;
  if (typeof objectId !== 'string' || objectId.trim() === '') return false;
  return config.supportAdminIds.some((id) => normalise(id) === normalise(objectId));
}
