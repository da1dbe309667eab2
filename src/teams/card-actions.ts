import { isStepId, type StepId } from '../diagnosis/types';

/**
 * Every card button sends `{ verb, ...context }`. Stateless verbs carry all they need;
 * `answer` carries the id of the question it answers so stale clicks can be recognised.
 */
export type CardAction =
  | { verb: 'answer'; questionId: string; choice: string }
  | { verb: 'showStep'; step: StepId }
  | { verb: 'fixed'; step: StepId }
  | { verb: 'stillFailing'; step: StepId; tried: StepId[] }
  | { verb: 'startOver' }
  | { verb: 'help' };

export type CardVerb = CardAction['verb'];

type Fields = Record<string, unknown>;

const MAX_FIELD = 200;

function shortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD;
}

/** Card data comes from the client and may be tampered with: accept only well-formed payloads. */
export function parseCardAction(value: unknown): CardAction | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const data = value as Fields;
  switch (data.verb) {
    case 'answer':
      return shortString(data.questionId) && shortString(data.choice)
        ? { verb: 'answer', questionId: data.questionId, choice: data.choice }
        : null;
    case 'showStep':
    case 'fixed':
      return isStepId(data.step) ? { verb: data.verb, step: data.step } : null;
    case 'stillFailing': {
      if (!isStepId(data.step)) return null;
      const tried = Array.isArray(data.tried) ? data.tried.filter(isStepId).slice(0, 7) : [];
      return { verb: 'stillFailing', step: data.step, tried };
    }
    case 'startOver':
    case 'help':
      return { verb: data.verb };
    default:
      return null;
  }
}
