import {
  ActivityTypes,
  INVOKE_RESPONSE_KEY,
  type Activity,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import type { RateLimit } from '../../config/values';
import { langFromLocale, t } from '../../i18n';
import { loggerFromTurn, type Logger } from '../../logger';
import type { Clock } from '../../lib/bounded-set';
import { endQuietly } from './silence';

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** The sender has been told to slow down since the bucket last gave a token. */
  warned: boolean;
}

/**
 * Token buckets by key: `messages` tokens, refilled evenly over `windowSeconds`, so a burst of
 * `messages` passes and then one message per window/messages. Buckets are kept in least-recently-
 * used order and capped: a bucket that has refilled is the same as no bucket, so it is dropped.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    limit: RateLimit,
    private readonly maxKeys = 50_000,
    private readonly now: Clock = Date.now,
  ) {
    this.capacity = limit.messages;
    this.perMs = limit.messages / (limit.windowSeconds * 1000);
  }

  hasToken(key: string): boolean {
    return this.bucket(key).tokens >= 1;
  }

  take(key: string): void {
    const bucket = this.bucket(key);
    bucket.tokens -= 1;
    bucket.warned = false;
  }

  /** True only the first time an empty bucket refuses, until it gives a token again. */
  firstRefusal(key: string): boolean {
    const bucket = this.bucket(key);
    if (bucket.warned) return false;
    bucket.warned = true;
    return true;
  }

  get size(): number {
    return this.buckets.size;
  }

  private bucket(key: string): Bucket {
    const now = this.now();
    const found = this.buckets.get(key);
    this.buckets.delete(key);
    this.evict(now);
    const bucket = found ?? { tokens: this.capacity, updatedAt: now, warned: false };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket); // most recently used last
    return bucket;
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const refilled = bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.capacity;
      if (!refilled && this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

export interface RateLimits {
  perUser: RateLimit | null;
  perConversation: RateLimit | null;
}

/** A card click as Action.Execute sends it; other invokes (search-as-you-type) are not limited. */
const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** What is counted: messages (text, Action.Submit clicks) and Action.Execute clicks alike. */
function isCounted(activity: Partial<Activity>): boolean {
  if (activity.type === ActivityTypes.Message) return true;
  return activity.type === ActivityTypes.Invoke && activity.name === CARD_ACTION_INVOKE;
}

/**
 * Per-user and per-conversation limits on messages and card clicks (submits and Action.Execute):
 * a flood of clicks costs what a flood of messages does. A flood gets
 * one "slow down" reply and is then dropped silently until its bucket gives a token again; other
 * users keep being served. Runs before the bot, so dropped messages touch no state.
 */
export class RateLimitMiddleware implements Middleware {
  private readonly users: TokenBuckets | null;
  private readonly conversations: TokenBuckets | null;

  constructor(
    limits: RateLimits,
    private readonly fallbackLogger: Logger,
    now: Clock = Date.now,
  ) {
    this.users = limits.perUser ? new TokenBuckets(limits.perUser, 50_000, now) : null;
    this.conversations = limits.perConversation
      ? new TokenBuckets(limits.perConversation, 50_000, now)
      : null;
  }

  // Not async on the way through: a promise and a tick per middleware add up on every turn.
  onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (!isCounted(activity) || (this.users === null && this.conversations === null)) {
      return next();
    }
    // The Entra object id is the same person across chats; the channel account id is the fallback.
    const userKey = JSON.stringify([activity.channelId, activity.from?.aadObjectId || activity.from?.id]);
    const conversationKey = JSON.stringify([activity.channelId, activity.conversation?.id]);
    const userRefused = this.users !== null && !this.users.hasToken(userKey);
    const conversationRefused = this.conversations !== null && !this.conversations.hasToken(conversationKey);
    if (!userRefused && !conversationRefused) {
      this.users?.take(userKey);
      this.conversations?.take(conversationKey);
      return next();
    }
    return this.refuse(context, userRefused, userKey, conversationKey);
  }

  private async refuse(
    context: TurnContext,
    userRefused: boolean,
    userKey: string,
    conversationKey: string,
  ): Promise<void> {
    const activity = context.activity;
    const limit = userRefused ? 'user' : 'conversation';
    const buckets = userRefused ? this.users : this.conversations;
    const key = userRefused ? userKey : conversationKey;
    const log = loggerFromTurn(context, this.fallbackLogger);
    endQuietly(context);
    if (!buckets?.firstRefusal(key)) {
      log.debug({ limit, activityId: activity.id }, 'rate limited: message dropped');
      return;
    }
    log.info({ limit, activityId: activity.id }, 'rate limited: asked the sender to slow down');
    const text = t(langFromLocale(activity.locale), 'reply.slowDown');
    if (activity.type === ActivityTypes.Invoke) {
      // A click hears it in the invoke response, where Teams shows a click's answer.
      context.turnState.set(INVOKE_RESPONSE_KEY, {
        type: 'invokeResponse',
        value: {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
        },
      });
      return;
    }
    try {
      await context.sendActivity(text);
    } catch (err) {
      // Best effort: a failed "slow down" must not turn into an apology card on top.
      log.warn({ err }, 'could not send the slow-down reply');
    }
  }
}
