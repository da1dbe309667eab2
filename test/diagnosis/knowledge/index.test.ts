import { hresultWeights } from '../../../src/diagnosis/knowledge/signals';
import {
  CONNECTOR_BUILDS,
  CONNECTOR_DOWNLOAD_URL,
  EVENT_IDS,
  KNOWN_ISSUES,
  MIM_BUILDS,
  MIM_SUPPORT,
  OBJECT_ERRORS,
  RUN_STATUSES,
  STEPS,
  getConnectorBuild,
  getEventId,
  getMimBuild,
  getObjectError,
  getRunStatus,
  getStep,
} from '../../../src/diagnosis/knowledge';
import {
  LANGS,
  STEP_IDS,
  type Localized,
  type LocalizedList,
  type Route,
} from '../../../src/diagnosis/types';
import { compareBuilds, lineOfBuild, parseBuild } from '../../../src/diagnosis/version-gap';

const ROUTES: readonly Route[] = [...STEP_IDS, 'out-of-scope'];
const CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

const ALL_CODES = [...RUN_STATUSES.map((r) => r.code), ...OBJECT_ERRORS.map((r) => r.code)];

/**
 * MIM's own literals that must survive translation: status and object codes, UI labels, build
 * numbers, event IDs / KB numbers and HRESULTs.
 */
function literalsIn(text: string): string[] {
  const found: string[] = [];
  for (const code of ALL_CODES) {
    if (new RegExp(`(^|[^a-z0-9-])${code}($|[^a-z0-9-])`).test(text)) found.push(code);
  }
  for (const label of ['Stack Trace...', 'Connector Space Object Properties', 'Connection Status']) {
    if (text.includes(label)) found.push(label);
  }
  for (const m of text.matchAll(/\b\d+\.\d+\.\d+\.\d+\b|\b\d{4,}\b|0x[0-9a-f]+/gi)) found.push(m[0]);
  return found;
}

function expectLocalized(value: Localized, where: string): void {
  for (const lang of LANGS) {
    expect({ where, lang, text: value[lang].trim().length > 0 }).toEqual({ where, lang, text: true });
  }
  for (const literal of literalsIn(value.en)) {
    expect({ where, missingInDanish: value.da.includes(literal) ? null : literal }).toEqual({
      where,
      missingInDanish: null,
    });
  }
}

function expectList(value: LocalizedList, where: string): void {
  expect({ where, en: value.en.length >= 1 && value.en.length <= 3 }).toEqual({ where, en: true });
  expect({ where, sameLength: value.da.length }).toEqual({ where, sameLength: value.en.length });
  value.en.forEach((en, i) => expectLocalized({ en, da: value.da[i] }, `${where}[${i}]`));
}

