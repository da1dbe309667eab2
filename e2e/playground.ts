/**
 * npm run playground: the bot in local mode plus the Microsoft 365 Agents Playground pointed at it,
 * so the bot can be tried in a Teams-like page without Azure. Ctrl+C stops both.
 */
import { freePort, isPortFree, type Managed } from './processes';
import { PLAYGROUND_DEFAULT_PORT, ROOT, startBot, startPlayground, type RunningPlayground } from './stack';

const PREFERRED_BOT_PORT = 3978;

/** 3978 like `npm start`, unless something (say, `npm start`) already has it. */
async function botPort(): Promise<number> {
  return (await isPortFree(PREFERRED_BOT_PORT)) ? PREFERRED_BOT_PORT : freePort();
}

/** Both outputs in one terminal, each line marked with where it came from. */
function echo(proc: Managed): void {
  for (const line of proc.lines) process.stdout.write(`[${proc.name}] ${line}\n`);
  proc.onLine((line) => process.stdout.write(`[${proc.name}] ${line}\n`));
}

async function main(): Promise<void> {
  // A Playground session is throwaway (it forgets its chats on restart), so the bot forgets too,
  // unless STORAGE is set in the environment.
  const bot = await startBot({
    port: await botPort(),
    cwd: ROOT,
    env: { STORAGE: process.env.STORAGE ?? 'memory' },
  });
  echo(bot.proc);
  let playground: RunningPlayground;
  try {
    playground = await startPlayground({ botEndpoint: bot.endpoint, port: PLAYGROUND_DEFAULT_PORT });
  } catch (err) {
    await bot.proc.stop();
    throw err;
  }
  echo(playground.proc);
  const procs = [bot.proc, playground.proc];

  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    stopping = true;
    await Promise.all(procs.map((p) => p.stop()));
    process.exit(code);
  };
  // Ctrl+C reaches the children too (same process group); this makes sure both are gone.
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  for (const proc of procs) {
    void proc.exited.then((code) => {
      if (stopping) return;
      process.stderr.write(`\n${proc.name} exited (${code}); stopping.\n`);
      void stopAll(1);
    });
  }

  process.stdout.write(
    [
      '',
      `MIM Sync Doctor (local mode, no authentication): ${bot.endpoint}`,
      `Agents Playground: ${playground.url}`,
      '  Open it in a browser: Personal Chat, Group Chat, or a channel (type @ to mention the bot).',
      '  Press Ctrl+C to stop both.',
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`playground: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
