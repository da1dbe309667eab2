import { randomUUID } from 'node:crypto';
import type { Lang, StepId } from '../../diagnosis/types';
import { summarizeFindings, type StepShown } from '../../escalation';
import { ownerOf } from '../actions/verb';
import { caseSummary } from '../triage/case-summary';
import type { TriageState } from '../triage/state';
import { sendCard, tell, type Turn } from '../triage/turn';
import { caseFormView, type CaseFormInput } from '../views/case-views';

/** The steps of the case with what the user said after each. */
export function stepsShown(state: TriageState): StepShown[] {
  return state.shown.map((step) => ({ step, outcome: state.outcomes[step] ?? 'no answer' }));
}

/** What the case form shows of the case; the submission id makes one click open one case. */
export function formInput(state: TriageState, lang: Lang, submissionId: string): CaseFormInput {
  return {
    lang,
    findings: summarizeFindings(state.facts, state.current),
    steps: stepsShown(state),
    messageCount: state.messages.length,
    submissionId,
  };
}

/** The short form: what the bot knows, plus the two inputs it lacks. Its submit id is new each time. */
export async function showCaseForm(turn: Turn, step?: StepId): Promise<void> {
  const { state, lang } = turn;
  // Clicked on an advice card from before a restart or a state expiry: that card's step is the case.
  if (step && state.current === null) {
    state.current = step;
    if (!state.shown.includes(step)) state.shown.push(step);
  }
  if (!turn.services.desk) {
    return tell(turn, 'reply.escalationUnavailable', {
      summary: caseSummary(state, state.current, lang),
    });
  }
  return sendCard(
    turn,
    'case-form',
    caseFormView({ ...formInput(state, lang, randomUUID()), owner: ownerOf(turn.context.activity) }),
  );
}
