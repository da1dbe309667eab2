/**
 * Preload for the bench's server processes (`node --expose-gc -r memory-probe.js <server>`): on SIGUSR2
 * it runs a full garbage collection and writes one JSON line with process.memoryUsage() to stderr, so
 * the bench can tell memory the process keeps from garbage it has not collected yet. Changes nothing
 * else in the process it is loaded into.
 */
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  const before = process.memoryUsage();
  gc?.();
  gc?.();
  const after = process.memoryUsage();
  const mb = (n: number): number => Math.round((n / 1048576) * 10) / 10;
  process.stderr.write(
    `${JSON.stringify({
      memoryProbe: {
        gc: gc !== undefined,
        rssBeforeGc: mb(before.rss),
        heapUsedBeforeGc: mb(before.heapUsed),
        rss: mb(after.rss),
        heapTotal: mb(after.heapTotal),
        heapUsed: mb(after.heapUsed),
        external: mb(after.external),
        arrayBuffers: mb(after.arrayBuffers),
      },
    })}\n`,
  );
});
