import { onAnswer } from '../triage/answer';
import { nodeOf } from '../triage/state';
import { expandCard } from '../views/cards';
import { answeredQuestionView, choiceLabel } from '../views/question-view';
import { readOwner, shortString, type DialogVerb, type Owned } from './verb';

/** A choice on a question card; the question id tells a click on an older card from one on the current. */
export interface AnswerAction extends Owned {
  verb: 'answer';
  questionId: string;
  choice: string;
}

export const answer: DialogVerb<AnswerAction> = {
  scope: 'dialog',
  read(data) {
    const owner = readOwner(data);
    if (!owner || !shortString(data.questionId) || !shortString(data.choice)) return null;
    return { verb: 'answer', questionId: data.questionId, choice: data.choice, ...owner };
  },
  async handle(turn, action) {
    const { state, lang } = turn;
    const pending = state.pending;
    const node = pending && pending.questionId === action.questionId ? nodeOf(pending) : null;
    const choice = node?.choices.find((c) => c.id === action.choice);
    if (!node || !choice) {
      turn.out.note = 'stale';
      return;
    }
    turn.out.replace = {
      card: expandCard('question', answeredQuestionView(node, choiceLabel(choice, lang), lang)),
      everyone: true,
    };
    return onAnswer(turn, choice.answer);
  },
};
