import type { AnswerValue, QuestionNode } from '../../diagnosis/triage-tree';
import { normaliseAnswer, typedAnswer } from '../../diagnosis/typed-answer';
import { LANGS, type Recognition } from '../../diagnosis/types';
import { choiceLabel } from '../views/question-view';

/** A typed answer to the pending question: by number, by a label in either language, or a value found. */
export function answerFromText(node: QuestionNode, recognition: Recognition): AnswerValue | null {
  return typedAnswer(node, recognition, (choice, text) =>
    LANGS.some((lang) => normaliseAnswer(choiceLabel(choice, lang)) === text),
  );
}
