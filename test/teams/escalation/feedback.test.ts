import { Requester, STOPPED_RUN } from '../../helpers/escalation-flow';
import { useEscalationRuntime } from '../../helpers/escalation-runtime';

/**
 * "That fixed it" / "Still failing" are counted for support's stats once per user per advice
 * message, however often the button is clicked. Over HTTP, through the bot as src/index.ts composes it.
 */

jest.setTimeout(30_000);

const { connector, startBot, running } = useEscalationRuntime();

async function counts(): Promise<{ fixed: number; stillFailing: number }> {
  const stats = await running().escalation.desk.feedback.stats();
  const step = stats.steps.find((s) => s.step === 'run-error-codes');
  return { fixed: step?.fixed ?? 0, stillFailing: step?.stillFailing ?? 0 };
}

describe('outcome votes', () => {
  it('200 clicks on "That fixed it" of one advice card count once', async () => {
    await startBot({ RATE_LIMIT_PER_CONVERSATION: 'off' });
    const ada = new Requester(running(), connector);
    const [advice] = await ada.say(STOPPED_RUN);
    const fixed = advice.buttons.find((b) => b.data.verb === 'fixed');
    expect(fixed?.data.step).toBe('run-error-codes');
    for (let i = 0; i < 200; i++) await ada.click(fixed!.data, { replyToId: 'advice-card-1' });
    const still = advice.buttons.find((b) => b.data.verb === 'stillFailing');
    await ada.click(still!.data, { replyToId: 'advice-card-1' });
    expect(await counts()).toEqual({ fixed: 1, stillFailing: 0 });
  });

  it('each user has one vote on a message, and a new advice message is a new vote', async () => {
    await startBot({ RATE_LIMIT_PER_CONVERSATION: 'off' });
    const ada = new Requester(running(), connector);
    const bo = new Requester(running(), connector, {
      userId: '29:fake-user-0002',
      userAadObjectId: '00000000-0000-4000-8000-00000000c0c1',
    });
    const [first] = await ada.say(STOPPED_RUN);
    const fixed = first.buttons.find((b) => b.data.verb === 'fixed')!.data;
    await ada.click(fixed, { replyToId: 'advice-card-1' });
    await bo.click(fixed, { replyToId: 'advice-card-1' });
    await bo.click(fixed, { replyToId: 'advice-card-1' });
    await ada.say(STOPPED_RUN);
    await ada.click(fixed, { replyToId: 'advice-card-2' });
    expect(await counts()).toEqual({ fixed: 3, stillFailing: 0 });
  });
});
