/**
 * One load run with autocannon's programmatic API: N connections, each its own conversation (its own
 * request bodies), for a duration or an amount of requests. Latencies are recorded per response
 * (autocannon's histogram has no p95 and rounds to whole ms).
 */
import autocannon from 'autocannon';
import { cpuMs, nowMs } from './processes';

export interface LoadRun {
  port: number;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  durationS?: number;
  /** Total requests, shared by all connections. */
  amount?: number;
  /** Called once per connection: returns the body factory of that connection's conversation. */
  conversation: (connection: number) => () => string;
  /** The server's pid: its CPU time over the run is divided by the succeeded turns. */
  pid?: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  ok: number;
  turnsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors and timeouts. */
  failed: number;
  non2xx: number;
  mismatches: number;
  /**
   * CPU time (user + system) the server used per succeeded turn. Unlike turns/s it hardly depends on
   * what else the machine runs, so it is the steadier figure on a shared machine.
   */
  cpuMsPerTurn: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function drive(run: LoadRun): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let ok = 0;
    let connection = 0;
    let startedAt = nowMs();
    const cpuAtStart = run.pid !== undefined ? cpuMs(run.pid) : NaN;
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${run.port}`,
        connections: run.connections,
        pipelining: 1,
        timeout: 10,
        ...(run.amount !== undefined ? { amount: run.amount } : { duration: run.durationS ?? 5 }),
        setupClient(client) {
          const body = run.conversation(connection++);
          client.setRequests([
            {
              method: 'POST',
              path: '/api/messages',
              headers: { 'content-type': 'application/json' },
              setupRequest: (request) => ({ ...request, body: body() }),
            },
          ]);
        },
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const seconds = (nowMs() - startedAt) / 1000;
        const cpu = run.pid !== undefined ? cpuMs(run.pid) - cpuAtStart : NaN;
        latencies.sort((a, b) => a - b);
        resolve({
          connections: run.connections,
          seconds,
          ok,
          turnsPerSec: ok / seconds,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          failed: result.errors,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
          cpuMsPerTurn: cpu / Math.max(1, ok),
        });
      },
    );
    instance.on('start', () => (startedAt = nowMs()));
    instance.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) {
        ok += 1;
        latencies.push(responseTime);
      }
    });
  });
}
