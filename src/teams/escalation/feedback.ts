import { randomUUID } from 'node:crypto';
import type { StepId } from '../../diagnosis/types';
import { summarizeFindings, type FeedbackOutcome } from '../../escalation';
import { LOGGER_KEY, type Logger } from '../../logger';
import type { Turn } from '../triage/turn';

/** The "That fixed it" / "Still failing" answer: kept for the case, counted for support's stats. */
export async function recordOutcome(turn: Turn, step: StepId, outcome: FeedbackOutcome): Promise<void> {
  const { state, context } = turn;
  state.outcomes[step] = outcome;
  const desk = turn.services.desk;
  if (!desk) return;
  const codes = summarizeFindings(state.facts, step);
  try {
    await desk.recordFeedback({
      step,
      outcome,
      statusCode: codes.statusCodes[0] ?? null,
      objectCode: codes.objectCodes[0] ?? null,
      feedbackId: `${context.activity.id ?? randomUUID()}/${step}`,
    });
  } catch (err) {
    // Statistics are not worth failing the user's turn for.
    (context.turnState.get(LOGGER_KEY) as Logger | undefined)?.warn({ err }, 'feedback not recorded');
  }
}
