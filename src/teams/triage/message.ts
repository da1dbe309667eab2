import type { Diagnosis } from '../../diagnosis/diagnose';
import { plausibleSteps } from '../../diagnosis/reply-plan';
import { failedStep } from '../../diagnosis/what-was-pasted';
import { runFactsOf, type RunFacts } from '../../run-watch/run-facts';
import { QUESTIONS, clarifyQuestion } from '../../diagnosis/triage-tree';
import { answerFromText } from '../input/typed-answer';
import { onAnswer } from './answer';
import { outOfScopeAnswerView } from '../views/message-views';
import { ask, showAdvice } from './show';
import { nodeOf, startNewCase } from './state';
import { sendCard, type Turn } from './turn';

/** What the user typed that is no command: an answer to the pending question, else a problem. */
export async function onMessage(turn: Turn, diagnosis: Diagnosis, text: string): Promise<void> {
  const pending = turn.state.pending;
  if (pending) {
    const answer = answerFromText(nodeOf(pending), diagnosis.recognition);
    if (answer) return onAnswer(turn, answer);
  }
  return onProblem(turn, diagnosis, text);
}

/** The run that failed worst in a pasted or attached run history, as the summary shows it. */
function failedRunOf(pasted: Diagnosis['pasted']): RunFacts | null {
  const failed = pasted.history ? failedStep(pasted.history) : null;
  return failed ? runFactsOf(failed.run) : null;
}

/** A new message with its own evidence starts a new case; answers to questions add to it. */
async function onProblem(
  turn: Turn,
  { recognition, decision, reply, pasted }: Diagnosis,
  text: string,
): Promise<void> {
  const { state, lang } = turn;
  startNewCase(state, lang);
  state.facts.findings = [...recognition.findings];
  state.ranked = plausibleSteps(decision);
  switch (reply.kind) {
    case 'answer':
      return showAdvice(turn, reply.step, {
        secondary: reply.secondary,
        lowConfidence: reply.lowConfidence,
        run: failedRunOf(pasted),
      });
    case 'clarify':
      return ask(turn, clarifyQuestion(reply.candidates));
    case 'out-of-scope': {
      turn.out.unplaced = { kind: 'out-of-scope', text };
      return sendCard(
        turn,
        'message',
        outOfScopeAnswerView(decision, turn.lang, { escalation: turn.services.desk !== undefined }),
      );
    }
    case 'no-signal':
      turn.out.unplaced = { kind: 'no-signal', text };
      return ask(turn, QUESTIONS.symptom);
  }
}
