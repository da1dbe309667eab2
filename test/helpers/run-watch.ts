import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUN_WATCH_HEADERS, signRunBody } from '../../src/run-watch/signature';

/** Two MIM servers' keys, as RUN_WATCH_KEYS holds them (test-only secrets). */
export const RUN_KEYS = {
  first: { id: 'mim-sync-01', secret: 'test-only-secret-0123456789abcdef' },
  second: { id: 'mim-sync-02', secret: 'another-test-secret-0123456789' },
} as const;
export const RUN_WATCH_KEYS = `${RUN_KEYS.first.id}:${RUN_KEYS.first.secret},${RUN_KEYS.second.id}:${RUN_KEYS.second.secret}`;

const FIXTURE = fs.readFileSync(
  path.join(__dirname, '..', 'fixtures', 'readers', 'run-history-one-run.xml'),
  'utf8',
);

/** The readers' fixture run (CONTOSO-ADMA, run 412, 14 March 2024) with another number, day or result. */
export function fixtureRun(number: number, options: { day?: string; result?: string } = {}): string {
  let xml = FIXTURE.replace('<run-number>412</run-number>', `<run-number>${number}</run-number>`);
  if (options.day) xml = xml.replaceAll('2024-03-14', options.day);
  if (options.result) {
    xml = xml.replace(/<step-result>[a-z-]+<\/step-result>/g, `<step-result>${options.result}</step-result>`);
  }
  return xml;
}

export interface RunPostOptions {
  key?: string;
  secret?: string;
  timestamp?: number;
  signature?: string;
  contentType?: string;
}

export interface RunPostAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** POST /api/runs as the agent on a MIM server sends it: signed over the timestamp and the raw bytes. */
export async function postRuns(
  baseUrl: string,
  xml: string,
  options: RunPostOptions = {},
): Promise<RunPostAnswer> {
  const body = Buffer.from(xml, 'utf8');
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseUrl}/api/runs`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/xml; charset=utf-8',
      [RUN_WATCH_HEADERS.keyId]: options.key ?? RUN_KEYS.first.id,
      [RUN_WATCH_HEADERS.timestamp]: String(timestamp),
      [RUN_WATCH_HEADERS.signature]:
        options.signature ?? signRunBody(options.secret ?? RUN_KEYS.first.secret, timestamp, body),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}
