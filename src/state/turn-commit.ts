import { ActivityTypes, type Activity, type BotState, type TurnContext } from 'botbuilder';
import { LOGGER_KEY } from '../logger';
import { isETagConflict } from './conflict';
import type { StateLogger } from './file-storage';

export interface CommitTurnOptions {
  /**
   * Saved after the turn, in this order. Put first the state turns change most (the dialog state):
   * a conflict there means nothing of this turn was written yet, so the turn can run again cleanly.
   * A conflict on a later state (user language, a once-only flag) comes after the first state was
   * saved, so the turn is not run again; its replies go out and that one change is lost (logged).
   */
  states: readonly BotState[];
  /** Runs the bot's handlers (ActivityHandler.run); must not save state itself. */
  handle: () => Promise<void>;
  /** The plain "please send that again" text for when the retry conflicts too. */
  retryText: (context: TurnContext) => string | Promise<string>;
  /** Runs of the turn at most (default 2: once, and once more after a conflict). */
  attempts?: number;
  /** Default: the request's logger the server put in turnState, if any. */
  logger?: StateLogger;
  /**
   * turnState keys whose values survive into the re-run, e.g. "this turn created case X" so the
   * re-run of an idempotent side effect still says "opened" rather than "already opened".
   */
  retain?: readonly unknown[];
}

type HeldSend = () => Promise<unknown>;

const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/**
 * Runs one turn so that two instances handling the same conversation at once cannot lose an update
 * or contradict themselves: replies are held back until the state is saved.
 *
 * 1. Everything the turn sends, updates or deletes is queued, not sent (the handlers get empty ids,
 *    as with botbuilder's ExpectReplies delivery).
 * 2. The states are saved, each conditional on the eTag it was read with (OptimisticStorage).
 * 3. Saved: the queue goes out in order. Lost the race on the first state: the queue is dropped,
 *    the turn's cached state and turn-scoped values are reset, and the turn runs again on the fresh
 *    state, so the user sees only the replies of the run that counts. Lost again: the user is asked
 *    plainly to send it again.
 *
 * A handler that throws still gets its state saved and its queued replies sent (as before), then
 * the error goes on to the adapter's onTurnError. A save that fails for another reason drops the
 * queue (what it says did not happen) and throws, so onTurnError apologises.
 *
 * Side effects other than replies and these states (a proactive post, a case record) are not held
 * back: a turn that makes them must make them idempotent, or queue them for after the save.
 */
export async function commitTurn(context: TurnContext, options: CommitTurnOptions): Promise<void> {
  const attempts = Math.max(1, options.attempts ?? 2);
  const logger = options.logger ?? (context.turnState.get(LOGGER_KEY) as StateLogger | undefined);
  const turnStateBefore = new Map<unknown, unknown>(context.turnState);
  const activityBefore = snapshot(context.activity);

  let held: HeldSend[] = [];
  let holding = true;
  context.onSendActivities(async (_context, activities, next) => {
    if (!holding) return next();
    held.push(next);
    return activities.map(() => ({ id: '' }));
  });
  context.onUpdateActivity(async (_context, _activity, next) => {
    if (!holding) return next();
    held.push(next);
  });
  context.onDeleteActivity(async (_context, _reference, next) => {
    if (!holding) return next();
    held.push(next);
  });

  const release = async (): Promise<void> => {
    holding = false;
    const queue = held;
    held = [];
    for (const send of queue) await send();
  };
  const discard = (): void => {
    holding = false;
    held = [];
  };

  for (let attempt = 1; ; attempt += 1) {
    try {
      await options.handle();
    } catch (handlerError) {
      await saveAfterFailure(context, options.states, logger);
      await release();
      throw handlerError;
    }

    let conflictAt: number;
    try {
      conflictAt = await saveStates(context, options.states);
    } catch (saveError) {
      discard();
      throw saveError;
    }

    if (conflictAt < 0) {
      await release();
      return;
    }
    if (conflictAt > 0) {
      logger?.warn(
        { attempt, state: options.states[conflictAt]?.constructor.name },
        'a concurrent turn changed this state first; this turn kept its replies and lost that one change',
      );
      await release();
      return;
    }
    held = [];
    const retained = (options.retain ?? []).filter((key) => context.turnState.has(key));
    const kept = retained.map((key): [unknown, unknown] => [key, context.turnState.get(key)]);
    await resetTurn(context, turnStateBefore, activityBefore, options.states);
    for (const [key, value] of kept) context.turnState.set(key, value);
    if (attempt >= attempts) {
      logger?.warn(
        { attempt },
        'a concurrent turn of this conversation saved first again; asking the user to repeat',
      );
      discard();
      await askToRepeat(context, await options.retryText(context));
      return;
    }
    logger?.info({ attempt }, 'a concurrent turn of this conversation saved first; running this turn again');
  }
}

/** Index of the state whose save lost an eTag race, or -1 when all were saved. */
async function saveStates(context: TurnContext, states: readonly BotState[]): Promise<number> {
  for (const [index, state] of states.entries()) {
    try {
      await state.saveChanges(context, false);
    } catch (err) {
      if (isETagConflict(err)) return index;
      throw err;
    }
  }
  return -1;
}

/** After a handler error: save what can be saved, but never hide the handler's error behind a save error. */
async function saveAfterFailure(
  context: TurnContext,
  states: readonly BotState[],
  logger: StateLogger | undefined,
): Promise<void> {
  for (const state of states) {
    try {
      await state.saveChanges(context, false);
    } catch (err) {
      logger?.warn({ err }, 'state not saved after a failed turn');
    }
  }
}

/** Back to how the turn started: turn-scoped values and cached state gone, the activity as received. */
async function resetTurn(
  context: TurnContext,
  turnStateBefore: Map<unknown, unknown>,
  activityBefore: Partial<Activity>,
  states: readonly BotState[],
): Promise<void> {
  for (const key of [...context.turnState.keys()]) {
    if (!turnStateBefore.has(key)) context.turnState.delete(key);
  }
  for (const [key, value] of turnStateBefore) context.turnState.set(key, value);
  // Handlers may change the activity's fields (removing the bot's @mention does).
  const activity = context.activity as unknown as Record<string, unknown>;
  for (const key of Object.keys(activity)) if (!(key in activityBefore)) delete activity[key];
  Object.assign(activity, activityBefore);
  // Also replaces state a middleware loaded before the turn began.
  for (const state of states) await state.load(context, true);
}

/** After the last attempt lost too. A card click (Action.Execute) needs its answer as the invoke response. */
async function askToRepeat(context: TurnContext, text: string): Promise<void> {
  const { type, name } = context.activity;
  if (type === ActivityTypes.Invoke && name === CARD_ACTION_INVOKE) {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
      },
    });
    return;
  }
  await context.sendActivity(text);
}

/**
 * The activity's own fields as received. Shallow on purpose: handlers replace fields (removing the
 * bot's @mention assigns a new `text`) but never edit the objects inside in place, and a deep copy
 * of every activity cost more than the rest of the commit.
 */
function snapshot(activity: Activity): Partial<Activity> {
  return { ...activity };
}
