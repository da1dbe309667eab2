import type { FileSettings } from '../../config/files';
import { decodeText } from '../../diagnosis/readers/decode-text';
import type { SentFile } from './file-attachment';
import { downloadFile } from './file-download';

export type FileProblem =
  'evtx' | 'zip' | 'other-kind' | 'host-refused' | 'too-large' | 'timeout' | 'failed' | 'empty' | 'not-text';

export type FileReading = { ok: true; text: string } | { ok: false; problem: FileProblem };

/** Characters looked at to tell text from binary data. */
const SNIFF_CHARS = 4096;
/** Share of replacement and control characters above which a file is taken for binary data. */
const BINARY_SHARE = 0.1;

/**
 * A file sent to the bot, as text, or why not: only kinds the readers understand are fetched at
 * all, then decoded as `diagnose --file` decodes a saved file (UTF-8 or UTF-16, BOM or not).
 */
export async function readSentFile(file: SentFile, settings: FileSettings): Promise<FileReading> {
  if (file.kind === 'evtx' || file.kind === 'zip') return { ok: false, problem: file.kind };
  if (file.kind !== 'text') return { ok: false, problem: 'other-kind' };
  const download = await downloadFile(file.downloadUrl, settings);
  if (!download.ok) return { ok: false, problem: download.reason };
  if (download.bytes.length === 0) return { ok: false, problem: 'empty' };
  const { text } = decodeText(download.bytes);
  if (looksBinary(text)) return { ok: false, problem: 'not-text' };
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  return { ok: true, text };
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_CHARS);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) odd++;
  }
  return sample.length > 0 && odd / sample.length > BINARY_SHARE;
}
