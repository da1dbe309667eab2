import { randomUUID } from 'node:crypto';
import type { StepId } from '../../diagnosis/types';
import { summarizeFindings, type FeedbackOutcome } from '../../escalation';
import { LOGGER_KEY, type Logger } from '../../logger';
import type { TurnContext } from 'botbuilder';
import type { Turn } from '../triage/turn';

/**
 * One vote per user per advice message: the clicked card's message (`replyToId`), else the typed
 * message, with the voter. Repeated clicks, a "Still failing" after "That fixed it" on the same card,
 * or a colleague replaying the payload as someone else's vote, count once per person.
 */
function voteId(activity: TurnContext['activity'], step: StepId): string {
  const voter = activity.from?.aadObjectId || activity.from?.id || '';
  const message = activity.replyToId ? `card:${activity.replyToId}` : `typed:${activity.id ?? randomUUID()}`;
  return JSON.stringify([voter, activity.conversation?.id ?? '', message, step]);
}

/** The "That fixed it" / "Still failing" answer: kept for the case, counted for support's stats. */
export async function recordOutcome(turn: Turn, step: StepId, outcome: FeedbackOutcome): Promise<void> {
  const { state, context } = turn;
  // A second answer about the same step of the same case changes the case, not the statistics.
  const voted = state.outcomes[step] !== undefined;
  state.outcomes[step] = outcome;
  const desk = turn.services.desk;
  if (!desk || voted) return;
  const codes = summarizeFindings(state.facts, step);
  try {
    await desk.recordFeedback({
      step,
      outcome,
      statusCode: codes.statusCodes[0] ?? null,
      objectCode: codes.objectCodes[0] ?? null,
      feedbackId: voteId(context.activity, step),
    });
  } catch (err) {
    // Statistics are not worth failing the user's turn for.
    (context.turnState.get(LOGGER_KEY) as Logger | undefined)?.warn({ err }, 'feedback not recorded');
  }
}
