import { stepOfRunStatus } from '../../diagnosis/look-up';
import type { AnswerValue } from '../../diagnosis/triage-tree';
import { showAdvice, showMessage } from './show';
import type { Turn } from './turn';

/** An answer to the tree's pending question, clicked or typed: it fills its slot and moves the case on. */
export async function onAnswer(turn: Turn, answer: AnswerValue): Promise<void> {
  const { state } = turn;
  state.pending = null;
  switch (answer.slot) {
    case 'step':
      if (answer.value) return showAdvice(turn, answer.value);
      return showMessage(turn, 'reply.noSignal.title', 'reply.outOfScope.text');
    case 'mimBuild':
      state.facts.mimBuild = answer.value;
      break;
    case 'connector':
      state.facts.connector = answer.value;
      break;
    case 'statusCode':
      state.facts.statusCode = answer.value;
      if (answer.value) {
        const step = stepOfRunStatus(answer.value);
        if (step) return showAdvice(turn, step, { refined: true });
      }
      break;
  }
  // The refined advice replaces nothing; it follows with what the answer added.
  if (state.current) return showAdvice(turn, state.current, { refined: true });
}
