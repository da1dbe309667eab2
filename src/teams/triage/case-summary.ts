import { getStep } from '../../diagnosis/knowledge';
import type { Lang, StepId } from '../../diagnosis/types';
import { t } from '../../i18n';
import type { TriageState } from './state';

/** A one-paragraph summary of the case for a human to pick up. */
export function caseSummary(state: TriageState, step: StepId | null, lang: Lang): string {
  const steps = [...new Set([...state.shown, ...(step ? [step] : [])])];
  const parts = [
    ...state.facts.findings.filter((f) => f.kind !== 'symptom').map((f) => f.raw || f.value),
    state.facts.mimBuild ? `MIM ${state.facts.mimBuild}` : '',
    state.facts.connector ? t(lang, `connector.${state.facts.connector}`) : '',
    steps.length > 0
      ? t(lang, 'summary.stepsShown', { steps: steps.map((id) => `"${getStep(id).title[lang]}"`).join(', ') })
      : '',
  ].filter(Boolean);
  return parts.join('; ');
}
