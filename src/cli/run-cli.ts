/**
 * Runs a command's `main` as the terminal expects: an error is one line on stderr and exit code 1,
 * not a stack trace (a missing or malformed file is the user's to fix, not a crash).
 */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
