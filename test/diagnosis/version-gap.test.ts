import {
  LATEST_CONNECTOR_BUILD,
  LATEST_MIM_BUILD,
  compareBuilds,
  connectorVersionGap,
  lineGap,
  lineOfBuild,
  mimVersionGap,
  parseBuild,
  versionGaps,
} from '../../src/diagnosis/version-gap';

const NOW = new Date('2026-01-01T12:00:00Z');
const buildsOf = (rows: readonly { build: string }[]): string[] => rows.map((r) => r.build);

describe('build numbers', () => {
  it('parse only four dot-separated numbers', () => {
    expect(parseBuild('4.6.421.0')).toEqual([4, 6, 421, 0]);
    expect(parseBuild(' 1.1.2057.0 ')).toEqual([1, 1, 2057, 0]);
    expect(parseBuild('4.6.421')).toBeNull();
    expect(parseBuild('4.6.421.0a')).toBeNull();
  });

  it('compare numerically, not as text', () => {
    expect(compareBuilds('4.6.34.0', '4.6.258.0')).toBeLessThan(0);
    expect(compareBuilds('4.5.412.0', '4.6.34.0')).toBeLessThan(0);
    expect(compareBuilds('1.1.953.0', '1.1.1130.0')).toBeLessThan(0);
    expect(compareBuilds('4.6.673.0', '4.6.673.0')).toBe(0);
  });

  it('derive the product line from major.minor', () => {
    expect(lineOfBuild('4.0.1.0')).toBe('FIM 2010');
    expect(lineOfBuild('4.1.1.0')).toBe('FIM 2010 R2');
    expect(lineOfBuild('4.3.1.0')).toBe('MIM 2016 RTM');
    expect(lineOfBuild('4.4.1.0')).toBe('MIM 2016 SP1');
    expect(lineOfBuild('4.5.1.0')).toBe('MIM 2016 SP1');
    expect(lineOfBuild('4.6.1.0')).toBe('MIM 2016 SP2');
    expect(lineOfBuild('4.2.1.0')).toBeNull();
    expect(lineOfBuild('1.1.1346.0')).toBeNull();
  });
});

describe('mimVersionGap', () => {
  it('counts newer builds and sync fixes for 4.6.421.0', () => {
    const gap = mimVersionGap('4.6.421.0', NOW);
    expect(gap).toMatchObject({
      known: true,
      line: 'MIM 2016 SP2',
      newerBuilds: 6,
      latest: '4.6.673.0',
      isLatest: false,
      supported: true,
    });
    expect(buildsOf(gap.syncFixesSince)).toEqual(['4.6.531.0', '4.6.607.0', '4.6.641.0']);
    expect(buildsOf(gap.unconfirmedNewer)).toEqual(['4.6.691.0']);
    expect(gap.knownIssues).toHaveLength(1);
    expect(gap.knownIssues[0].text.en).toContain('PollExchangeEnabled');
  });

  it('knows 4.6.673.0 is the latest confirmed build', () => {
    expect(LATEST_MIM_BUILD).toBe('4.6.673.0');
    const gap = mimVersionGap('4.6.673.0', NOW);
    expect(gap).toMatchObject({ known: true, isLatest: true, newerBuilds: 0, aheadOfLatest: false });
    expect(gap.syncFixesSince).toEqual([]);
  });

  it('reports an unknown build as unknown, with its line, without rounding to a neighbour', () => {
    const gap = mimVersionGap('4.6.600.0', NOW);
    expect(gap).toMatchObject({
      valid: true,
      known: false,
      info: null,
      line: 'MIM 2016 SP2',
      newerBuilds: 3,
    });
    expect(buildsOf(gap.syncFixesSince)).toEqual(['4.6.607.0', '4.6.641.0']);
    expect(gap.knownIssues).toEqual([]);
  });

  it('calls 4.1.3766.0 FIM 2010 R2 and unsupported', () => {
    const gap = mimVersionGap('4.1.3766.0', NOW);
    expect(gap).toMatchObject({ known: true, line: 'FIM 2010 R2', supported: false, newerBuilds: 24 });
    expect(gap.support).toEqual({ kind: 'fim-2010', supported: false, endOfSupport: '2022-10-11' });
    expect(gap.upgrade).toEqual({ direct: true, minimum: '4.1.3419.0' });
    expect(mimVersionGap('4.1.3766.0', new Date('2020-01-01')).supported).toBe(true);
  });

  it('tells FIM 2010 RTM to reach R2 SP1 before a direct SP2 upgrade', () => {
    const gap = mimVersionGap('4.0.2592.0', NOW);
    expect(gap.line).toBe('FIM 2010');
    expect(gap.upgrade).toEqual({ direct: false, minimum: '4.1.3419.0' });
  });

  it('flags the stopped-extension-dll-load known issue on 4.5.286.0', () => {
    const gap = mimVersionGap('4.5.286.0', NOW);
    expect(gap.line).toBe('MIM 2016 SP1');
    expect(gap.supported).toBeNull();
    expect(gap.knownIssues.map((k) => [k.statusCode, k.kb])).toEqual([
      ['stopped-extension-dll-load', '4469694'],
    ]);
    expect(mimVersionGap('4.4.1642.0', NOW).knownIssues.map((k) => k.statusCode)).not.toContain(
      'stopped-extension-dll-load',
    );
    expect(mimVersionGap('4.5.202.0', NOW).knownIssues).toEqual([]);
  });

  it('treats the RTM line as unsupported and SP2 as supported through 9 January 2029', () => {
    expect(mimVersionGap('4.3.2064.0', NOW).supported).toBe(false);
    expect(mimVersionGap('4.6.34.0', new Date('2029-01-09T23:00:00Z')).supported).toBe(true);
    expect(mimVersionGap('4.6.34.0', new Date('2029-01-10T01:00:00Z')).supported).toBe(false);
  });

  it('describes the unconfirmed SP3 build as such', () => {
    const gap = mimVersionGap('4.6.691.0', NOW);
    expect(gap).toMatchObject({
      known: true,
      unconfirmed: true,
      line: 'MIM 2016 SP3',
      newerBuilds: 0,
      aheadOfLatest: true,
    });
    expect(gap.sp3Baseline).toBeNull();
  });

  it('handles text that is no build number, or a number from another product', () => {
    expect(mimVersionGap('four point six', NOW)).toMatchObject({
      valid: false,
      known: false,
      line: null,
      newerBuilds: 0,
    });
    expect(mimVersionGap('1.1.1346.0', NOW)).toMatchObject({
      valid: true,
      line: null,
      supported: null,
      newerBuilds: 0,
      aheadOfLatest: false,
    });
  });

  it('uses the current date when none is passed', () => {
    expect(typeof mimVersionGap('4.6.421.0').supported).toBe('boolean');
  });
});