describe('run statuses', () => {
  it('has one row per run-level status of the facts file', () => {
    // 52 from the facts file, plus stopped-database-disconnected from the routing rules, plus
    // no-start-partition-delete, which the error-code page lists but which is a run-level result,
    // plus the 30 step results of the run-history element tree the first rows lacked.
    expect(RUN_STATUSES).toHaveLength(84);
    for (const code of [
      'stopped-error-limit',
      'stopped-out-of-memory',
      'no-start-full-import-required',
      'no-start-server',
    ])
      expect(RUN_STATUSES.map((s) => s.code)).toContain(code);
    for (const code of [
      'success',
      'completed-no-objects',
      'completed-warnings',
      'completed-discovery-errors',
      'completed-sync-errors',
      'completed-export-errors',
      'completed-transient-objects',
      'completed-skipped-already-completed',
      'completing-obsoletion',
      'completing-referential-updates',
      'completing-recomputation',
      'stopped-server',
      'stopped-server-down',
      'stopped-bad-server-credentials',
      'stopped-connectivity',
      'stopped-extension-dll-exception',
      'stopped-extensible-extension-error',
      'stopped-entry-point-not-implemented',
      'stopped-unexpected-data',
      'stopped-extension-dll-load',
      'stopped-extension-dll-file-not-found',
      'stopped-extension-dll-access',
      'stopped-extension-dll-ambiguous',
      'stopped-extension-dll-instantiation',
      'stopped-extension-dll-invalid-assembly',
      'stopped-extension-dll-missing-dependency',
      'stopped-extension-dll-no-implementation',
      'stopped-extension-dll-updated-version',
      'stopped-change-log-out-of-order',
      'stopped-disk-full',
      'embedded-null',
      'stopped-database-disk-full',
      'stopped-database-connection-lost',
      'stopped-deletion-threshold-exceeded',
      'stopped-object-limit',
      'stopped-user-termination-from-wmi-or-ui',
      'sql-deadlock',
      'no-start-ma-already-running',
      'no-start-unknown-profile-name',
      'no-start-ma-update-in-progress',
      'no-start-concurrent-execution-not-support',
      'access-denied',
      'no-start-file-not-found',
      'no-start-file-open',
      'no-start-file-access-denied',
      'no-start-file-sharing-violation',
      'no-start-file-contains-incorrect-step-type',
      'no-start-connection',
      'no-start-credentials',
      'no-start-ma',
      'call-failure',
      'connection-failure',
    ]) {
      expect(getRunStatus(code)?.code).toBe(code);
    }
  });

  it.each(RUN_STATUSES.map((r) => [r.code, r] as const))('%s is complete in both languages', (code, row) => {
    expect(code).toMatch(CODE_PATTERN);
    expect(ROUTES).toContain(row.step);
    expectLocalized(row.meaning, `${code}.meaning`);
    expect(row.meaning.da).not.toBe(row.meaning.en);
    expectList(row.causes, `${code}.causes`);
    expectList(row.actions, `${code}.actions`);
  });

  it('gives each kind of status the right kind and step', () => {
    for (const row of RUN_STATUSES) {
      if (row.code.startsWith('no-start-')) expect(row.kind).toBe('no-start');
      if (row.code.startsWith('completing-')) expect(row.kind).toBe('in-progress');
      if (row.code.startsWith('completed-')) expect(row.kind).toBe('completed');
      if (row.code.startsWith('stopped-')) expect(row.kind).toBe('stopped');
    }
    const extension = RUN_STATUSES.filter((r) => r.step === 'extension-dll-exception').map((r) => r.code);
    expect(extension.sort()).toEqual([
      'stopped-entry-point-not-implemented',
      'stopped-extensible-extension-error',
      'stopped-extension-dll-exception',
      'stopped-unexpected-data',
    ]);
    expect(RUN_STATUSES.filter((r) => r.step === 'out-of-scope').map((r) => r.code)).toEqual([
      'stopped-deletion-threshold-exceeded',
    ]);
  });

  it('marks inferred statuses as unverified and documented ones not', () => {
    expect(getRunStatus('stopped-connectivity')?.unverified).toBe(true);
    expect(getRunStatus('stopped-extension-dll-ambiguous')?.unverified).toBe(true);
    expect(getRunStatus('embedded-null')?.unverified).toBe(true);
    expect(getRunStatus('completed-skipped-already-completed')?.unverified).toBe(true);
    expect(getRunStatus('stopped-server')?.unverified).toBeUndefined();
    expect(getRunStatus('no-start-ma-already-running')?.unverified).toBeUndefined();
  });
});

