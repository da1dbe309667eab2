import { CONNECTOR_BUILDS } from './knowledge/connector-builds';
import {
  KNOWN_ISSUES,
  MIM_BUILDS,
  MIM_SUPPORT,
  SP2_DIRECT_UPGRADE_MINIMUM,
  SP3_UPGRADE_BASELINE,
  type KnownIssue,
} from './knowledge/mim-builds';
import type { ConnectorBuild, MimBuild, ProductLine } from './types';

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

/** What the support lifecycle says about a build's line; src/i18n words it. */
export type SupportFacts =
  /** FIM 2010 and R2: the end date comes from a partner source, not Microsoft's lifecycle pages. */
  | { kind: 'fim-2010'; supported: boolean; endOfSupport: string }
  /** The RTM line (4.3.x) is no longer supported; fixes ship as SP2 builds. */
  | { kind: 'mim-rtm'; supported: false }
  /** SP2 replaced the SP1 builds; the sources do not settle whether SP1 itself is supported. */
  | { kind: 'mim-sp1'; supported: null }
  | { kind: 'mim-2016'; supported: boolean; endOfSupport: string; previousEndOfSupport: string | null }
  | { kind: 'unknown'; supported: null };

/** The way from a FIM 2010 build to MIM 2016 SP2: directly from `minimum` on, else via it first. */
export interface UpgradePath {
  direct: boolean;
  minimum: string;
}

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
  support: SupportFacts;
  upgrade: UpgradePath | null;
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
  /** A MIM 2016 build with the unconfirmed SP3 ahead of it: the build an in-place SP3 upgrade starts from. */
  sp3Baseline: string | null;
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

/** A product line picked from the build question ("4.6"), not an exact build. */
export interface LineGap {
  kind: 'line';
  /** The major.minor picked, e.g. "4.6". */
  prefix: string;
  line: ProductLine;
  latest: string;
  /** False for the lines out of support; null where the sources do not settle it (SP1). */
  supported: boolean | null;
}

export type VersionGap = MimVersionGap | ConnectorVersionGap | LineGap;

const DAY_MS = 24 * 60 * 60 * 1000;

/** True while `now` is on or before the ISO date (the last day of support). */
function onOrBefore(now: Date, isoDate: string): boolean {
  return now.getTime() < Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS;
}

function mimSupport(
  build: string,
  line: ProductLine | null,
  now: Date,
): { support: SupportFacts; upgrade: UpgradePath | null } {
  const mim = MIM_SUPPORT.mim2016;
  const fim = MIM_SUPPORT.fim2010;
  switch (line) {
    case 'FIM 2010':
    case 'FIM 2010 R2':
      return {
        support: {
          kind: 'fim-2010',
          supported: onOrBefore(now, fim.endOfSupport),
          endOfSupport: fim.endOfSupport,
        },
        upgrade: {
          direct: compareBuilds(build, SP2_DIRECT_UPGRADE_MINIMUM) >= 0,
          minimum: SP2_DIRECT_UPGRADE_MINIMUM,
        },
      };
    case 'MIM 2016 RTM':
      return { support: { kind: 'mim-rtm', supported: false }, upgrade: null };
    case 'MIM 2016 SP1':
      return { support: { kind: 'mim-sp1', supported: null }, upgrade: null };
    case 'MIM 2016 SP2':
    case 'MIM 2016 SP3':
      return {
        support: {
          kind: 'mim-2016',
          supported: onOrBefore(now, mim.endOfSupport),
          endOfSupport: mim.endOfSupport,
          previousEndOfSupport: mim.previousEndOfSupport,
        },
        upgrade: null,
      };
    default:
      return { support: { kind: 'unknown', supported: null }, upgrade: null };
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
  const unconfirmedNewer = newer.filter((b) => b.unconfirmed === true);
  const { support, upgrade } = mimSupport(text, line, now);
  const isMim2016 = line !== null && line.startsWith('MIM 2016');
  return {
    kind: 'mim',
    build: text,
    valid: parts !== null,
    known: info !== null,
    info,
    unconfirmed: info?.unconfirmed === true,
    line,
    supported: support.supported,
    support,
    upgrade,
    newerBuilds: newerConfirmed.length,
    latest: LATEST_MIM.build,
    isLatest: text === LATEST_MIM.build,
    aheadOfLatest: parts !== null && line !== null && compareBuilds(text, LATEST_MIM.build) > 0,
    syncFixesSince: newerConfirmed.filter((b) => b.syncFixes),
    knownIssues: KNOWN_ISSUES.filter((k) => k.builds.includes(text)),
    unconfirmedNewer,
    sp3Baseline: isMim2016 && unconfirmedNewer.length > 0 ? SP3_UPGRADE_BASELINE : null,
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

/** Lines still in support; SP1 is left open (see SupportFacts), the others need an upgrade first. */
const SUPPORTED_LINES: readonly ProductLine[] = ['MIM 2016 SP2', 'MIM 2016 SP3'];

/** The line a picked prefix ("4.6") belongs to, or null when it is none of the MIM/FIM lines. */
export function lineGap(prefix: string): LineGap | null {
  const line = lineOfBuild(`${prefix}.0.0`);
  if (!line) return null;
  const supported = SUPPORTED_LINES.includes(line) ? true : line === 'MIM 2016 SP1' ? null : false;
  return { kind: 'line', prefix, line, latest: LATEST_MIM_BUILD, supported };
}

/** An exact build as the recognizer writes it; anything else from the build question is a line prefix. */
const EXACT_BUILD = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * The version facts of a case: an exact MIM build is compared with the history, a line picked from
 * the build question only named; a connector build is compared with the connector history.
 */
export function versionGaps(
  mimBuild: string | null,
  connectorBuild: string | null,
  now: Date = new Date(),
): VersionGap[] {
  const gaps: VersionGap[] = [];
  if (mimBuild && EXACT_BUILD.test(mimBuild)) gaps.push(mimVersionGap(mimBuild, now));
  else if (mimBuild) {
    const line = lineGap(mimBuild);
    if (line) gaps.push(line);
  }
  if (connectorBuild) gaps.push(connectorVersionGap(connectorBuild));
  return gaps;
}
