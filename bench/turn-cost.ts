/**
 * CPU per turn of the bot's own work, in process (TestAdapter + MemoryStorage, no HTTP), for the
 * bench's turn script. A quick loop for optimising: `npx tsx bench/turn-cost.ts [conversations]
 * [cycles] [--distinct]`; add `--cpu-prof` to node for a profile. It prints µs of CPU per turn per
 * turn kind and overall. `--distinct` makes every typed message unique (a reference number at the
 * end), so nothing the bot read before helps: the cost of a workload of all-different messages.
 * The HTTP side (server, outbound replies) is measured by `npm run bench` only.
 */
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { MimSyncDoctorBot } from '../src/teams/bot';
import { prepareCards } from '../src/teams/views/cards';
import { BenchConversation, TURN_KINDS, type TurnKind } from './conversation';
import { learnPlan } from './state-size';

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--distinct');
  const distinct = process.argv.includes('--distinct');
  const conversations = Number(args[0] ?? 50);
  const cycles = Number(args[1] ?? 40);
  let serial = 0;
  prepareCards();
  const plan = await learnPlan();
  const storage = new MemoryStorage();
  const bot = new MimSyncDoctorBot(storage);
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.updateActivity = async () => undefined;
  const queue = (adapter as unknown as { activeQueue: Partial<Activity>[] }).activeQueue;
  const all = Array.from(
    { length: conversations },
    (_, i) => new BenchConversation(`a:cost-${i}`, i, 'http://127.0.0.1:9/', plan),
  );
  const cpu: Record<TurnKind, number> = Object.fromEntries(TURN_KINDS.map((k) => [k, 0])) as Record<
    TurnKind,
    number
  >;
  let turns = 0;
  const run = async (measure: boolean): Promise<void> => {
    for (let c = 0; c < cycles; c++) {
      for (let step = 0; step < TURN_KINDS.length; step++) {
        for (const conversation of all) {
          const { kind, activity } = conversation.nextActivity();
          if (distinct && typeof activity.text === 'string' && activity.text !== '') {
            serial += 1;
            activity.text = `${activity.text} (ref ${serial})`;
          }
          const before = process.cpuUsage();
          await adapter.processActivity(activity as Partial<Activity>, async (ctx) => bot.run(ctx));
          const used = process.cpuUsage(before);
          queue.splice(0, queue.length);
          if (measure) {
            cpu[kind] += used.user + used.system;
            turns += 1;
          }
        }
      }
    }
  };
  await run(false);
  await run(true);
  const perKind = TURN_KINDS.map((k) => `${k} ${Math.round(cpu[k] / (turns / TURN_KINDS.length))}`);
  const total = Object.values(cpu).reduce((a, b) => a + b, 0);
  console.log(
    `${turns} turns${distinct ? ', all messages distinct' : ''}: ${Math.round(total / turns)} µs CPU per turn (${perKind.join(', ')})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
