import type { Lang } from '../../diagnosis/types';
import { t } from '../../i18n';
import { when } from '../../i18n/dates';
import { shownAsText } from '../../lib/shown-as-text';
import type { MaWatch } from '../../run-watch/watch-store';
import type { FactView, ListItemView, ListView } from './card-views';
import { MAX_LISTED } from './case-views';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `runs`: the last result per MA per server, and its failures of the last 24 hours (by the runs'
 * end times); MAs with failures first, the rest by server and name.
 */
export function runsOverviewView(watches: readonly MaWatch[], lang: Lang, now: number): ListView {
  const rows = watches.map((w) => {
    const recent = w.recentFailures.filter(
      (f) => f.endedAt !== null && now - Date.parse(f.endedAt) <= DAY_MS,
    );
    return { w, recent };
  });
  rows.sort(
    (a, b) =>
      Number(b.recent.length > 0) - Number(a.recent.length > 0) ||
      a.w.keyId.localeCompare(b.w.keyId) ||
      (a.w.maName ?? '').localeCompare(b.w.maName ?? ''),
  );
  const items: ListItemView[] = rows.slice(0, MAX_LISTED).map(({ w, recent }) => {
    const facts: FactView[] = [];
    if (w.last) {
      facts.push({
        title: t(lang, 'runs.last'),
        value: t(lang, 'runs.lastValue', {
          number: w.last.number ?? '?',
          result: shownAsText(w.last.result ?? '?'),
          when: when(w.last.endedAt) || '?',
        }),
      });
    }
    const latest = recent[recent.length - 1];
    if (latest) {
      facts.push({
        title: t(lang, 'runs.failures'),
        value: t(lang, 'runs.failuresValue', {
          n: recent.length,
          number: latest.number ?? '?',
          result: shownAsText(latest.result ?? '?'),
        }),
      });
    }
    return {
      title: t(lang, 'runs.item', { server: shownAsText(w.keyId), ma: shownAsText(w.maName ?? '?') }),
      facts,
      warning: '',
    };
  });
  const text =
    rows.length === 0
      ? t(lang, 'runs.empty')
      : rows.length > items.length
        ? t(lang, 'list.more', { n: items.length })
        : '';
  return { title: t(lang, 'runs.title'), text, items };
}
