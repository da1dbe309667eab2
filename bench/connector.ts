/**
 * Local stand-in for the Bot Framework connector: answers 200 `{"id": ...}` to every POST or PUT under
 * [/<sender>]/v3/conversations/, 404 to anything else. Runs in its own process (forked by bench/run.ts,
 * compiled with tsc, plain node) so it does not share an event loop with the load driver.
 *
 * Each server under test gets its own serviceUrl (`http://127.0.0.1:<port>/<sender>/`), so replies are
 * counted per sender. It answers `{stats}` to a 'stats' IPC message. BENCH_MARKERS (a JSON array of
 * strings) are texts the bot only sends when a turn went wrong (stale card, unreadable click, error
 * card, slow down): replies containing one are counted as `unexpected`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const markers = (JSON.parse(process.env.BENCH_MARKERS ?? '[]') as string[]).map((m) => Buffer.from(m));
const TYPING = Buffer.from('"type":"typing"');
const ACTIVITY_PATH = /^\/(?:([A-Za-z0-9_-]+)\/)?v3\/conversations\//;

interface SenderStats {
  activities: number;
  updates: number;
  bytes: number;
  typing: number;
  unexpected: number;
}

const stats = {
  senders: {} as Record<string, SenderStats>,
  other: 0,
  unexpectedSamples: [] as string[],
};
let counter = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const match = req.method === 'POST' || req.method === 'PUT' ? ACTIVITY_PATH.exec(req.url ?? '') : null;
    if (!match) {
      stats.other += 1;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not stubbed"}');
      return;
    }
    const sender = match[1] ?? '-';
    const s = (stats.senders[sender] ??= {
      activities: 0,
      updates: 0,
      bytes: 0,
      typing: 0,
      unexpected: 0,
    });
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    counter += 1;
    s.activities += 1;
    if (req.method === 'PUT') s.updates += 1;
    s.bytes += body.length;
    if (body.includes(TYPING)) s.typing += 1;
    if (markers.some((m) => body.includes(m))) {
      s.unexpected += 1;
      if (stats.unexpectedSamples.length < 3) stats.unexpectedSamples.push(body.toString('utf8', 0, 600));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"id":"stub-${counter}"}`);
  });
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});

process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats });
});
// The bench went away (finished, crashed or killed): do not linger.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