describe('object errors', () => {
  it('has one row per object-level code of the facts file', () => {
    const byGroup = (g: string) => OBJECT_ERRORS.filter((e) => e.group === g).length;
    expect(byGroup('connection')).toBe(6); // no-start-partition-delete lives with the run statuses
    expect(byGroup('discovery')).toBe(27);
    expect(byGroup('synchronization')).toBe(29);
    expect(byGroup('export')).toBe(27);
    expect(byGroup('sync-rule')).toBe(1);
    expect(byGroup('fim-service-ma')).toBe(2);
    expect(OBJECT_ERRORS).toHaveLength(92);
  });

  it.each(OBJECT_ERRORS.map((r) => [r.code, r] as const))('%s is complete in both languages', (code, row) => {
    expect(code).toMatch(CODE_PATTERN);
    expect(ROUTES).toContain(row.step);
    expectLocalized(row.meaning, `${code}.meaning`);
    expect(row.meaning.da).not.toBe(row.meaning.en);
    expectList(row.causes, `${code}.causes`);
    expectList(row.actions, `${code}.actions`);
  });

  it('keeps a code listed in two groups as one row under the first group', () => {
    for (const code of [
      'invalid-dn',
      'anchor-too-long',
      'invalid-attribute-value',
      'missing-anchor-component',
    ]) {
      expect(getObjectError(code)?.group).toBe('discovery');
    }
    for (const code of ['unexpected-error', 'encryption-key-lost', 'locking-error-needs-retry']) {
      expect(getObjectError(code)?.group).toBe('synchronization');
    }
    expect(getObjectError('anchor-too-long')?.meaning.en).toContain('398');
  });

  it('routes extension codes, web-services codes and the rest', () => {
    for (const row of OBJECT_ERRORS) {
      // A timeout throws nothing: the engine unloaded the extension, so the code table explains it.
      const expected =
        row.code.startsWith('extension-') && row.code !== 'extension-dll-timeout'
          ? 'extension-dll-exception'
          : row.code.endsWith('-via-web-services')
            ? 'fim-ma-failed-creation'
            : 'run-error-codes';
      expect({ code: row.code, step: row.step }).toEqual({ code: row.code, step: expected });
    }
    expect(OBJECT_ERRORS.filter((e) => e.step === 'extension-dll-exception')).toHaveLength(10);
  });
});

describe('codes across tables', () => {
  it('are unique within and across the run-status and object-error tables', () => {
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
  });
});

describe('event IDs', () => {
  it('lists every event of the facts file once', () => {
    expect(EVENT_IDS).toHaveLength(35);
    expect(new Set(EVENT_IDS.map((e) => e.id)).size).toBe(EVENT_IDS.length);
    expect(EVENT_IDS.filter((e) => e.source === 'pcns').map((e) => e.id)).toEqual([
      2001, 2002, 2003, 2004, 2005, 4001, 4002, 4003, 4004, 4005, 6000, 6001, 6025, 6032,
    ]);
  });

  it('says "unknown" plainly instead of guessing', () => {
    const unknown = EVENT_IDS.filter((e) => e.meaning === null).map((e) => e.id);
    expect(unknown).toEqual([6050, 6311, 6324, 6325, 6326, 6327, 6328, 6329, 6400, 6914, 6915]);
    for (const id of unknown) expect(getEventId(id)?.step).toBe('run-error-codes');
  });

  it.each(EVENT_IDS.filter((e) => e.meaning !== null).map((e) => [e.id, e] as const))(
    '%i has a meaning in both languages',
    (id, row) => {
      expect(ROUTES).toContain(row.step);
      if (row.meaning) {
        expectLocalized(row.meaning, `event ${id}`);
        expect(row.meaning.da).not.toBe(row.meaning.en);
      }
    },
  );

  it('routes events as the routing rules say', () => {
    expect(getEventId(6025)?.step).toBe('pcns-6025');
    expect(getEventId(4003)?.step).toBe('pcns-6025');
    expect(getEventId(4004)?.step).toBe('pcns-6025');
    expect(getEventId(6032)?.step).toBe('out-of-scope');
    expect(getEventId(6801)?.step).toBe('extension-dll-exception');
    expect(getEventId(6947)?.step).toBe('update-connectors');
    // A notification received is no failure, and not the 6025 step (links-and-facts.md).
    expect(getEventId(6903)?.step).toBe('out-of-scope');
    for (const id of [2001, 2002, 2003, 2004, 2005]) expect(getEventId(id)?.step).toBe('out-of-scope');
    for (const id of [4003, 4004, 4005, 6025]) expect(getEventId(id)?.step).toBe('pcns-6025');
    for (const id of [6100, 6127, 6152, 6301, 6309, 6323, 6803])
      expect(getEventId(id)?.step).toBe('run-error-codes');
    expect(getEventId(6301)?.meaning?.en).toContain('0x80230304');
    expect(getEventId(6309)?.meaning?.en).toContain('0x8023063d');
    expect(getEventId(6100)?.unverified).toBe(true);
  });
});

