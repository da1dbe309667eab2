/**
 * `npm run diagnose -- "text"` prints the advice for one message;
 * `npm run diagnose -- --jsonl` reads {"id","text","lang"} lines on stdin and writes one result line each.
 */
import * as readline from 'node:readline';
import { advise, emptyFacts } from '../diagnosis/advise';
import { diagnose, toResult } from '../diagnosis/diagnose';
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
        `${JSON.stringify({ id, step: 'out-of-scope', kind: 'no-signal', statusCode: null, objectCode: null, candidates: [], confidence: 0 })}\n`,
      );
    }
  }
}

function printOne(text: string, langArg: string | undefined): void {
  const result = diagnose(cleanText(text));
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

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--jsonl')) return runJsonl();
  const langIndex = args.indexOf('--lang');
  const lang = langIndex >= 0 ? args[langIndex + 1] : undefined;
  const text = args.filter((_, i) => langIndex < 0 || (i !== langIndex && i !== langIndex + 1)).join(' ');
  if (!text.trim()) {
    process.stderr.write(
      'Usage: npm run diagnose -- "message" [--lang en|da]   or   npm run diagnose -- --jsonl < file\n',
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
