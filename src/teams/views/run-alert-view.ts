import { getStep } from '../../diagnosis/knowledge/steps';
import type { Lang } from '../../diagnosis/types';
import { t } from '../../i18n';
import { when } from '../../i18n/dates';
import { shownAsText } from '../../lib/shown-as-text';
import type { RunFacts } from '../../run-watch/run-facts';
import type { MaWatch, RunAlert } from '../../run-watch/watch-store';
import type { SupportMention } from '../../config/escalation';
import type { ButtonView, FactView, LinkView, MentionView } from './card-views';
import { mentionView } from './case-views';
import { runSummaryView } from './run-summary-view';

export interface RunAlertView {
  /** Who the first post @mentions (people or a Teams tag); empty on updates. */
  mentionText: string;
  mentions: MentionView[];
  kicker: string;
  title: string;
  status: string;
  statusColor: 'Attention' | 'Good';
  onIt: string;
  /** The case opened from this alert, once there is one. */
  caseLine: string;
  muted: string;
  facts: FactView[];
  errorsLabel: string;
  errors: string[];
  diagnosisLabel: string;
  diagnosis: string;
  links: LinkView[];
  buttons: ButtonView[];
}

/**
 * The alert card: the run summary (server, MA, profile, run, failed step, errors grouped with an
 * example) and the diagnosis. Names, DNs and codes come from a MIM server: shown as text, never as
 * Markdown. Buttons carry the alert id only; who clicked is read from the activity.
 */
export function runAlertView(
  alert: RunAlert,
  watch: Pick<MaWatch, 'mutedUntilMs' | 'mutedBy'>,
  lang: Lang,
  now: number,
  mentions: readonly SupportMention[] = [],
): RunAlertView {
  const first = alert.first;
  const last = alert.last;
  const recovered = alert.status === 'recovered' && alert.recovered !== null;
  const facts: FactView[] = [
    { title: t(lang, 'runAlert.server'), value: shownAsText(alert.keyId) },
    { title: t(lang, 'runAlert.ma'), value: shownAsText(alert.maName ?? '?') },
    { title: t(lang, 'runAlert.profile'), value: shownAsText(first.profile ?? '?') },
    { title: t(lang, 'runAlert.run'), value: runValue(first, lang) },
  ];
  if (alert.failedRuns > 1) facts.push({ title: t(lang, 'runAlert.lastRun'), value: runValue(last, lang) });
  const summary = runSummaryView(last, lang);
  facts.push(...summary.facts);
  const step = last.step ? getStep(last.step) : null;
  const mutedNow = watch.mutedUntilMs !== null && watch.mutedUntilMs > now;
  return {
    mentionText:
      mentions.length > 0
        ? t(lang, 'runAlert.mention', { mentions: mentions.map((m) => `<at>${m.name}</at>`).join(' ') })
        : '',
    mentions: mentions.map(mentionView),
    kicker: t(lang, 'runAlert.kicker', { server: shownAsText(alert.keyId) }),
    title: t(lang, 'runAlert.title', {
      ma: shownAsText(alert.maName ?? '?'),
      profile: shownAsText(first.profile ?? '?'),
      result: shownAsText(alert.result),
    }),
    status: recovered
      ? t(lang, 'runAlert.status.recovered', { when: when(alert.recovered?.at ?? null), n: alert.failedRuns })
      : t(lang, 'runAlert.status.open', { since: when(first.endedAt), n: alert.failedRuns }),
    statusColor: recovered ? 'Good' : 'Attention',
    onIt: alert.onIt
      ? t(lang, 'runAlert.onIt', {
          name: shownAsText(alert.onIt.name || alert.onIt.id),
          when: when(alert.onIt.at),
        })
      : recovered
        ? ''
        : t(lang, 'runAlert.nobody'),
    caseLine: alert.caseId ? t(lang, 'runAlert.case', { caseId: alert.caseId }) : '',
    muted:
      mutedNow && watch.mutedBy
        ? t(lang, 'runAlert.muted', {
            name: shownAsText(watch.mutedBy.name || watch.mutedBy.id),
            until: when(new Date(watch.mutedUntilMs ?? now).toISOString()),
          })
        : '',
    facts,
    errorsLabel: summary.errorsLabel,
    errors: summary.errors,
    diagnosisLabel: t(lang, 'runAlert.diagnosis'),
    diagnosis: step ? step.title[lang] : t(lang, 'runAlert.noStep'),
    links: step ? [{ title: t(lang, 'advice.doc'), url: step.docUrl }] : [],
    buttons: recovered
      ? []
      : [
          ...(alert.onIt
            ? []
            : [
                {
                  title: t(lang, 'runAlert.button.onIt'),
                  data: { verb: 'runAlertOnIt' as const, alertId: alert.id },
                },
              ]),
          ...(alert.caseId
            ? []
            : [
                {
                  title: t(lang, 'runAlert.button.case'),
                  data: { verb: 'runAlertCase' as const, alertId: alert.id },
                },
              ]),
          ...(mutedNow
            ? []
            : [
                {
                  title: t(lang, 'runAlert.button.mute'),
                  data: { verb: 'runAlertMute' as const, alertId: alert.id },
                },
              ]),
        ],
  };
}

function runValue(run: RunFacts, lang: Lang): string {
  return t(lang, 'runAlert.runValue', { number: run.number ?? '?', when: when(run.endedAt) || '?' });
}
