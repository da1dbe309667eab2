/**
 * Stands in for an object that jest hooks create later: every property read goes to what `current`
 * returns at that moment (methods bound to it), so a test file can hold one `const` from the start.
 */
export function lateBound<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const target = current();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Something the tests of a file (or of the describe block this is called in) share: started before
 * each test (`per: 'test'`) or once before the first (`per: 'file'`), closed after. Read it only
 * while a test runs.
 */
export function useStarted<T extends { close(): Promise<void> }>(
  per: 'test' | 'file',
  start: () => Promise<T>,
): T {
  let started: T | undefined;
  const [before, after] = per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    started = await start();
  });
  after(async () => {
    await started?.close();
    started = undefined;
  });
  return lateBound(() => {
    if (!started) throw new Error('used outside the tests it was started for');
    return started;
  });
}

/** Polls `check` every 20 ms until it holds; rejects naming `what` after timeoutMs. */
export async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
