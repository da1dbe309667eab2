/**
 * `npm run runs:send -- --url <bot> --key-id <id> --secret <secret> <file.xml> [...]` posts saved run
 * histories (what RunDetails() returned) to the bot's POST /api/runs, signed like the agent does.
 * The secret may come from RUN_WATCH_SECRET instead, to keep it out of the shell history.
 */
import * as fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { sendRunHistory } from './run-sender';

const USAGE =
  'usage: npm run runs:send -- --url <bot url> --key-id <key id> [--secret <secret>] <run-history.xml> [...]\n' +
  '       (the secret may be given as RUN_WATCH_SECRET instead)';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        'key-id': { type: 'string' },
        secret: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const secret = values.secret ?? process.env.RUN_WATCH_SECRET;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.url || !values['key-id'] || !secret || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of positionals) {
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch (err) {
      process.stderr.write(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
      failed++;
      continue;
    }
    try {
      const outcome = await sendRunHistory({ url: values.url, keyId: values['key-id'], secret }, body);
      const detail = typeof outcome.body === 'string' ? outcome.body : JSON.stringify(outcome.body);
      const line = `${file}: ${outcome.status} ${detail}`;
      if (outcome.status === 202) process.stdout.write(`${line}\n`);
      else {
        process.stderr.write(`${line}${hint(outcome.status)}\n`);
        failed++;
      }
    } catch (err) {
      process.stderr.write(
        `${file}: the bot cannot be reached at ${values.url} (${(err as Error).message})\n`,
      );
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
}

/** What the admin can do about each refusal. */
function hint(status: number): string {
  switch (status) {
    case 401:
      return " - check the key id and secret against RUN_WATCH_KEYS, and this machine's clock (5 minutes either way)";
    case 404:
      return ' - the bot has no RUN_WATCH_KEYS set, or the URL is not the bot';
    case 413:
      return ' - the file is over RUN_WATCH_MAX_MB';
    case 429:
      return ' - still over the rate limit after retrying; try again in a minute';
    default:
      return '';
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
