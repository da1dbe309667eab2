import * as fs from 'node:fs';
import * as path from 'node:path';

/** A run-watch request signed by an independent implementation (Python's hmac), for every sender to match. */
export interface SignedRequestFixture {
  keyId: string;
  secret: string;
  timestamp: number;
  /** The body file, beside the fixture. */
  bodyPath: string;
  body: Buffer;
  signature: string;
}

export function signedRequestFixture(): SignedRequestFixture {
  const dir = path.join(__dirname, '..', 'fixtures', 'run-watch');
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'signed-request.json'), 'utf8')) as {
    keyId: string;
    secret: string;
    timestamp: number;
    body: string;
    signature: string;
  };
  const bodyPath = path.join(dir, raw.body);
  return { ...raw, bodyPath, body: fs.readFileSync(bodyPath) };
}
