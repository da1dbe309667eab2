import { CONNECTOR_BUILDS } from './knowledge/connector-builds';
import {
  KNOWN_ISSUES,
  MIM_BUILDS,
  MIM_SUPPORT,
  SP2_DIRECT_UPGRADE_MINIMUM,
  SP3_UPGRADE_BASELINE,
  type KnownIssue,
} from './knowledge/mim-builds';
import type { ConnectorBuild, Lang, Localized, MimBuild, ProductLine } from './types';

export type BuildParts = readonly [number, number, number, number];

/** "4.6.421.0" -> [4, 6, 421, 0]; null unless the text is exactly four dot-separated numbers. */
export function parseBuild(build: string): BuildParts | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(build.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

function compareParts(a: BuildParts, b: BuildParts): number {
  for (let i = 0; i < 4; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** Numeric comparison of two build strings; unparseable builds sort first. */
export function compareBuilds(a: string, b: string): number {
  const pa = parseBuild(a);
  const pb = parseBuild(b);
  if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0);
  return compareParts(pa, pb);
}

const LINE_BY_MAJOR_MINOR: Readonly<Record<string, ProductLine>> = {
  '4.0': 'FIM 2010',
  '4.1': 'FIM 2010 R2',
  '4.3': 'MIM 2016 RTM',
  '4.4': 'MIM 2016 SP1',
  '4.5': 'MIM 2016 SP1',
  '4.6': 'MIM 2016 SP2',
};

/** Product line from the build number alone (4.6 is SP2; only the table knows the SP3 build). */
export function lineOfBuild(build: string): ProductLine | null {
  const parts = parseBuild(build);
  if (!parts) return null;
  return LINE_BY_MAJOR_MINOR[`${parts[0]}.${parts[1]}`] ?? null;
}

const MIM_ASCENDING: readonly MimBuild[] = [...MIM_BUILDS].sort((a, b) => compareBuilds(a.build, b.build));
const MIM_CONFIRMED: readonly MimBuild[] = MIM_ASCENDING.filter((b) => !b.unconfirmed);
const LATEST_MIM = MIM_CONFIRMED[MIM_CONFIRMED.length - 1];

const CONNECTOR_ASCENDING: readonly ConnectorBuild[] = [...CONNECTOR_BUILDS].sort((a, b) =>
  compareBuilds(a.build, b.build),
);
const CONNECTOR_FOR_MIM: readonly ConnectorBuild[] = CONNECTOR_ASCENDING.filter((b) => !b.notForMim);
const LATEST_CONNECTOR = CONNECTOR_FOR_MIM[CONNECTOR_FOR_MIM.length - 1];

/** Latest build in the official MIM version history. */
export const LATEST_MIM_BUILD: string = LATEST_MIM.build;
/** Latest generic connector build meant for MIM. */
export const LATEST_CONNECTOR_BUILD: string = LATEST_CONNECTOR.build;

export interface MimVersionGap {
  kind: 'mim';
  /** The build as given (trimmed). */
  build: string;
  /** The text is four dot-separated numbers. */
  valid: boolean;
  /** The build is in the table (confirmed or not). */
  known: boolean;
  info: MimBuild | null;
  /** The build itself is not confirmed by the official history (SP3). */
  unconfirmed: boolean;
  line: ProductLine | null;
  /** null when the sources do not settle it. */
  supported: boolean | null;
  supportNote: Localized;
  upgradeNote: Localized | null;
  /** Confirmed builds newer than this one. */
  newerBuilds: number;
  latest: string;
  isLatest: boolean;
  /** Newer than the latest confirmed build (an unknown or unconfirmed number). */
  aheadOfLatest: boolean;
  /** Newer confirmed builds that update the Synchronization Service, oldest first. */
  syncFixesSince: readonly MimBuild[];
  knownIssues: readonly KnownIssue[];
  /** Newer builds that are not confirmed (SP3), oldest first. */
  unconfirmedNewer: readonly MimBuild[];
}

export interface ConnectorVersionGap {
  kind: 'connector';
  build: string;
  valid: boolean;
  known: boolean;
  info: ConnectorBuild | null;
  /** The build was released for Entra Connect only. */
  notForMim: boolean;
  /** Newer builds meant for MIM. */
  newerBuilds: number;
  latest: string;
  isLatest: boolean;
  aheadOfLatest: boolean;
  /** Newer builds meant for MIM, oldest first. */
  changesSince: readonly ConnectorBuild[];
}

export type VersionGap = MimVersionGap | ConnectorVersionGap;

const DAY_MS = 24 * 60 * 60 * 1000;

/** True while `now` is on or before the ISO date (the last day of support). */
function onOrBefore(now: Date, isoDate: string): boolean {
  return now.getTime() < Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS;
}

const MONTHS: Record<Lang, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
};

/** "2021-03-17" -> "March 2021" / "marts 2021". */
export function formatMonth(isoDate: string, lang: Lang): string {
  const [year, month] = isoDate.split('-');
  const name = MONTHS[lang][Number(month) - 1];
  return name ? `${name} ${year}` : isoDate;
}

/** "2029-01-09" -> "9 January 2029" / "9. januar 2029". */
export function formatDay(isoDate: string, lang: Lang): string {
  const [year, month, day] = isoDate.split('-');
  const name = MONTHS[lang][Number(month) - 1];
  if (!name || !day) return formatMonth(isoDate, lang);
  return lang === 'da' ? `${Number(day)}. ${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

function localize(template: Localized, vars: Readonly<Record<string, string | number>>): Localized {
  return { en: fill(template.en, vars), da: fill(template.da, vars) };
}

/** Sentence templates; {name} placeholders are filled per language. */
const T = {
  youRunDated: { en: 'You run {build} ({line}, {date}).', da: 'Du kører {build} ({line}, {date}).' },
  youRun: { en: 'You run {build} ({line}).', da: 'Du kører {build} ({line}).' },
  unconfirmedBuild: {
    en: '{build} is the Service Pack 3 build number that briefly appeared in Microsoft’s docs; the official version history does not confirm it.',
    da: '{build} er det build-nummer for Service Pack 3, der kortvarigt stod i Microsofts dokumentation; den officielle versionshistorik bekræfter det ikke.',
  },
  unknownWithLine: {
    en: '{build} is not in the MIM version history; by its number it belongs to {line}.',
    da: '{build} står ikke i MIM-versionshistorikken; ud fra nummeret hører den til {line}.',
  },
  unknownNoLine: {
    en: '{build} is not a MIM or FIM build number I know.',
    da: '{build} er ikke et MIM- eller FIM-build-nummer, jeg kender.',
  },
  invalid: {
    en: '“{build}” is not a build number; a MIM build looks like 4.6.673.0.',
    da: '“{build}” er ikke et build-nummer; en MIM-build ser ud som 4.6.673.0.',
  },
  newerOne: { en: '1 newer build; the latest is {latest}.', da: '1 nyere build; den nyeste er {latest}.' },
  newerMany: {
    en: '{n} newer builds; the latest is {latest}.',
    da: '{n} nyere builds; den nyeste er {latest}.',
  },
  isLatest: {
    en: 'That is the latest build in the official version history.',
    da: 'Det er den nyeste build i den officielle versionshistorik.',
  },
  aheadOfLatest: {
    en: 'That is newer than the latest build in the official version history ({latest}).',
    da: 'Den er nyere end den nyeste build i den officielle versionshistorik ({latest}).',
  },
  syncFixes: { en: 'Sync fixes since: {list}.', da: 'Sync-rettelser siden: {list}.' },
  syncFixesMore: {
    en: 'Sync fixes since: {list}, and {more} earlier.',
    da: 'Sync-rettelser siden: {list} og {more} tidligere.',
  },
  noSyncFixes: {
    en: 'None of the newer builds lists Synchronization Service fixes.',
    da: 'Ingen af de nyere builds nævner rettelser til Synchronization Service.',
  },
  knownIssue: { en: 'Known issue in this build: {text}', da: 'Kendt problem i denne build: {text}' },
  knownIssueKb: {
    en: 'Known issue in this build (KB {kb}): {text}',
    da: 'Kendt problem i denne build (KB {kb}): {text}',
  },
  sp3: {
    en: 'A Service Pack 3 (4.6.691.0) has appeared in Microsoft’s docs but is not in the official version history; an in-place upgrade to it starts from {baseline}.',
    da: 'En Service Pack 3 (4.6.691.0) har været nævnt i Microsofts dokumentation, men står ikke i den officielle versionshistorik; en in-place-opgradering dertil starter fra {baseline}.',
  },
  supportMim: {
    en: 'MIM 2016 is supported until {date} (moved from {previous}).',
    da: 'MIM 2016 er understøttet indtil {date} (flyttet fra {previous}).',
  },
  supportMimEnded: { en: 'MIM 2016 support ended on {date}.', da: 'Supporten for MIM 2016 sluttede {date}.' },
  supportRtm: {
    en: 'The MIM 2016 RTM line (4.3.x) is no longer supported; current fixes ship as SP2 (4.6.x) builds.',
    da: 'MIM 2016 RTM-linjen (4.3.x) understøttes ikke længere; aktuelle rettelser udgives som SP2-builds (4.6.x).',
  },
  supportSp1: {
    en: 'SP2 (4.6.34.0) replaced the SP1 builds 4.4.1302.0–4.5.412.0, and every later fix ships as an SP2 (4.6.x) build.',
    da: 'SP2 (4.6.34.0) erstattede SP1-builds 4.4.1302.0–4.5.412.0, og alle senere rettelser udgives som SP2-builds (4.6.x).',
  },
  supportFimEnded: {
    en: 'FIM 2010 (including R2) went out of support on {date} (date from a partner source, not checked against Microsoft’s lifecycle pages).',
    da: 'FIM 2010 (inklusive R2) gik ud af support {date} (datoen kommer fra en partnerkilde og er ikke tjekket mod Microsofts livscyklussider).',
  },
  supportFim: {
    en: 'FIM 2010 (including R2) is supported until {date} (date from a partner source, not checked against Microsoft’s lifecycle pages).',
    da: 'FIM 2010 (inklusive R2) er understøttet indtil {date} (datoen kommer fra en partnerkilde og er ikke tjekket mod Microsofts livscyklussider).',
  },
  supportUnknown: {
    en: 'I have no support information for this build number.',
    da: 'Jeg har ingen supportoplysninger for dette build-nummer.',
  },
  upgradeFimOld: {
    en: 'A direct upgrade to MIM 2016 SP2 needs at least FIM 2010 R2 SP1 ({minimum}); get there first.',
    da: 'En direkte opgradering til MIM 2016 SP2 kræver mindst FIM 2010 R2 SP1 ({minimum}); kom derop først.',
  },
  upgradeFim: {
    en: 'From FIM 2010 R2 SP1 ({minimum}) or later you can upgrade directly to MIM 2016 SP2.',
    da: 'Fra FIM 2010 R2 SP1 ({minimum}) eller nyere kan du opgradere direkte til MIM 2016 SP2.',
  },
  connInvalid: {
    en: '“{build}” is not a build number; a connector build looks like 1.1.2057.0.',
    da: '“{build}” er ikke et build-nummer; en connector-build ser ud som 1.1.2057.0.',
  },
  connYouRunDated: {
    en: 'You run connector build {build} ({date}).',
    da: 'Du kører connector-build {build} ({date}).',
  },
  connYouRun: { en: 'You run connector build {build}.', da: 'Du kører connector-build {build}.' },
  connUnknown: {
    en: '{build} is not in the generic connector version history.',
    da: '{build} står ikke i versionshistorikken for de generiske connectors.',
  },
  connNotForMim: {
    en: '{build} was released for Entra Connect only and is not meant for MIM.',
    da: '{build} blev kun udgivet til Entra Connect og er ikke beregnet til MIM.',
  },
  connNewerOne: {
    en: '1 newer connector build; the latest is {latest}.',
    da: '1 nyere connector-build; den nyeste er {latest}.',
  },
  connNewerMany: {
    en: '{n} newer connector builds; the latest is {latest}.',
    da: '{n} nyere connector-builds; den nyeste er {latest}.',
  },
  connIsLatest: {
    en: 'That is the latest build in the connector version history.',
    da: 'Det er den nyeste build i connectorernes versionshistorik.',
  },
  connAhead: {
    en: 'That is newer than the latest build in the connector version history ({latest}).',
    da: 'Den er nyere end den nyeste build i connectorernes versionshistorik ({latest}).',
  },
  connChangesHeader: { en: 'Notable changes since:', da: 'Vigtige ændringer siden:' },
  connChangesMore: { en: '…and {more} older builds.', da: '…og {more} ældre builds.' },
  connRefresh: {
    en: 'After upgrading, refresh each ECMA2 connector (properties, re-enter the password, visit every page, Refresh partitions, OK), or event 6947 warns that its configuration is older than the DLL.',
    da: 'Efter opgraderingen skal hver ECMA2-connector opdateres (egenskaber, indtast adgangskoden igen, gå gennem hver side, Refresh partitions, OK), ellers advarer hændelse 6947 om, at konfigurationen er ældre end DLL-filen.',
  },
} as const satisfies Record<string, Localized>;

/** How many sync-fix builds or connector changes a formatted gap lists before summarising the rest. */
const LIST_LIMIT = 6;

function mimSupport(
  build: string,
  line: ProductLine | null,
  now: Date,
): { supported: boolean | null; supportNote: Localized; upgradeNote: Localized | null } {
  const mim = MIM_SUPPORT.mim2016;
  const fim = MIM_SUPPORT.fim2010;
  const byLang = (template: Localized, date: string, previous?: string): Localized => ({
    en: fill(template.en, {
      date: formatDay(date, 'en'),
      previous: previous ? formatDay(previous, 'en') : '',
    }),
    da: fill(template.da, {
      date: formatDay(date, 'da'),
      previous: previous ? formatDay(previous, 'da') : '',
    }),
  });
  switch (line) {
    case 'FIM 2010':
    case 'FIM 2010 R2': {
      const supported = onOrBefore(now, fim.endOfSupport);
      const upgradeNote =
        compareBuilds(build, SP2_DIRECT_UPGRADE_MINIMUM) < 0
          ? localize(T.upgradeFimOld, { minimum: SP2_DIRECT_UPGRADE_MINIMUM })
          : localize(T.upgradeFim, { minimum: SP2_DIRECT_UPGRADE_MINIMUM });
      return {
        supported,
        supportNote: byLang(supported ? T.supportFim : T.supportFimEnded, fim.endOfSupport),
        upgradeNote,
      };
    }
    case 'MIM 2016 RTM':
      return { supported: false, supportNote: { ...T.supportRtm }, upgradeNote: null };
    case 'MIM 2016 SP1':
      return { supported: null, supportNote: { ...T.supportSp1 }, upgradeNote: null };
    case 'MIM 2016 SP2':
    case 'MIM 2016 SP3': {
      const supported = onOrBefore(now, mim.endOfSupport);
      return {
        supported,
        supportNote: supported
          ? byLang(T.supportMim, mim.endOfSupport, mim.previousEndOfSupport ?? undefined)
          : byLang(T.supportMimEnded, mim.endOfSupport),
        upgradeNote: null,
      };
    }
    default:
      return { supported: null, supportNote: { ...T.supportUnknown }, upgradeNote: null };
  }
}

/**
 * How far a MIM/FIM build is behind the official version history. An unknown build number is
 * reported as unknown, never rounded to a neighbour; its line and the newer builds still follow
 * from the number.
 */
export function mimVersionGap(build: string, now: Date = new Date()): MimVersionGap {
  const text = build.trim();
  const parts = parseBuild(text);
  const info = MIM_BUILDS.find((b) => b.build === text) ?? null;
  const line = info?.line ?? lineOfBuild(text);
  // A number outside the MIM/FIM lines (e.g. a connector build) has no place in this history.
  const newer = parts && line ? MIM_ASCENDING.filter((b) => compareBuilds(b.build, text) > 0) : [];
  const newerConfirmed = newer.filter((b) => !b.unconfirmed);
  const support = mimSupport(text, line, now);
  return {
    kind: 'mim',
    build: text,
    valid: parts !== null,
    known: info !== null,
    info,
    unconfirmed: info?.unconfirmed === true,
    line,
    ...support,
    newerBuilds: newerConfirmed.length,
    latest: LATEST_MIM.build,
    isLatest: text === LATEST_MIM.build,
    aheadOfLatest: parts !== null && line !== null && compareBuilds(text, LATEST_MIM.build) > 0,
    syncFixesSince: newerConfirmed.filter((b) => b.syncFixes),
    knownIssues: KNOWN_ISSUES.filter((k) => k.builds.includes(text)),
    unconfirmedNewer: newer.filter((b) => b.unconfirmed === true),
  };
}

/** How far a generic connector build (1.1.x.y) is behind the connector version history. */
export function connectorVersionGap(build: string): ConnectorVersionGap {
  const text = build.trim();
  const parts = parseBuild(text);
  const info = CONNECTOR_BUILDS.find((b) => b.build === text) ?? null;
  const newer = parts ? CONNECTOR_FOR_MIM.filter((b) => compareBuilds(b.build, text) > 0) : [];
  return {
    kind: 'connector',
    build: text,
    valid: parts !== null,
    known: info !== null,
    info,
    notForMim: info?.notForMim === true,
    newerBuilds: newer.length,
    latest: LATEST_CONNECTOR.build,
    isLatest: text === LATEST_CONNECTOR.build,
    aheadOfLatest: parts !== null && compareBuilds(text, LATEST_CONNECTOR.build) > 0,
    changesSince: newer,
  };
}

function mimBuildLabel(b: MimBuild, lang: Lang): string {
  return b.date ? `${b.build} (${formatMonth(b.date, lang)})` : b.build;
}

function formatMim(gap: MimVersionGap, lang: Lang): string[] {
  const out: string[] = [];
  if (!gap.valid) {
    out.push(fill(T.invalid[lang], { build: gap.build }));
    return out;
  }
  if (gap.info?.unconfirmed) {
    out.push(fill(T.unconfirmedBuild[lang], { build: gap.build }));
  } else if (gap.info) {
    const vars = {
      build: gap.build,
      line: gap.info.line,
      date: gap.info.date ? formatMonth(gap.info.date, lang) : '',
    };
    out.push(fill((gap.info.date ? T.youRunDated : T.youRun)[lang], vars));
  } else if (gap.line) {
    out.push(fill(T.unknownWithLine[lang], { build: gap.build, line: gap.line }));
  } else {
    out.push(fill(T.unknownNoLine[lang], { build: gap.build }));
  }

  if (gap.isLatest) out.push(T.isLatest[lang]);
  else if (gap.aheadOfLatest) out.push(fill(T.aheadOfLatest[lang], { latest: gap.latest }));
  else if (gap.newerBuilds > 0) {
    const template = gap.newerBuilds === 1 ? T.newerOne : T.newerMany;
    out.push(fill(template[lang], { n: gap.newerBuilds, latest: gap.latest }));
    if (gap.syncFixesSince.length === 0) {
      out.push(T.noSyncFixes[lang]);
    } else {
      // The newest fixes matter most; older ones are summarised as a count.
      const shown = gap.syncFixesSince.slice(-LIST_LIMIT);
      const more = gap.syncFixesSince.length - shown.length;
      const list = shown.map((b) => mimBuildLabel(b, lang)).join(', ');
      out.push(more > 0 ? fill(T.syncFixesMore[lang], { list, more }) : fill(T.syncFixes[lang], { list }));
    }
  }

  for (const issue of gap.knownIssues) {
    out.push(
      issue.kb
        ? fill(T.knownIssueKb[lang], { kb: issue.kb, text: issue.text[lang] })
        : fill(T.knownIssue[lang], { text: issue.text[lang] }),
    );
  }
  out.push(gap.supportNote[lang]);
  if (gap.upgradeNote) out.push(gap.upgradeNote[lang]);
  const isMim2016 = gap.line !== null && gap.line.startsWith('MIM 2016');
  if (isMim2016 && gap.unconfirmedNewer.length > 0) {
    out.push(fill(T.sp3[lang], { baseline: SP3_UPGRADE_BASELINE }));
  }
  return out;
}

function formatConnector(gap: ConnectorVersionGap, lang: Lang): string[] {
  const out: string[] = [];
  if (!gap.valid) {
    out.push(fill(T.connInvalid[lang], { build: gap.build }));
    return out;
  }
  if (gap.info) {
    const vars = { build: gap.build, date: gap.info.date ? formatMonth(gap.info.date, lang) : '' };
    out.push(fill((gap.info.date ? T.connYouRunDated : T.connYouRun)[lang], vars));
  } else {
    out.push(fill(T.connUnknown[lang], { build: gap.build }));
  }
  if (gap.notForMim) out.push(fill(T.connNotForMim[lang], { build: gap.build }));

  if (gap.isLatest) out.push(T.connIsLatest[lang]);
  else if (gap.aheadOfLatest) out.push(fill(T.connAhead[lang], { latest: gap.latest }));
  else if (gap.newerBuilds > 0) {
    const template = gap.newerBuilds === 1 ? T.connNewerOne : T.connNewerMany;
    out.push(fill(template[lang], { n: gap.newerBuilds, latest: gap.latest }));
    out.push(T.connChangesHeader[lang]);
    const newestFirst = [...gap.changesSince].reverse();
    const shown = newestFirst.slice(0, LIST_LIMIT);
    for (const b of shown) {
      out.push(`${b.build}${b.date ? ` (${formatMonth(b.date, lang)})` : ''}: ${b.notes[lang]}`);
    }
    if (newestFirst.length > shown.length) {
      out.push(fill(T.connChangesMore[lang], { more: newestFirst.length - shown.length }));
    }
    out.push(T.connRefresh[lang]);
  }
  return out;
}

/** Short sentences for a card section, in the given language. */
export function formatVersionGap(gap: VersionGap, lang: Lang): string[] {
  return gap.kind === 'mim' ? formatMim(gap, lang) : formatConnector(gap, lang);
}

export function formatMimGap(gap: MimVersionGap, lang: Lang): string[] {
  return formatMim(gap, lang);
}

export function formatConnectorGap(gap: ConnectorVersionGap, lang: Lang): string[] {
  return formatConnector(gap, lang);
}
