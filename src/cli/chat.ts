/**
 * `npm run chat`: talk to the bot in a terminal. Same bot, dialog and cards as in Teams; cards are
 * printed as text and their buttons are picked by number.
 */
import * as readline from 'node:readline';
import { MemoryStorage } from 'botbuilder';
import { MimSyncDoctorBot } from '../teams/bot';
import { cardToText, type CardChoice } from './card-text';
import { ConsoleAdapter, type Printed } from './console-adapter';

async function main(): Promise<void> {
  const bot = new MimSyncDoctorBot(new MemoryStorage());
  let choices: CardChoice[] = [];
  const print = (item: Printed): void => {
    if (item.kind === 'text') {
      process.stdout.write(`\nbot> ${item.text}\n`);
      return;
    }
    const rendered = cardToText(item.card);
    choices = rendered.choices;
    process.stdout.write(`\n${rendered.text}\n`);
  };
  const locale = process.env.CHAT_LOCALE ?? (process.env.LANG?.startsWith('da') ? 'da-DK' : 'en-US');
  const adapter = new ConsoleAdapter(print, locale);
  adapter.onTurnError = async (_context, error) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  };

  process.stdout.write(
    'MIM Sync Doctor (terminal). Describe the failure, paste an error, or type help. Ctrl+D quits.\n',
  );
  await adapter.receive({ text: 'help' }, (context) => bot.run(context));

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '\nyou> ' });
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    const picked = /^\d{1,2}$/.test(trimmed) ? choices[Number(trimmed) - 1] : undefined;
    const input = picked ? { value: picked.data } : { text: line };
    await adapter.receive(input, (context) => bot.run(context));
    rl.prompt();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
