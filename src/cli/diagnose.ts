/**
 * `npm run diagnose -- "text"` prints the advice for one message;
 * `npm run diagnose -- --jsonl` reads {"id","text","lang"} lines on stdin and writes one result line each.
 */
import { DEFAULT_FILE_SETTINGS } from '../config/files';
import * as fs from 'node:fs/promises';
import * as readline from 'node:readline';
import { advise, emptyFacts } from '../diagnosis/advise';
import { diagnose, toResult } from '../diagnosis/diagnose';
import { decodeText } from '../diagnosis/readers';
import type { Lang } from '../diagnosis/types';
import { langFromLocale } from '../i18n';
import { adviceView } from '../teams/views/advice-view';
import { cleanText } from '../teams/input/read-input';
import { expandCard } from '../teams/views/cards';
import { cardToText } from './card-text';

async function runJsonl(): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let id = `line-${n}`;
    try {
      const item = JSON.parse(line) as { id?: unknown; text?: unknown };
      if (typeof item.id === 'string' || typeof item.id === 'number') id = String(item.id);
      const text = typeof item.text === 'string' ? item.text : '';
      process.stdout.write(`${JSON.stringify(toResult(id, diagnose(cleanText(text))))}\n`);
    } catch {
      // One bad line must not stop the batch: report it as out of scope with an error flag on stderr.
      process.stderr.write(`line ${n}: not a JSON object\n`);
      process.stdout.write(
        `${JSON.stringify({ id, step: 'out-of-scope', kind: 'no-signal', statusCode: null, objectCode: null, candidates: [], confidence: 0, product: null, runs: [], events: [] })}\n`,
      );
    }
  }
}

function printOne(text: string, langArg: string | undefined, asFile = false): void {
  // A file is read as it is (a run history's XML is no HTML to strip); typed text as the bot reads chat.
  const result = diagnose(asFile ? text : cleanText(text));
  const lang: Lang =
    langArg === 'da' || langArg === 'en'
      ? langArg
      : (result.recognition.lang ?? langFromLocale(process.env.LANG));
  const { reply } = result;
  process.stdout.write(`${JSON.stringify(toResult('cli', result))}\n\n`);
  const steps = reply.kind === 'answer' ? [reply.step] : reply.kind === 'clarify' ? reply.candidates : [];
  for (const step of steps) {
    const facts = { ...emptyFacts(), findings: [...result.recognition.findings] };
    const view = adviceView(advise(step, facts), {
      lang,
      shown: [step],
      secondary: reply.kind === 'answer' ? reply.secondary : null,
    });
    process.stdout.write(`${cardToText(expandCard('advice', view)).text}\n\n`);
  }
  if (steps.length === 0) process.stdout.write(`${reply.kind}\n`);
}

// `npm run diagnose -- ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/** Longest file read, as for an attachment in Teams. */
const MAX_FILE_BYTES = DEFAULT_FILE_SETTINGS.maxBytes;

/** `--file <path>`: the file's bytes as an attachment is read (UTF-8 or UTF-16, with or without a BOM). */
async function readFileText(file: string): Promise<string> {
  const { size } = await fs.stat(file);
  if (size > MAX_FILE_BYTES) throw new Error(`${file}: ${size} bytes; at most ${MAX_FILE_BYTES} are read`);
  return decodeText(await fs.readFile(file)).text;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--jsonl')) return runJsonl();
  const valueOf = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const lang = valueOf('--lang');
  const file = valueOf('--file');
  if (file) return printOne(await readFileText(file), lang, true);
  const options = new Set(['--lang', '--file']);
  const text = args.filter((a, i) => !options.has(a) && !options.has(args[i - 1] ?? '')).join(' ');
  if (!text.trim()) {
    process.stderr.write(
      'Usage: npm run diagnose -- "message" [--lang en|da] | --file <path> | --jsonl < messages.jsonl\n',
    );
    process.exitCode = 2;
    return;
  }
  printOne(text, lang);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
