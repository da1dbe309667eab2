import { connectorVersionGap, lineGap, mimVersionGap } from '../../src/diagnosis/version-gap';
import { versionSentences } from '../../src/i18n/version-gap';

const NOW = new Date('2026-01-01T12:00:00Z');

describe('versionSentences', () => {
  it('says an unknown build is unknown and names its line', () => {
    const [first] = versionSentences(mimVersionGap('4.6.600.0', NOW), 'en');
    expect(first).toBe(
      '4.6.600.0 is not in the MIM version history; by its number it belongs to MIM 2016 SP2.',
    );
  });

  it('gives the FIM end of support as a date, and the direct upgrade path', () => {
    const en = versionSentences(mimVersionGap('4.1.3766.0', NOW), 'en');
    expect(en).toContainEqual(expect.stringContaining('11 October 2022'));
    expect(en).toContainEqual(expect.stringContaining('4.1.3419.0'));
  });

  it('tells FIM 2010 RTM to reach R2 SP1 before a direct SP2 upgrade', () => {
    expect(versionSentences(mimVersionGap('4.0.2592.0', NOW), 'en')).toContainEqual(
      expect.stringContaining('needs at least'),
    );
  });

  it('describes the unconfirmed SP3 build as such', () => {
    expect(versionSentences(mimVersionGap('4.6.691.0', NOW), 'en')[0]).toContain('does not confirm');
  });

  it('writes the version gap of 4.6.421.0 in English and Danish', () => {
    const en = versionSentences(mimVersionGap('4.6.421.0', NOW), 'en');
    expect(en.slice(0, 3)).toEqual([
      'You run 4.6.421.0 (MIM 2016 SP2, March 2021).',
      '6 newer builds; the latest is 4.6.673.0.',
      'Sync fixes since: 4.6.531.0 (October 2021), 4.6.607.0 (February 2022), 4.6.641.0 (April 2023).',
    ]);
    const da = versionSentences(mimVersionGap('4.6.421.0', NOW), 'da');
    expect(da.slice(0, 2)).toEqual([
      'Du kører 4.6.421.0 (MIM 2016 SP2, marts 2021).',
      '6 nyere builds; den nyeste er 4.6.673.0.',
    ]);
    expect(da).toContain('MIM 2016 er understøttet indtil 9. januar 2029 (flyttet fra 13. januar 2026).');
  });

  it('writes the connector gap with changes and the refresh reminder', () => {
    const en = versionSentences(connectorVersionGap('1.1.1346.0'), 'en');
    expect(en[0]).toBe('You run connector build 1.1.1346.0 (November 2020).');
    expect(en[1]).toBe('10 newer connector builds; the latest is 1.1.2057.0.');
    expect(en.some((line) => line.startsWith('1.1.2005.0 (May 2022):'))).toBe(true);
    expect(en[en.length - 1]).toContain('6947');
  });

  it('names a picked line, and says when it is out of support', () => {
    expect(versionSentences(lineGap('4.6')!, 'en')).toEqual([
      'You chose MIM 2016 SP2 (4.6.x). The latest MIM 2016 build is 4.6.673.0; compare your exact build (Help > About) with the version history.',
    ]);
    expect(versionSentences(lineGap('4.3')!, 'en')[1]).toBe(
      'MIM 2016 RTM is out of support: plan the upgrade to MIM 2016 SP2 and then to its latest build.',
    );
    expect(versionSentences(lineGap('4.5')!, 'en')).toHaveLength(1);
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
      ...['4.6', '4.5', '4.3', '4.1'].map((prefix) => lineGap(prefix)!),
    ];
    for (const gap of gaps) {
      const en = versionSentences(gap, 'en');
      const da = versionSentences(gap, 'da');
      expect(en.length).toBeGreaterThan(0);
      expect(da).toHaveLength(en.length);
      for (const line of [...en, ...da]) {
        expect(line.trim()).not.toBe('');
        expect(line).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