describe('MIM builds', () => {
  it('has every build of the version history, FIM and the unconfirmed SP3', () => {
    expect(MIM_BUILDS).toHaveLength(29);
    for (const b of [
      '4.3.1935.0',
      '4.4.1302.0',
      '4.5.26.0',
      '4.6.34.0',
      '4.6.421.0',
      '4.6.530.0',
      '4.6.673.0',
    ]) {
      expect(getMimBuild(b)?.build).toBe(b);
    }
    expect(getMimBuild('4.0.2592.0')?.line).toBe('FIM 2010');
    expect(getMimBuild('4.1.2273.0')?.line).toBe('FIM 2010 R2');
    expect(getMimBuild('4.1.3419.0')?.line).toBe('FIM 2010 R2');
    expect(getMimBuild('4.1.3766.0')?.line).toBe('FIM 2010 R2');
  });

  it('marks SP3 4.6.691.0 as unconfirmed, and nothing else', () => {
    const sp3 = getMimBuild('4.6.691.0');
    expect(sp3?.unconfirmed).toBe(true);
    expect(sp3?.line).toBe('MIM 2016 SP3');
    expect(MIM_BUILDS.filter((b) => b.unconfirmed).map((b) => b.build)).toEqual(['4.6.691.0']);
  });

  it.each(MIM_BUILDS.map((b) => [b.build, b] as const))('%s is well-formed', (build, row) => {
    expect(parseBuild(build)).not.toBeNull();
    if (row.date !== null) expect(row.date).toMatch(ISO_DATE);
    if (row.kb !== null) expect(row.kb).toMatch(/^\d{6,7}$/);
    if (!row.unconfirmed) expect(lineOfBuild(build)).toBe(row.line);
    expectLocalized(row.notes, `${build}.notes`);
  });

  it('is unique and sorted newest first', () => {
    const builds = MIM_BUILDS.map((b) => b.build);
    expect(new Set(builds).size).toBe(builds.length);
    for (let i = 1; i < builds.length; i++)
      expect(compareBuilds(builds[i - 1], builds[i])).toBeGreaterThan(0);
  });

  it('keeps the facts of the history: KB numbers, dates and sync fixes', () => {
    expect(getMimBuild('4.6.673.0')).toMatchObject({ date: '2023-10-03', kb: '5018333' });
    expect(getMimBuild('4.6.421.0')).toMatchObject({ date: '2021-03-17', kb: '4599279', syncFixes: false });
    expect(getMimBuild('4.5.286.0')).toMatchObject({ kb: '4469694', line: 'MIM 2016 SP1' });
    expect(getMimBuild('4.6.34.0')).toMatchObject({ date: '2019-10', kb: '4512924', syncFixes: true });
    expect(
      MIM_BUILDS.filter((b) => b.syncFixes && b.line === 'MIM 2016 SP2')
        .map((b) => b.build)
        .sort(compareBuilds),
    ).toEqual(['4.6.34.0', '4.6.263.0', '4.6.359.0', '4.6.531.0', '4.6.607.0', '4.6.641.0']);
  });

  it('records support dates and known issues that point to real rows', () => {
    expect(MIM_SUPPORT.mim2016).toEqual({
      endOfSupport: '2029-01-09',
      previousEndOfSupport: '2026-01-13',
      unverified: false,
    });
    expect(MIM_SUPPORT.fim2010).toMatchObject({ endOfSupport: '2022-10-11', unverified: true });
    expect(KNOWN_ISSUES.length).toBeGreaterThanOrEqual(3);
    for (const issue of KNOWN_ISSUES) {
      for (const b of issue.builds) expect(getMimBuild(b)).toBeDefined();
      if (issue.statusCode) expect(getRunStatus(issue.statusCode)).toBeDefined();
      if (issue.fixedIn) expect(getMimBuild(issue.fixedIn)).toBeDefined();
      expectLocalized(issue.text, `issue ${issue.builds.join('/')}`);
    }
    const dllLoad = KNOWN_ISSUES.find((k) => k.statusCode === 'stopped-extension-dll-load');
    // KB 4469694 documents it for 4.5.286.0; nothing ties it to 4.4.1642.0 (links-and-facts.md).
    expect(dllLoad).toMatchObject({ builds: ['4.5.286.0'], kb: '4469694' });
  });
});

