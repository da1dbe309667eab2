import type { Lang } from '../../diagnosis/types';
import { t } from '../../i18n';
import { shownAsText } from '../../lib/shown-as-text';
import type { RunFacts } from '../../run-watch/run-facts';
import type { FactView } from './card-views';

/** One run as the advice card and the run alert show it: what failed, with what, and its errors. */
export interface RunSummaryView {
  /** "CONTOSO-ADMA · Full Import and Full Sync · run #412" */
  heading: string;
  facts: FactView[];
  /** Empty when the run listed no object errors. */
  errorsLabel: string;
  errors: string[];
}

/** An error text from MIM is shown as a quote of one line; the rest is in the run history. */
const MAX_ERROR_TEXT_SHOWN = 160;

export function runSummaryView(run: RunFacts, lang: Lang): RunSummaryView {
  const facts: FactView[] = [];
  if (run.failedStep) {
    facts.push({
      title: t(lang, 'runAlert.failedStep'),
      value: t(lang, 'runAlert.failedStepValue', {
        number: run.failedStep.number ?? '?',
        type: shownAsText(run.failedStep.type ?? '?'),
        result: shownAsText(run.failedStep.result ?? '?'),
      }),
    });
  }
  if (run.connection) {
    facts.push({
      title: t(lang, 'runSummary.connection'),
      value: run.connection.server
        ? t(lang, 'runSummary.connectionValue', {
            result: shownAsText(run.connection.result),
            server: shownAsText(run.connection.server),
          })
        : shownAsText(run.connection.result),
    });
  }
  return {
    heading: t(lang, 'runSummary.heading', {
      ma: shownAsText(run.maName ?? '?'),
      profile: shownAsText(run.profile ?? '?'),
      number: run.number ?? '?',
    }),
    facts,
    errorsLabel: run.totalErrors > 0 ? t(lang, 'runAlert.errors', { n: run.totalErrors }) : '',
    errors: run.errors.map((e) => errorLine(e, lang)),
  };
}

function errorLine(e: RunFacts['errors'][number], lang: Lang): string {
  const type = shownAsText(e.errorType);
  const base = e.exampleDn
    ? t(lang, 'runAlert.errorLine', { type, count: e.count, dn: shownAsText(e.exampleDn) })
    : t(lang, 'runAlert.errorLineNoDn', { type, count: e.count });
  const code = e.cdErrorCode ? ` ${t(lang, 'runAlert.cdError', { code: shownAsText(e.cdErrorCode) })}` : '';
  const text = e.errorText ? `: “${shownAsText(clip(e.errorText, MAX_ERROR_TEXT_SHOWN))}”` : '';
  return `${base}${code}${text}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
