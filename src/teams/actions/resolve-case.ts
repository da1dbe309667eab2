import { isCaseId } from '../../escalation';
import { answerCaseClick } from '../escalation/case-click';
import { optionalInput, type ClickVerb } from './verb';

/** Resolve on a support card, with the note typed into the card. */
export interface ResolveCaseAction {
  verb: 'resolveCase';
  caseId: string;
  note?: string;
}

export const resolveCase: ClickVerb<ResolveCaseAction> = {
  scope: 'click',
  read(data) {
    const note = optionalInput(data.note);
    if (!isCaseId(data.caseId) || note === null) return null;
    return { verb: 'resolveCase', caseId: data.caseId, ...(note !== undefined ? { note } : {}) };
  },
  async handle(turn, action) {
    const desk = turn.services.desk;
    answerCaseClick(
      turn,
      desk
        ? await desk.resolve(turn.context.activity, action.caseId, action.note)
        : { ok: false, reason: 'not-support' },
    );
  },
};