describe('connectorVersionGap', () => {
  it('counts the builds after 1.1.1346.0', () => {
    expect(LATEST_CONNECTOR_BUILD).toBe('1.1.2057.0');
    const gap = connectorVersionGap('1.1.1346.0');
    expect(gap).toMatchObject({ known: true, newerBuilds: 10, latest: '1.1.2057.0', isLatest: false });
    expect(buildsOf(gap.changesSince)).toEqual([
      '1.1.1347.0',
      '1.1.1381.0',
      '1.1.1431.0',
      '1.1.1610.0',
      '1.1.2005.0',
      '1.1.2025.0',
      '1.1.2031.0',
      '1.1.2036.0',
      '1.1.2038.0',
      '1.1.2057.0',
    ]);
  });

  it('leaves the Entra-Connect-only build out of the newer builds', () => {
    const gap = connectorVersionGap('1.1.900.0');
    expect(gap).toMatchObject({ known: false, newerBuilds: 17 });
    expect(buildsOf(gap.changesSince)).not.toContain('1.1.911.0');
    expect(connectorVersionGap('1.1.911.0')).toMatchObject({ known: true, notForMim: true, newerBuilds: 17 });
  });

  it('knows the latest build', () => {
    expect(connectorVersionGap('1.1.2057.0')).toMatchObject({ isLatest: true, newerBuilds: 0 });
  });
});

describe('the support facts of a build', () => {
  it('gives SP2 its end of support and the date it moved from', () => {
    expect(mimVersionGap('4.6.421.0', NOW).support).toEqual({
      kind: 'mim-2016',
      supported: true,
      endOfSupport: '2029-01-09',
      previousEndOfSupport: '2026-01-13',
    });
  });

  it('names the SP3 upgrade baseline only for a MIM 2016 build with SP3 ahead of it', () => {
    expect(mimVersionGap('4.6.421.0', NOW).sp3Baseline).toBe('4.6.673.0');
    expect(mimVersionGap('4.1.3766.0', NOW).sp3Baseline).toBeNull();
  });
});

describe('lines and the version facts of a case', () => {
  it('names the line of a picked prefix and whether it is supported', () => {
    expect(lineGap('4.6')).toEqual({
      kind: 'line',
      prefix: '4.6',
      line: 'MIM 2016 SP2',
      latest: LATEST_MIM_BUILD,
      supported: true,
    });
    expect(lineGap('4.5')?.supported).toBeNull();
    expect(lineGap('4.3')?.supported).toBe(false);
    expect(lineGap('4.1')?.supported).toBe(false);
    expect(lineGap('9.9')).toBeNull();
  });

  it('compares an exact build, names a picked line, and adds the connector build', () => {
    expect(versionGaps('4.6.421.0', '1.1.1346.0', NOW).map((g) => g.kind)).toEqual(['mim', 'connector']);
    expect(versionGaps('4.6', null, NOW).map((g) => g.kind)).toEqual(['line']);
    expect(versionGaps('4.2', null, NOW)).toEqual([]);
    expect(versionGaps(null, null, NOW)).toEqual([]);
  });
});
