import { runCli } from '../../src/cli/run-cli';

/** A command that fails says why in one line and exits 1; one that works leaves the exit code alone. */

describe('runCli', () => {
  let written: string[];
  let write: jest.SpyInstance;

  beforeEach(() => {
    written = [];
    write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    write.mockRestore();
    process.exitCode = undefined;
  });

  it('turns an error into one line on stderr and exit code 1', () => {
    runCli(() => {
      throw new Error('eval/missing.jsonl: no such file');
    });
    expect({ written, exitCode: process.exitCode }).toEqual({
      written: ['eval/missing.jsonl: no such file\n'],
      exitCode: 1,
    });
  });

  it('leaves a command that works alone', () => {
    let ran = false;
    runCli(() => {
      ran = true;
    });
    expect({ ran, written, exitCode: process.exitCode }).toEqual({
      ran: true,
      written: [],
      exitCode: undefined,
    });
  });
});
