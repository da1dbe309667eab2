import type { Attachment } from 'botbuilder';
import { advise, emptyFacts } from '../../diagnosis/advise';
import type { Diagnosis } from '../../diagnosis/diagnose';
import type { Lang, Route } from '../../diagnosis/types';
import { adviceView } from '../views/advice-view';
import { cardAttachment } from '../views/cards';
import { outOfScopeAnswerView } from '../views/message-views';

/**
 * The card a message extension hands back: the chat's advice card for the step, buttons included
 * (they carry the step, so a click anywhere continues as in chat), or the out-of-scope card. A
 * message extension cannot ask back, so where the chat would ask, the top step is given.
 */
export function stepCard(
  step: Route,
  lang: Lang,
  escalation: boolean,
  diagnosis?: Pick<Diagnosis, 'recognition' | 'decision'>,
): Attachment {
  if (step === 'out-of-scope') {
    return cardAttachment('message', outOfScopeAnswerView(diagnosis?.decision, lang, { escalation }));
  }
  const facts = { ...emptyFacts(), findings: [...(diagnosis?.recognition.findings ?? [])] };
  return cardAttachment(
    'advice',
    adviceView(advise(step, facts), { lang, shown: [step], secondary: null, escalate: escalation }),
  );
}

/** The step a diagnosis gives, or out of scope when there is none to give. */
export function stepOfDiagnosis({ reply }: Diagnosis): Route {
  if (reply.kind === 'answer') return reply.step;
  if (reply.kind === 'clarify') return reply.candidates[0] ?? 'out-of-scope';
  return 'out-of-scope';
}
