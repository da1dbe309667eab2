import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm run eval` as a user runs it: the figures that matter, and a blind set's texts never shown. */

const ROOT = join(__dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mim-eval-'));
  mkdirSync(join(dir, 'blind'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ITEMS = [
  {
    id: 'e1',
    lang: 'en',
    text: 'ADMA delta import stopped-connectivity every night',
    expect: 'run-error-codes',
    status_code: 'stopped-connectivity',
  },
  { id: 'e2', lang: 'da', text: 'PCNS logger hændelse 6025 på DC01', expect: 'pcns-6025', status_code: null },
  // Labelled wrong on purpose: a miss with a text that must not show when the set is blind.
  {
    id: 'e3',
    lang: 'en',
    text: 'SECRET-MARKER full sync on the FIM Service MA hangs for hours',
    expect: 'update-mim',
  },
  {
    id: 'e4',
    lang: 'en',
    text: 'Azure AD Connect sync cycle fails with stopped-extension-dll-exception',
    expect: 'out-of-scope',
  },
];

function evalOn(file: string, ...flags: string[]): string {
  writeFileSync(file, ITEMS.map((i) => JSON.stringify(i)).join('\n'));
  const run = spawnSync(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), 'src/cli/eval.ts', ...flags, file],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('npm run eval', () => {
  it('prints accuracy per language and step, the asking rate, out-of-scope answered, status codes and the misses', () => {
    const out = evalOn(join(dir, 'open.jsonl'));
    expect(out).toContain('top-1 accuracy: 75.0% (3/4)');
    expect(out).toMatch(/asks \(clarify\): /);
    expect(out).toContain('out-of-scope given a step: 0.0% (0/1)');
    expect(out).toContain('statusCode accuracy: 100.0% (2/2)');
    expect(out).toMatch(/ {2}da +100\.0% \(1\/1\)/);
    expect(out).toMatch(/ {2}update-mim +0\.0% \(0\/1\)/);
    expect(out).toContain('e3 [en] expected update-mim, got fim-ma-slow-full-sync');
    expect(out).toContain('SECRET-MARKER');
  });

  it('shows a blind holdout as figures and ids only', () => {
    const out = evalOn(join(dir, 'blind', 'holdout.jsonl'));
    expect(out).toContain('(blind: figures and ids only)');
    expect(out).toContain('e3 [en] expected update-mim');
    expect(out).not.toContain('SECRET-MARKER');
    expect(out).not.toContain('ADMA');
  });

  it('adds the figures of several files together, for a target that spans them', () => {
    const first = join(dir, 'first.jsonl');
    const second = join(dir, 'blind', 'second.jsonl');
    for (const file of [first, second]) writeFileSync(file, ITEMS.map((i) => JSON.stringify(i)).join('\n'));
    const run = spawnSync(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), 'src/cli/eval.ts', first, second],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const pooled = run.stdout.slice(run.stdout.indexOf('== all 2 files together'));
    expect(pooled).toContain('top-1 accuracy: 75.0% (6/8)');
    expect(pooled).toContain('out-of-scope given a step: 0.0% (0/2)');
    expect(pooled).toMatch(/ {2}da +100\.0% \(2\/2\)/);
    // Together is figures only: no ids, no texts, whatever the files.
    expect(pooled).not.toContain('e3');
    expect(pooled).not.toContain('SECRET-MARKER');
  });

  it('prints the figures as JSON, without texts', () => {
    const [line] = evalOn(join(dir, 'open2.jsonl'), '--json').trim().split('\n');
    const figures = JSON.parse(line) as { n: number; top1: number; misrouted: string[] };
    expect(figures).toMatchObject({ n: 4, top1: 75, misrouted: ['e3'] });
    expect(line).not.toContain('SECRET-MARKER');
  });
});
