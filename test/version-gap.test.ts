import {
  LATEST_CONNECTOR_BUILD,
  LATEST_MIM_BUILD,
  compareBuilds,
  connectorVersionGap,
  formatConnectorGap,
  formatMonth,
  formatVersionGap,
  lineOfBuild,
  mimVersionGap,
  parseBuild,
} from '../src/diagnosis/version-gap';

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
    const [first] = formatVersionGap(gap, 'en');
    expect(first).toBe(
      '4.6.600.0 is not in the MIM version history; by its number it belongs to MIM 2016 SP2.',
    );
  });

  it('calls 4.1.3766.0 FIM 2010 R2 and unsupported', () => {
    const gap = mimVersionGap('4.1.3766.0', NOW);
    expect(gap).toMatchObject({ known: true, line: 'FIM 2010 R2', supported: false, newerBuilds: 24 });
    expect(gap.supportNote.en).toContain('11 October 2022');
    expect(gap.upgradeNote?.en).toContain('4.1.3419.0');
    expect(mimVersionGap('4.1.3766.0', new Date('2020-01-01')).supported).toBe(true);
  });

  it('tells FIM 2010 RTM to reach R2 SP1 before a direct SP2 upgrade', () => {
    const gap = mimVersionGap('4.0.2592.0', NOW);
    expect(gap.line).toBe('FIM 2010');
    expect(gap.upgradeNote?.en).toContain('needs at least');
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
    expect(formatVersionGap(gap, 'en')[0]).toContain('does not confirm');
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

describe('formatVersionGap', () => {
  it('writes the version gap of 4.6.421.0 in English and Danish', () => {
    const en = formatVersionGap(mimVersionGap('4.6.421.0', NOW), 'en');
    expect(en.slice(0, 3)).toEqual([
      'You run 4.6.421.0 (MIM 2016 SP2, March 2021).',
      '6 newer builds; the latest is 4.6.673.0.',
      'Sync fixes since: 4.6.531.0 (October 2021), 4.6.607.0 (February 2022), 4.6.641.0 (April 2023).',
    ]);
    const da = formatVersionGap(mimVersionGap('4.6.421.0', NOW), 'da');
    expect(da.slice(0, 2)).toEqual([
      'Du kører 4.6.421.0 (MIM 2016 SP2, marts 2021).',
      '6 nyere builds; den nyeste er 4.6.673.0.',
    ]);
    expect(da).toContain('MIM 2016 er understøttet indtil 9. januar 2029 (flyttet fra 13. januar 2026).');
  });

  it('writes the connector gap with changes and the refresh reminder', () => {
    const en = formatConnectorGap(connectorVersionGap('1.1.1346.0'), 'en');
    expect(en[0]).toBe('You run connector build 1.1.1346.0 (November 2020).');
    expect(en[1]).toBe('10 newer connector builds; the latest is 1.1.2057.0.');
    expect(en.some((line) => line.startsWith('1.1.2005.0 (May 2022):'))).toBe(true);
    expect(en[en.length - 1]).toContain('6947');
  });

  it('fills every placeholder and gives both languages the same number of lines', () => {
    const gaps = [
      ...[
        '4.6.421.0',
        '4.6.673.0',
        '4.6.600.0',
        '4.1.3766.0',
        '4.0.2592.0',
        '4.5.286.0',
        '4.3.2064.0',
        '4.6.691.0',
        'x',
      ].map((b) => mimVersionGap(b, NOW)),
      ...['1.1.1346.0', '1.1.911.0', '1.1.2057.0', '1.1.5000.0', 'y'].map((b) => connectorVersionGap(b)),
    ];
    for (const gap of gaps) {
      const en = formatVersionGap(gap, 'en');
      const da = formatVersionGap(gap, 'da');
      expect(en.length).toBeGreaterThan(0);
      expect(da).toHaveLength(en.length);
      for (const line of [...en, ...da]) {
        expect(line.trim()).not.toBe('');
        expect(line).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('formats months in both languages', () => {
    expect(formatMonth('2019-10', 'en')).toBe('October 2019');
    expect(formatMonth('2023-10-03', 'da')).toBe('oktober 2023');
  });
});