describe('connector builds', () => {
  it('has every generic connector build, one row per build', () => {
    expect(CONNECTOR_BUILDS).toHaveLength(23);
    for (const b of ['1.1.1302.0', '1.1.1301.0', '1.1.1170.0', '1.1.1130.0', '1.1.443.0', '1.1.117.0']) {
      expect(getConnectorBuild(b)?.build).toBe(b);
    }
    expect(getConnectorBuild('1.1.830.0')?.notes.en).toContain('4.1.4.0');
    expect(CONNECTOR_DOWNLOAD_URL).toBe('https://go.microsoft.com/fwlink/?LinkId=717495');
  });

  it('marks only 1.1.911.0 as not for MIM', () => {
    expect(CONNECTOR_BUILDS.filter((b) => b.notForMim).map((b) => b.build)).toEqual(['1.1.911.0']);
  });

  it.each(CONNECTOR_BUILDS.map((b) => [b.build, b] as const))('%s is well-formed', (build, row) => {
    const parts = parseBuild(build);
    expect(parts?.slice(0, 2)).toEqual([1, 1]);
    if (row.date !== null) expect(row.date).toMatch(ISO_DATE);
    expectLocalized(row.notes, `${build}.notes`);
  });

  it('is unique and sorted newest first', () => {
    const builds = CONNECTOR_BUILDS.map((b) => b.build);
    expect(new Set(builds).size).toBe(builds.length);
    for (let i = 1; i < builds.length; i++)
      expect(compareBuilds(builds[i - 1], builds[i])).toBeGreaterThan(0);
    expect(builds[0]).toBe('1.1.2057.0');
  });
});

describe('lookups', () => {
  it('find the spot-checked rows', () => {
    expect(getRunStatus('stopped-connectivity')?.step).toBe('run-error-codes');
    expect(getRunStatus('stopped-server')?.step).toBe('run-error-codes');
    expect(getRunStatus('stopped-extension-dll-load')?.step).toBe('run-error-codes');
    expect(getRunStatus('stopped-extension-dll-exception')?.step).toBe('extension-dll-exception');
    expect(getObjectError('failed-creation-via-web-services')?.step).toBe('fim-ma-failed-creation');
    expect(getObjectError('failed-modification-via-web-services')?.group).toBe('fim-service-ma');
    expect(getObjectError('sync-rule-flow-provisioning-failed')?.step).toBe('run-error-codes');
    expect(getObjectError('extension-dll-exception')?.step).toBe('extension-dll-exception');
    expect(getEventId(6025)?.step).toBe('pcns-6025');
    expect(getEventId(6032)?.step).toBe('out-of-scope');
    expect(getEventId(6311)).toMatchObject({ meaning: null });
  });

  it('accept codes typed in another case or with spaces, and return undefined for unknown keys', () => {
    expect(getRunStatus('  Stopped-Server ')?.code).toBe('stopped-server');
    expect(getObjectError('CD-ERROR')?.code).toBe('cd-error');
    expect(getRunStatus('stopped-nonsense')).toBeUndefined();
    expect(getObjectError('stopped-server')).toBeUndefined();
    expect(getEventId(9999)).toBeUndefined();
    expect(getMimBuild('4.6.600.0')).toBeUndefined();
    expect(getConnectorBuild('1.1.1.0')).toBeUndefined();
  });

  it('re-export the steps', () => {
    expect(STEPS.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(getStep('pcns-6025').order).toBe(5);
  });
});

describe('HRESULTs', () => {
  it('weigh by their own row, then by the family of another program, then as unknown', () => {
    expect(hresultWeights('0x8023063d')).toEqual({ 'run-error-codes': 3 });
    // Task Scheduler's "an instance of this task is already running", and its success-family twin.
    expect(hresultWeights('0x8004131f')).toEqual({ 'out-of-scope': 5 });
    expect(hresultWeights('0x00041301')).toEqual({ 'out-of-scope': 5 });
    // A code that only starts like one of the family is not in it.
    expect(hresultWeights('0x8004131f00')).toEqual({ 'run-error-codes': 2 });
    expect(hresultWeights('0x80070005')).toEqual({ 'run-error-codes': 2 });
  });
});
