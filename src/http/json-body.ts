import type { IncomingMessage } from 'node:http';
import { parseJsonSafely } from './safe-json';

export type BodyResult =
  | { ok: true; value: unknown; droppedKeys: number }
  | { ok: false; status: 400 | 413 | 415; error: string; reason: string; closeConnection?: boolean };

/**
 * Reads and parses a JSON body ourselves instead of restify's bodyParser: that one gunzips without a
 * size limit on the inflated data, parses form and multipart bodies into objects the adapter would
 * accept, reads an oversized body to its end before answering, and puts JSON.parse's message into
 * its 400 response.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
  maxDepth: number,
): Promise<BodyResult> {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const [mediaType = '', ...params] = contentType.split(';').map((part) => part.trim());
  if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) {
    return {
      ok: false,
      status: 415,
      error: 'unsupported media type: send application/json',
      reason: `content type ${JSON.stringify(mediaType)}`,
    };
  }
  const charset = params.find((param) => param.startsWith('charset='))?.slice('charset='.length);
  if (charset !== undefined && !['utf-8', 'utf8', '"utf-8"'].includes(charset)) {
    return { ok: false, status: 415, error: 'unsupported charset: send UTF-8', reason: `charset ${charset}` };
  }
  const encoding = req.headers['content-encoding']?.toLowerCase();
  if (encoding !== undefined && encoding !== 'identity') {
    return {
      ok: false,
      status: 415,
      error: 'compressed bodies are not supported',
      reason: `encoding ${encoding}`,
    };
  }

  const read = await readRawBody(req, limit);
  if (read === 'too-large') {
    // Answer at once and close: the rest of the upload is not worth reading.
    return {
      ok: false,
      status: 413,
      error: `payload too large: the limit is ${formatLimit(limit)}`,
      reason: `body over ${limit} bytes`,
      closeConnection: true,
    };
  }
  if (read === 'aborted') return { ok: false, status: 400, error: 'request aborted', reason: 'aborted' };
  if (read.length === 0) return { ok: false, status: 400, error: 'body is empty', reason: 'empty body' };
  const parsed = parseJsonSafely(read.toString('utf8'), maxDepth);
  if (parsed.ok) return { ok: true, value: parsed.value, droppedKeys: parsed.droppedKeys };
  return parsed.reason === 'invalid JSON'
    ? { ok: false, status: 400, error: 'body is not valid JSON', reason: 'invalid JSON' }
    : { ok: false, status: 400, error: 'body is nested too deeply', reason: 'JSON nested too deeply' };
}

/** Buffers at most `limit` bytes; settles as soon as the declared or received size is over it. */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => resolve('aborted'));
    req.once('aborted', () => resolve('aborted'));
  });
}

function formatLimit(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
