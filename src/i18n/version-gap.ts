import type {
  ConnectorVersionGap,
  LineGap,
  MimVersionGap,
  SupportFacts,
  UpgradePath,
  VersionGap,
} from '../diagnosis/version-gap';
import type { Lang, MimBuild } from '../diagnosis/types';
import { formatDay, formatMonth } from './dates';
import { t } from './index';

/** How many sync-fix builds or connector changes are listed before the rest is summarised. */
const LIST_LIMIT = 6;

/** Short sentences for the advice card's version section, in the given language. */
export function versionSentences(gap: VersionGap, lang: Lang): string[] {
  switch (gap.kind) {
    case 'mim':
      return mimSentences(gap, lang);
    case 'connector':
      return connectorSentences(gap, lang);
    case 'line':
      return lineSentences(gap, lang);
  }
}

function lineSentences(gap: LineGap, lang: Lang): string[] {
  const sentences = [t(lang, 'version.line', { line: gap.line, prefix: gap.prefix, latest: gap.latest })];
  if (gap.supported === false) sentences.push(t(lang, 'version.lineUnsupported', { line: gap.line }));
  return sentences;
}

function mimBuildLabel(b: MimBuild, lang: Lang): string {
  return b.date ? `${b.build} (${formatMonth(b.date, lang)})` : b.build;
}

function supportSentence(support: SupportFacts, lang: Lang): string {
  switch (support.kind) {
    case 'fim-2010':
      return t(lang, support.supported ? 'gap.supportFim' : 'gap.supportFimEnded', {
        date: formatDay(support.endOfSupport, lang),
      });
    case 'mim-rtm':
      return t(lang, 'gap.supportRtm');
    case 'mim-sp1':
      return t(lang, 'gap.supportSp1');
    case 'mim-2016':
      return support.supported
        ? t(lang, 'gap.supportMim', {
            date: formatDay(support.endOfSupport, lang),
            previous: support.previousEndOfSupport ? formatDay(support.previousEndOfSupport, lang) : '',
          })
        : t(lang, 'gap.supportMimEnded', { date: formatDay(support.endOfSupport, lang) });
    case 'unknown':
      return t(lang, 'gap.supportUnknown');
  }
}

function upgradeSentence(upgrade: UpgradePath, lang: Lang): string {
  return t(lang, upgrade.direct ? 'gap.upgradeFim' : 'gap.upgradeFimOld', { minimum: upgrade.minimum });
}

function mimSentences(gap: MimVersionGap, lang: Lang): string[] {
  if (!gap.valid) return [t(lang, 'gap.invalid', { build: gap.build })];
  const out: string[] = [];
  if (gap.info?.unconfirmed) {
    out.push(t(lang, 'gap.unconfirmedBuild', { build: gap.build }));
  } else if (gap.info) {
    const vars = {
      build: gap.build,
      line: gap.info.line,
      date: gap.info.date ? formatMonth(gap.info.date, lang) : '',
    };
    out.push(t(lang, gap.info.date ? 'gap.youRunDated' : 'gap.youRun', vars));
  } else if (gap.line) {
    out.push(t(lang, 'gap.unknownWithLine', { build: gap.build, line: gap.line }));
  } else {
    out.push(t(lang, 'gap.unknownNoLine', { build: gap.build }));
  }

  if (gap.isLatest) out.push(t(lang, 'gap.isLatest'));
  else if (gap.aheadOfLatest) out.push(t(lang, 'gap.aheadOfLatest', { latest: gap.latest }));
  else if (gap.newerBuilds > 0) {
    const key = gap.newerBuilds === 1 ? 'gap.newerOne' : 'gap.newerMany';
    out.push(t(lang, key, { n: gap.newerBuilds, latest: gap.latest }));
    if (gap.syncFixesSince.length === 0) {
      out.push(t(lang, 'gap.noSyncFixes'));
    } else {
      // The newest fixes matter most; older ones are summarised as a count.
      const shown = gap.syncFixesSince.slice(-LIST_LIMIT);
      const more = gap.syncFixesSince.length - shown.length;
      const list = shown.map((b) => mimBuildLabel(b, lang)).join(', ');
      out.push(more > 0 ? t(lang, 'gap.syncFixesMore', { list, more }) : t(lang, 'gap.syncFixes', { list }));
    }
  }

  for (const issue of gap.knownIssues) {
    out.push(
      issue.kb
        ? t(lang, 'gap.knownIssueKb', { kb: issue.kb, text: issue.text[lang] })
        : t(lang, 'gap.knownIssue', { text: issue.text[lang] }),
    );
  }
  out.push(supportSentence(gap.support, lang));
  if (gap.upgrade) out.push(upgradeSentence(gap.upgrade, lang));
  if (gap.sp3Baseline) out.push(t(lang, 'gap.sp3', { baseline: gap.sp3Baseline }));
  return out;
}

function connectorSentences(gap: ConnectorVersionGap, lang: Lang): string[] {
  if (!gap.valid) return [t(lang, 'gap.connInvalid', { build: gap.build })];
  const out: string[] = [];
  if (gap.info) {
    const vars = { build: gap.build, date: gap.info.date ? formatMonth(gap.info.date, lang) : '' };
    out.push(t(lang, gap.info.date ? 'gap.connYouRunDated' : 'gap.connYouRun', vars));
  } else {
    out.push(t(lang, 'gap.connUnknown', { build: gap.build }));
  }
  if (gap.notForMim) out.push(t(lang, 'gap.connNotForMim', { build: gap.build }));

  if (gap.isLatest) out.push(t(lang, 'gap.connIsLatest'));
  else if (gap.aheadOfLatest) out.push(t(lang, 'gap.connAhead', { latest: gap.latest }));
  else if (gap.newerBuilds > 0) {
    const key = gap.newerBuilds === 1 ? 'gap.connNewerOne' : 'gap.connNewerMany';
    out.push(t(lang, key, { n: gap.newerBuilds, latest: gap.latest }));
    out.push(t(lang, 'gap.connChangesHeader'));
    const newestFirst = [...gap.changesSince].reverse();
    const shown = newestFirst.slice(0, LIST_LIMIT);
    for (const b of shown) {
      out.push(`${b.build}${b.date ? ` (${formatMonth(b.date, lang)})` : ''}: ${b.notes[lang]}`);
    }
    if (newestFirst.length > shown.length) {
      out.push(t(lang, 'gap.connChangesMore', { more: newestFirst.length - shown.length }));
    }
    out.push(t(lang, 'gap.connRefresh'));
  }
  return out;
}
