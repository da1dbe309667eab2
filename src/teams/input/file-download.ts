import { urlAllowed } from '../../lib/host-allowlist';
import type { FileSettings } from '../../config/files';

export type DownloadResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'host-refused' | 'too-large' | 'timeout' | 'failed' };

/** Redirects followed at most; SharePoint's download links redirect once, if at all. */
const MAX_REDIRECTS = 3;

/**
 * Fetches a file Teams handed the bot, never from a host outside FILE_DOWNLOAD_HOSTS: each
 * redirect is checked like the first address, before it is requested. The body is read as a
 * stream and given up as soon as it passes the size limit, so a huge file costs no memory.
 */
export async function downloadFile(address: string, settings: FileSettings): Promise<DownloadResult> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, reason: 'host-refused' };
  }
  const signal = AbortSignal.timeout(settings.timeoutMs);
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!urlAllowed(settings.downloadHosts, url)) return { ok: false, reason: 'host-refused' };
      const response = await fetch(url, { redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location) return { ok: false, reason: 'failed' };
        url = new URL(location, url);
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        return { ok: false, reason: 'failed' };
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > settings.maxBytes) {
        await response.body.cancel();
        return { ok: false, reason: 'too-large' };
      }
      return await readLimited(response.body, settings.maxBytes);
    }
    return { ok: false, reason: 'failed' };
  } catch (err) {
    return { ok: false, reason: signal.aborted || isTimeout(err) ? 'timeout' : 'failed' };
  }
}

async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<DownloadResult> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}
