import type { Middleware, TurnContext } from 'botbuilder';
import { loggerFromTurn, type Logger } from '../../logger';
import { BoundedTtlSet, type Clock } from '../../lib/bounded-set';
import { endQuietly } from './silence';

export interface DedupeOptions {
  ttlMs: number;
  /** Upper bound on remembered ids; the oldest go first. */
  maxEntries?: number;
}

/**
 * Teams redelivers an activity when the bot answered slowly or failed; the copy has the same id in
 * the same conversation and must not be answered twice. The id is remembered when the turn starts,
 * so a copy arriving while the first is still running is dropped too.
 *
 * In memory: with several instances behind a load balancer a copy can land on another instance.
 * That needs the ids in shared storage.
 */
export class DedupeMiddleware implements Middleware {
  private readonly seen: BoundedTtlSet;

  constructor(
    options: DedupeOptions,
    private readonly fallbackLogger: Logger,
    now: Clock = Date.now,
  ) {
    this.seen = new BoundedTtlSet(options.maxEntries ?? 10_000, options.ttlMs, now);
  }

  // Not async on the way through: a promise and a tick per middleware add up on every turn.
  onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { id, channelId, conversation } = context.activity;
    if (typeof id !== 'string' || id === '') return next();
    // JSON of the triple: unambiguous whatever characters the ids contain.
    if (this.seen.add(JSON.stringify([channelId, conversation.id, id]))) return next();
    loggerFromTurn(context, this.fallbackLogger).info(
      { activityId: id, activityType: context.activity.type },
      'duplicate delivery of an activity: ignored',
    );
    endQuietly(context);
    return Promise.resolve();
  }
}
