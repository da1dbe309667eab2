/**
 * POST /api/runs: a MIM server sends the run history RunDetails() returned, signed with its key (see
 * run-watch/signature.ts). Everything that can be refused without the body is refused before it is
 * read; the signature is checked on the raw bytes before anything parses them.
 */
import type { IncomingMessage } from 'node:http';
import type { RunWatchKey, RunWatchSettings } from '../config/run-watch';
import { readRunHistory, type RunHistoryReading } from '../diagnosis/readers';
import type { ReceiveResult } from '../run-watch/run-watch';
import { isFresh, parseTimestamp, RUN_WATCH_HEADERS, signatureMatches } from '../run-watch/signature';
import { readRawBody } from './json-body';

export type IngestAnswer =
  | { status: 202; body: { accepted: number; duplicates: number }; keyId: string; delivered: boolean }
  | {
      status: 400 | 401 | 404 | 413 | 415 | 429;
      /** For the log only. */
      reason: string;
      /** The fixed text of the error body, when the status's own text would mislead. */
      error?: string;
      retryAfterS?: number;
      closeConnection?: boolean;
    };

export type Receive = (keyId: string, reading: RunHistoryReading) => Promise<ReceiveResult>;

export interface RunIngestOptions {
  settings: RunWatchSettings;
  receive: Receive;
  clock?: () => number;
}

const XML_TYPES = new Set(['application/xml', 'text/xml']);
const MINUTE_MS = 60_000;

/** Requests per key in the current minute (a fixed window: simple, and enough against a runaway script). */
class PerKeyRate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Seconds to wait when the key's minute is used up, else null. */
  full(keyId: string, now: number): number | null {
    const w = this.windows.get(keyId);
    if (!w || now - w.start >= MINUTE_MS || w.count < this.perMinute) return null;
    return Math.max(1, Math.ceil((w.start + MINUTE_MS - now) / 1000));
  }

  count(keyId: string, now: number): void {
    const w = this.windows.get(keyId);
    if (!w || now - w.start >= MINUTE_MS) this.windows.set(keyId, { start: now, count: 1 });
    else w.count += 1;
  }
}

export function createRunIngest(options: RunIngestOptions): (req: IncomingMessage) => Promise<IngestAnswer> {
  const { settings, receive } = options;
  const clock = options.clock ?? Date.now;
  const rate = new PerKeyRate(settings.perMinute);
  const keys = new Map<string, RunWatchKey>(settings.keys.map((k) => [k.id, k]));

  return async (req) => {
    if (keys.size === 0) return { status: 404, reason: 'run watch is off (RUN_WATCH_KEYS unset)' };
    const media = mediaTypeOf(req);
    if (!media.ok) return { status: 415, reason: media.reason, error: media.error };

    const keyId = header(req, RUN_WATCH_HEADERS.keyId);
    const key = keyId === undefined ? undefined : keys.get(keyId);
    const timestamp = parseTimestamp(header(req, RUN_WATCH_HEADERS.timestamp));
    const signature = header(req, RUN_WATCH_HEADERS.signature);
    if (!key) return unauthorized(keyId === undefined ? 'no key id' : 'unknown key id');
    if (timestamp === undefined) return unauthorized('no timestamp');
    if (!isFresh(timestamp, clock())) return unauthorized('timestamp outside five minutes');
    if (signature === undefined) return unauthorized('no signature');
    const wait = rate.full(key.id, clock());
    if (wait !== null)
      return { status: 429, reason: `over ${settings.perMinute} a minute`, retryAfterS: wait };

    const body = await readRawBody(req, settings.maxBytes);
    if (body === 'too-large')
      return { status: 413, reason: `body over ${settings.maxBytes} bytes`, closeConnection: true };
    if (body === 'aborted') return { status: 400, reason: 'aborted', error: 'request aborted' };
    if (!signatureMatches(key.secret, timestamp, body, signature)) return unauthorized('bad signature');
    rate.count(key.id, clock());

    const reading = readRunHistory(body);
    if (!reading.recognised || reading.runs.length === 0)
      return { status: 400, reason: 'not a run history', error: 'the body is not a run history' };
    const received = await receive(key.id, reading);
    return {
      status: 202,
      body: { accepted: received.accepted, duplicates: received.duplicates },
      keyId: key.id,
      delivered: received.delivered,
    };
  };
}

function unauthorized(reason: string): IngestAnswer {
  // The body never says which check failed.
  return { status: 401, reason: `run watch: ${reason}` };
}

function mediaTypeOf(req: IncomingMessage): { ok: true } | { ok: false; reason: string; error: string } {
  const [media = '', ...params] = (req.headers['content-type'] ?? '')
    .toLowerCase()
    .split(';')
    .map((p) => p.trim());
  const error = 'unsupported media type: send application/xml in UTF-8';
  if (!XML_TYPES.has(media)) return { ok: false, reason: `content type ${JSON.stringify(media)}`, error };
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return { ok: false, reason: `charset ${charset}`, error };
  const encoding = req.headers['content-encoding']?.toLowerCase();
  if (encoding !== undefined && encoding !== 'identity')
    return { ok: false, reason: `encoding ${encoding}`, error: 'compressed bodies are not supported' };
  return { ok: true };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
