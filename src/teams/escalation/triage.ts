import { randomUUID } from 'node:crypto';
import type { Lang, StepId } from '../../diagnosis/types';
import { summarizeFindings, type CaseInput, type FeedbackOutcome, type StepShown } from '../../escalation';
import { t } from '../../i18n';
import { caseSummaryText } from '../../i18n/case-summary';
import { LOGGER_KEY, type Logger } from '../../logger';
import type { CardAction } from '../actions/card-action';
import { expandCard } from '../views/cards';
import { caseCommandReply, type CaseCommand } from './case-commands';
import { caseSummary } from '../triage/case-summary';
import { caseFormView, type CaseFormInput } from '../views/case-views';
import { requesterOf, type EscalationDesk } from './desk';
import { messageView } from '../views/message-views';
import type { TriageState, Turn } from '../triage/state';
import { sendCard, tell } from '../triage/replies';
import { say } from '../turn-outcome';

// The dialog's escalation handlers (issue 6). `desk` is undefined in the terminal chat, which offers no cases.

/**
 * The case this turn opened. A turn that loses a state race runs again (src/state/turn-commit.ts,
 * which keeps this key for the re-run): the re-run must know the case it finds was opened by this click.
 */
export const CASE_OPENED_THIS_TURN_KEY = Symbol('caseOpenedThisTurn');

/** The "That fixed it" / "Still failing" answer: kept for the case, counted for support's stats. */
export async function recordOutcome(
  desk: EscalationDesk | undefined,
  turn: Turn,
  step: StepId,
  outcome: FeedbackOutcome,
): Promise<void> {
  const { state, context } = turn;
  state.outcomes[step] = outcome;
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

function stepsShown(state: TriageState): StepShown[] {
  return state.shown.map((step) => ({ step, outcome: state.outcomes[step] ?? 'no answer' }));
}

/** The short form: what the bot knows, plus the two inputs it lacks. Its submit id is new each time. */
export async function showCaseForm(
  desk: EscalationDesk | undefined,
  turn: Turn,
  step?: StepId,
): Promise<void> {
  const { state, lang } = turn;
  // Clicked on an advice card from before a restart or a state expiry: that card's step is the case.
  if (step && state.current === null) {
    state.current = step;
    if (!state.shown.includes(step)) state.shown.push(step);
  }
  if (!desk) {
    return tell(turn, 'reply.escalationUnavailable', {
      summary: caseSummary(state, state.current, lang),
    });
  }
  return sendCard(turn, 'case-form', caseFormView(formInput(state, lang, randomUUID())));
}

function formInput(state: TriageState, lang: Lang, submissionId: string): CaseFormInput {
  return {
    lang,
    findings: summarizeFindings(state.facts, state.current),
    steps: stepsShown(state),
    messageCount: state.messages.length,
    submissionId,
  };
}

/** Opens the case from the submitted form, once per submission id. */
export async function openCase(
  desk: EscalationDesk | undefined,
  turn: Turn,
  action: Extract<CardAction, { verb: 'openCase' }>,
): Promise<void> {
  const { state, lang, context } = turn;
  if (!desk) return tell(turn, 'reply.casesUnavailable');
  const description = action.description?.trim() ?? '';
  if (description === '' || !action.impact) {
    // Teams checks the required inputs first; this is for old clients and hand-made payloads.
    turn.out.note = { text: t(lang, 'reply.caseMissingInput') };
    return;
  }
  const input: CaseInput = {
    requester: requesterOf(context.activity),
    lang,
    description,
    impact: action.impact,
    findings: summarizeFindings(state.facts, state.current),
    steps: stepsShown(state),
    userMessages: state.messages,
  };
  const opened = await desk.openCase(input, action.submissionId);
  const c = opened.case;
  // A turn re-run after a state conflict finds its own case: it was still opened by this click.
  const createdHere = opened.created || context.turnState.get(CASE_OPENED_THIS_TURN_KEY) === c.id;
  if (opened.created) context.turnState.set(CASE_OPENED_THIS_TURN_KEY, c.id);
  // The form, sent: inputs and button gone, so it cannot be sent twice from this card.
  turn.out.replace = {
    card: expandCard('case-form', caseFormView(formInput(state, lang, action.submissionId), c.id)),
    everyone: true,
  };
  if (!createdHere) {
    return sendCard(
      turn,
      'message',
      messageView(
        t(lang, 'reply.caseOpened.title', { caseId: c.id }),
        t(lang, 'reply.caseAlreadyOpened', { caseId: c.id }),
      ),
    );
  }
  if (!opened.queued) {
    // Honest: stored, but nobody has been told. The summary is for the user to pass on.
    return sendCard(turn, 'message', {
      ...messageView(
        t(lang, 'reply.caseNoChannel.title', { caseId: c.id }),
        t(lang, 'reply.caseNoChannel.text'),
      ),
      detail: caseSummaryText(c, lang),
    });
  }
  return sendCard(
    turn,
    'message',
    messageView(t(lang, 'reply.caseOpened.title', { caseId: c.id }), t(lang, 'reply.caseOpened.text')),
  );
}

/** `my cases`, `open cases`, `stats` and registering the channel: no dialog state involved. */
export async function caseCommand(
  desk: EscalationDesk | undefined,
  turn: Turn,
  command: CaseCommand,
): Promise<void> {
  if (!desk) return tell(turn, 'reply.casesUnavailable');
  const reply = await caseCommandReply(desk, command, turn.context.activity, turn.lang);
  if ('list' in reply) return sendCard(turn, 'list', reply.list);
  say(turn.out, reply.text);
}
