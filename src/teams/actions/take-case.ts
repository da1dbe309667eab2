import { isCaseId } from '../../escalation';
import { answerCaseClick } from '../escalation/case-click';
import type { ClickVerb } from './verb';

/** Take case on a support card: only the case id; who clicked comes from the activity, never from here. */
export interface TakeCaseAction {
  verb: 'takeCase';
  caseId: string;
}

export const takeCase: ClickVerb<TakeCaseAction> = {
  scope: 'click',
  read: (data) => (isCaseId(data.caseId) ? { verb: 'takeCase', caseId: data.caseId } : null),
  async handle(turn, action) {
    const desk = turn.services.desk;
    answerCaseClick(
      turn,
      desk ? await desk.take(turn.context.activity, action.caseId) : { ok: false, reason: 'not-support' },
    );
  },
};
