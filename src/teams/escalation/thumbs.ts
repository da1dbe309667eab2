import type { Activity, InvokeResponse, ResourceResponse, TurnContext } from 'botbuilder';
import type { AdviceGiven } from '../../escalation';
import { isRecord } from '../../lib/is-record';
import { LOGGER_KEY, type Logger } from '../../logger';
import type { EscalationDesk } from './desk';

/** Teams' feedback buttons send this invoke (`value.actionName: "feedback"`). */
export const FEEDBACK_INVOKE = 'message/submitAction';

/** A comment Teams sends is JSON in a string; longer than this is not a comment. */
const MAX_FEEDBACK_CHARS = 4000;

const logOf = (context: TurnContext): Logger | undefined =>
  context.turnState.get(LOGGER_KEY) as Logger | undefined;

/**
 * Replies go out only after the turn's state is saved (turn-commit.ts), so their ids are known only
 * then: a send handler added now runs at that moment and keeps, per advice message, which advice it
 * gave. A failure costs a countable thumb, never the reply.
 */
export function rememberAdvice(
  context: TurnContext,
  replies: readonly Partial<Activity>[],
  advice: readonly { reply: Partial<Activity>; given: AdviceGiven }[],
  desk: EscalationDesk,
): void {
  const positions = advice
    .map(({ reply, given }) => ({ at: replies.indexOf(reply), given }))
    .filter((p) => p.at >= 0);
  if (positions.length === 0) return;
  let done = false;
  context.onSendActivities(async (ctx, activities, next) => {
    const sent: ResourceResponse[] = await next();
    // The first batch of this turn's replies; typing indicators and later sends are not it.
    if (done || activities.length !== replies.length) return sent;
    done = true;
    const conversationId = ctx.activity.conversation?.id;
    if (!conversationId) return sent;
    for (const { at, given } of positions) {
      const id = sent[at]?.id;
      if (!id) continue;
      try {
        await desk.advice.remember(conversationId, id, given);
      } catch (err) {
        logOf(ctx)?.warn({ err }, 'advice message not remembered; a thumb on it will not be counted');
      }
    }
    return sent;
  });
}

/**
 * A thumb under an advice message: counted once per user per message for the step and code that
 * message gave, with the comment redacted. Always 200 with an empty body, as Teams expects: the
 * user has nothing to correct if the message is not one the bot remembers.
 */
export async function answerThumb(
  context: TurnContext,
  desk: EscalationDesk | undefined,
): Promise<InvokeResponse> {
  const activity = context.activity;
  const value = isRecord(activity.value) ? activity.value : {};
  const actionValue = isRecord(value.actionValue) ? value.actionValue : {};
  const reaction =
    actionValue.reaction === 'like' ? 'thumbs-up' : actionValue.reaction === 'dislike' ? 'thumbs-down' : null;
  const conversationId = activity.conversation?.id;
  if (!desk || value.actionName !== 'feedback' || !reaction || !conversationId || !activity.replyToId)
    return { status: 200 };
  try {
    const given = await desk.advice.find(conversationId, activity.replyToId);
    if (given) {
      const voter = activity.from?.aadObjectId || activity.from?.id || '';
      await desk.recordFeedback({
        step: given.step,
        outcome: reaction,
        statusCode: given.statusCode,
        objectCode: given.objectCode,
        // One reaction per user per message: changing one's mind is not a second vote.
        feedbackId: JSON.stringify(['thumb', voter, conversationId, activity.replyToId]),
        comment: commentOf(actionValue.feedback),
      });
    }
  } catch (err) {
    logOf(context)?.warn({ err }, 'thumb not recorded');
  }
  return { status: 200 };
}

/** Teams sends `feedback` as a JSON string such as `{"feedbackText":"..."}`. */
function commentOf(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_FEEDBACK_CHARS) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) && typeof parsed.feedbackText === 'string' ? parsed.feedbackText : null;
  } catch {
    return null;
  }
}
