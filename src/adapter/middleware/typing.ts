import { ActivityTypes, TurnContext, type Activity, type Middleware } from 'botbuilder';
import { loggerFromTurn, type Logger } from '../../logger';

/**
 * Shows "typing…" while a message turn runs longer than `delayMs`, repeated every `periodMs`.
 * Replaces botbuilder's ShowTypingMiddleware, which hands a failed typing send to onTurnError (an
 * apology card for a cosmetic failure) and can do so after the turn ended, on a revoked context,
 * where the error handler itself then throws an unhandled rejection. Here typing is best effort:
 * nothing is sent once the turn is over and a failure is only logged.
 */
export class TypingIndicator implements Middleware {
  constructor(
    private readonly fallbackLogger: Logger,
    private readonly delayMs = 500,
    private readonly periodMs = 2000,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) {
      await next();
      return;
    }
    const adapter = context.adapter;
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    // Built on the first tick, not for every turn: most turns end before it. A tick only runs
    // while the turn does, so the context is still live then.
    let typing: Partial<Activity> | undefined;
    let log: Logger | undefined;
    const tick = async (): Promise<void> => {
      if (finished) return;
      typing ??= TurnContext.applyConversationReference(
        { type: ActivityTypes.Typing, relatesTo: context.activity.relatesTo },
        TurnContext.getConversationReference(context.activity),
      );
      log ??= loggerFromTurn(context, this.fallbackLogger);
      try {
        await adapter.sendActivities(context, [{ ...typing }]);
      } catch (err) {
        if (!finished) log.debug({ err }, 'typing indicator not sent');
      }
      if (!finished) timer = setTimeout(() => void tick(), this.periodMs);
    };
    timer = setTimeout(() => void tick(), this.delayMs);
    try {
      await next();
    } finally {
      finished = true;
      clearTimeout(timer);
    }
  }
}
