import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `npm run diagnose -- --file <path>` reads a saved file as an attachment is read. */

const ROOT = join(__dirname, '..', '..');

function diagnoseFile(file: string): Record<string, unknown> {
  const run = spawnSync(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), 'src/cli/diagnose.ts', '--file', file],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout.split('\n')[0]) as Record<string, unknown>;
}

describe('diagnose --file', () => {
  it('reads a UTF-16 run history saved with a BOM, with its runs', () => {
    const result = diagnoseFile('test/fixtures/readers/run-history-several-runs.utf16le-bom.xml');
    const utf8 = diagnoseFile('test/fixtures/readers/run-history-several-runs.xml');
    expect(result.runs).toEqual(utf8.runs);
    expect((result.runs as unknown[]).length).toBeGreaterThan(1);
  });

  it('refuses a file it cannot open with a clear line', () => {
    const run = spawnSync(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), 'src/cli/diagnose.ts', '--file', 'no/such/file.xml'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no\/such\/file\.xml/);
  });
});
