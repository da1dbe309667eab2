import type { Advice } from '../../diagnosis/advise';
import type { ConnectorId, Finding, Lang, StepId } from '../../diagnosis/types';
import { getStep } from '../../diagnosis/knowledge/steps';
import { t, type StringKey } from '../../i18n';
import { versionSentences } from '../../i18n/version-gap';
import type { AdviceView, ButtonView, FactView, SectionView } from './card-views';
import type { RunFacts } from '../../run-watch/run-facts';
import { runSummaryView } from './run-summary-view';

const FACT_LABEL: Partial<Record<Finding['kind'], StringKey>> = {
  'run-status': 'fact.runStatus',
  'object-error': 'fact.objectError',
  'event-id': 'fact.event',
  'mim-build': 'fact.mimBuild',
  'connector-build': 'fact.connectorBuild',
  connector: 'fact.connector',
  exception: 'fact.exception',
  hresult: 'fact.hresult',
};

function factOf(f: Finding, lang: Lang): FactView | null {
  const label = FACT_LABEL[f.kind];
  if (!label) return null;
  const value =
    f.kind === 'connector'
      ? t(lang, `connector.${f.value as ConnectorId}`)
      : f.kind === 'exception'
        ? f.raw
        : f.value;
  return { title: t(lang, label), value };
}

function codeSections(advice: Advice, lang: Lang): SectionView[] {
  const sections: SectionView[] = [];
  for (const entry of [advice.runStatus, advice.objectError]) {
    if (!entry) continue;
    const meaning = entry.unverified
      ? `${entry.meaning[lang]} ${t(lang, 'section.unverified')}`
      : entry.meaning[lang];
    sections.push({ title: t(lang, 'section.meaning', { code: entry.code }), items: [meaning] });
    if (entry.causes[lang].length > 0)
      sections.push({ title: t(lang, 'section.causes'), items: [...entry.causes[lang]] });
  }
  return sections;
}

function eventSections(advice: Advice, lang: Lang): SectionView[] {
  return advice.events.map(({ id, info }) =>
    info?.meaning
      ? { title: t(lang, 'section.event', { id }), items: [info.meaning[lang]] }
      : { title: t(lang, 'section.event', { id }), items: [t(lang, 'section.eventUnknown', { id })] },
  );
}

function versionSections(advice: Advice, lang: Lang): SectionView[] {
  const items = advice.versions.flatMap((gap) => versionSentences(gap, lang));
  return items.length > 0 ? [{ title: t(lang, 'section.version'), items }] : [];
}

function adviceButtons(step: StepId, shown: readonly StepId[], lang: Lang, escalate = false): ButtonView[] {
  return [
    { title: t(lang, 'advice.button.fixed'), data: { verb: 'fixed', step } },
    { title: t(lang, 'advice.button.stillFailing'), data: { verb: 'stillFailing', step, tried: [...shown] } },
    ...(escalate
      ? [{ title: t(lang, 'advice.button.escalate'), data: { verb: 'escalate', step } } as const]
      : []),
    { title: t(lang, 'advice.button.startOver'), data: { verb: 'startOver' } },
  ];
}

export interface AdviceViewOptions {
  lang: Lang;
  /** Steps shown so far in this case, including this one. */
  shown: readonly StepId[];
  secondary?: StepId | null;
  lowConfidence?: boolean;
  /** Offer "Escalate to support" (when the bot can open cases). */
  escalate?: boolean;
  /** The failed run of a pasted or attached run history, summarised at the top. */
  run?: RunFacts | null;
}

/** The advice card's view: the step, what was recognised, what the codes mean, and the doc link. */
export function adviceView(advice: Advice, options: AdviceViewOptions): AdviceView {
  const { lang } = options;
  const step = advice.step;
  const notes: string[] = [];
  if (options.secondary)
    notes.push(t(lang, 'advice.secondary', { step: getStep(options.secondary).title[lang] }));
  if (options.lowConfidence) notes.push(t(lang, 'advice.lowConfidence'));
  return {
    kicker: t(lang, 'advice.kicker', { n: step.order }),
    title: step.title[lang],
    ...(options.run ? { run: runSummaryView(options.run, lang) } : {}),
    recognisedLabel: t(lang, 'advice.recognised'),
    recognised: advice.recognised.map((f) => factOf(f, lang)).filter((f): f is FactView => f !== null),
    sections: [
      ...codeSections(advice, lang),
      ...eventSections(advice, lang),
      ...advice.exceptions
        .filter((e) => e.meaning)
        .map((e) => ({
          title: t(lang, 'section.exception', { name: e.name }),
          items: [e.meaning?.[lang] ?? ''],
        })),
      ...versionSections(advice, lang),
    ],
    actionsLabel: t(lang, 'advice.actions'),
    actions: step.actions[lang].map((text, i) => ({ n: String(i + 1), text })),
    whyLabel: t(lang, 'advice.why'),
    why: step.why[lang],
    note: notes.join(' '),
    docLabel: t(lang, 'advice.doc'),
    docUrl: step.docUrl,
    buttons: adviceButtons(step.id, options.shown, lang, options.escalate),
  };
}
