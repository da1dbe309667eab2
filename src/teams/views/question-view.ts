import type { Choice, QuestionNode } from '../../diagnosis/triage-tree';
import type { Lang } from '../../diagnosis/types';
import { t } from '../../i18n';
import type { Owned } from '../actions/verb';
import type { ButtonGroupView, QuestionView } from './card-views';

export function choiceLabel(choice: Choice, lang: Lang): string {
  return typeof choice.label === 'string' ? t(lang, choice.label) : choice.label[lang];
}

/**
 * A question card's view. `questionId` is the node id plus a per-question nonce, so a click on a
 * card the conversation has moved past can be told apart from a click on the current one.
 */
export function questionView(
  node: QuestionNode,
  questionId: string,
  lang: Lang,
  owner: Owned = {},
): QuestionView {
  const groups: ButtonGroupView[] = [];
  for (let i = 0; i < node.choices.length; i += node.perGroup) {
    groups.push({
      buttons: node.choices.slice(i, i + node.perGroup).map((choice) => ({
        title: choiceLabel(choice, lang),
        data: { verb: 'answer', questionId, choice: choice.id, ...owner },
      })),
    });
  }
  return {
    questionId,
    title: t(lang, node.title),
    prompt: t(lang, node.prompt),
    hint: t(lang, 'question.hint'),
    groups,
  };
}

/** The same question after it was answered: the choice shown, the buttons and hint dropped. */
export function answeredQuestionView(node: QuestionNode, chosen: string, lang: Lang): QuestionView {
  return {
    questionId: '',
    title: t(lang, node.title),
    prompt: t(lang, node.prompt),
    hint: '',
    groups: [],
    answered: t(lang, 'question.answered', { choice: chosen }),
  };
}
