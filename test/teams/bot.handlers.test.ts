import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { getStep } from '../../src/diagnosis/knowledge/steps';
import { MimSyncDoctorBot } from '../../src/teams/bot';
import { personalMessage } from '../helpers/activities';
import { seeActivity } from '../helpers/replies';

/** Handlers registered on the bot beside its own: the fast route for messages never skips one. */

describe('handlers registered on the bot', () => {
  async function run(bot: MimSyncDoctorBot, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const adapter = new TestAdapter(async (context) => bot.run(context));
    await adapter.processActivity(activity, async (context) => bot.run(context));
    return (adapter as unknown as { activeQueue: Partial<Activity>[] }).activeQueue;
  }

  it('runs another onMessage handler after the triage, which still answers', async () => {
    const bot = new MimSyncDoctorBot(new MemoryStorage());
    const seen: string[] = [];
    bot.onMessage(async (context, next) => {
      seen.push(context.activity.text ?? '');
      await next();
    });
    const replies = await run(bot, personalMessage('ADMA delta import stopped-connectivity'));
    expect(seen).toEqual(['ADMA delta import stopped-connectivity']);
    expect(seeActivity(replies[0]).title).toBe(getStep('run-error-codes').title.en);
  });

  it.each(['onTurn', 'onDialog'] as const)('runs an %s handler for a message', async (register) => {
    const bot = new MimSyncDoctorBot(new MemoryStorage());
    const types: string[] = [];
    bot[register](async (context, next) => {
      types.push(context.activity.type);
      await next();
    });
    const replies = await run(bot, personalMessage('PCNS logs event 6025 on the DC'));
    expect(types).toEqual(['message']);
    expect(seeActivity(replies[0]).title).toBe(getStep('pcns-6025').title.en);
  });

  it('answers a message the same on the direct route and the stock one', async () => {
    const direct = await run(new MimSyncDoctorBot(new MemoryStorage()), personalMessage('hi'));
    const bot = new MimSyncDoctorBot(new MemoryStorage());
    bot.onMessage(async (_context, next) => next());
    const stock = await run(bot, personalMessage('hi'));
    expect(stock.map((a) => seeActivity(a))).toEqual(direct.map((a) => seeActivity(a)));
  });
});
