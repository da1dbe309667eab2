/**
 * Posting a run history to the bot's POST /api/runs, signed as the endpoint checks it. Shared by
 * `npm run runs:send` and the load benchmark; the agent on the MIM server does the same in PowerShell.
 */
import { RUN_WATCH_HEADERS, signRunBody } from '../run-watch/signature';

export interface RunSender {
  /** The bot's base URL (http://host:port) or the full /api/runs URL. */
  url: string;
  keyId: string;
  secret: string;
  /** Retries after a 429, each after its Retry-After (default 3). */
  maxRetries?: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendOutcome {
  status: number;
  /** `{ accepted, duplicates }` on 202, else the bot's `{ error }`. */
  body: unknown;
  /** 429 answers that were waited out first. */
  throttled: number;
}

export function runsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/api/runs') ? trimmed : `${trimmed}/api/runs`;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the bytes as they are (never re-encoded: the signature is over these very bytes). */
export async function sendRunHistory(sender: RunSender, body: Uint8Array): Promise<SendOutcome> {
  const clock = sender.clock ?? Date.now;
  const sleep = sender.sleep ?? sleepFor;
  const maxRetries = sender.maxRetries ?? 3;
  for (let throttled = 0; ; throttled++) {
    // Signed afresh on each try: a retry after a long Retry-After must not carry a stale timestamp.
    const timestamp = Math.floor(clock() / 1000);
    const res = await fetch(runsUrl(sender.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/xml; charset=utf-8',
        [RUN_WATCH_HEADERS.keyId]: sender.keyId,
        [RUN_WATCH_HEADERS.timestamp]: String(timestamp),
        [RUN_WATCH_HEADERS.signature]: signRunBody(sender.secret, timestamp, body),
      },
      body,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      // Not JSON (a proxy's page): keep the text for the message.
    }
    if (res.status !== 429 || throttled >= maxRetries) return { status: res.status, body: parsed, throttled };
    const wait = Number(res.headers.get('retry-after'));
    await sleep((Number.isFinite(wait) && wait > 0 ? Math.min(wait, 120) : 1) * 1000);
  }
}
