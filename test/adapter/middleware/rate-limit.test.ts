import type { Activity } from 'botbuilder';
import { TokenBuckets } from '../../../src/adapter/middleware/rate-limit';
import { STRINGS } from '../../../src/i18n';
import { cardInvoke, channelMessage, personalMessage } from '../../helpers/activities';
import { useMessageStub } from '../../helpers/connector-stub';
import { postActivity, startEdgeBot, type EdgeHarness } from '../../helpers/edge-harness';

/** Floods: one slow-down reply, then silence until the bucket refills. */

const { stub: connector, at, messagesSent } = useMessageStub();

describe('rate limits', () => {
  let h: EdgeHarness;
  afterEach(async () => {
    await h.close();
  });

  const SLOW_DOWN_EN = STRINGS.en['reply.slowDown'];

  async function flood(count: number, make: (i: number) => Partial<Activity>): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await postActivity(h.baseUrl, make(i))).status);
    return statuses;
  }

  it('default 10 messages per user: the 11th gets one "slow down", the rest are dropped without state', async () => {
    h = await startEdgeBot();
    const statuses = await flood(10, () => personalMessage('hello', at()));
    expect(messagesSent()).toHaveLength(10);
    const reads = h.storage.calls.read;

    connector.reset();
    statuses.push(...(await flood(5, () => personalMessage('hello again', at()))));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const sent = messagesSent();
    expect(sent.map((r) => (r.body as Partial<Activity>).text)).toEqual([SLOW_DOWN_EN]);
    expect(h.storage.calls.read).toBe(reads);
    expect(h.logLines.filter((l) => l.includes('asked the sender to slow down'))).toHaveLength(1);
  });

  it('a flood from one user does not starve another user in the same channel', async () => {
    h = await startEdgeBot({ RATE_LIMIT_PER_USER: '3/30' });
    await flood(6, () => channelMessage('flood', at()));
    connector.reset();
    await postActivity(
      h.baseUrl,
      channelMessage('PCNS logs event 6025', at({ userId: '29:other', userAadObjectId: 'other-object-id' })),
    );
    const sent = messagesSent();
    expect(sent).toHaveLength(1);
    expect((sent[0]?.body as Partial<Activity>).text).not.toBe(SLOW_DOWN_EN);
  });

  it('limits a whole conversation too, with one "slow down" for it', async () => {
    h = await startEdgeBot({ RATE_LIMIT_PER_CONVERSATION: '4/30' });
    await flood(6, (i) =>
      channelMessage('hi', at({ userId: `29:user-${i}`, userAadObjectId: `object-${i}` })),
    );
    const texts = messagesSent().map((r) => (r.body as Partial<Activity>).text);
    expect(texts.filter((t) => t === SLOW_DOWN_EN)).toHaveLength(1);
    expect(texts).toHaveLength(5);
  });

  it('says "slow down" in Danish to a Danish client', async () => {
    h = await startEdgeBot({ RATE_LIMIT_PER_USER: '1/30' });
    await flood(2, () => personalMessage('hej', at({ locale: 'da-DK' })));
    expect((messagesSent()[1]?.body as Partial<Activity>).text).toBe(STRINGS.da['reply.slowDown']);
  });

  it.each([
    ['en-US', SLOW_DOWN_EN],
    ['da-DK', STRINGS.da['reply.slowDown']],
  ])(
    '%s: counts card clicks (Action.Execute) like messages: one "slow down" in the click\'s answer, then silence',
    async (locale, slowDown) => {
      h = await startEdgeBot({ RATE_LIMIT_PER_USER: '2/30' });
      const click = () =>
        postActivity(h.baseUrl, cardInvoke('startOver', { verb: 'startOver' }, at({ locale })));
      const answers: { status: number; text: string }[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await click();
        answers.push({ status: res.status, text: await res.text() });
      }
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(answers.slice(0, 2).map((a) => a.text.includes(slowDown))).toEqual([false, false]);
      expect(JSON.parse(answers[2].text)).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: slowDown,
      });
      expect(answers[3].text).toBe('');
      const reads = h.storage.calls.read;
      // The clicks spent the user's tokens: a message now is dropped too, touching no state.
      connector.reset();
      await flood(1, () => personalMessage('PCNS logs event 6025', at({ locale })));
      expect(messagesSent()).toHaveLength(0);
      expect(h.storage.calls.read).toBe(reads);
    },
  );

  it('does not count other invokes (compose-box search as you type) or conversation updates', async () => {
    h = await startEdgeBot({ RATE_LIMIT_PER_USER: '1/30' });
    for (let i = 0; i < 3; i++) {
      const query = {
        ...cardInvoke('x', {}, at()),
        name: 'composeExtension/query',
        value: { commandId: 'searchKnowledge', parameters: [{ name: 'query', value: '6025' }] },
      };
      expect((await postActivity(h.baseUrl, query)).status).toBeLessThan(500);
    }
    await flood(1, () => personalMessage('PCNS logs event 6025', at()));
    expect(messagesSent().map((r) => (r.body as Partial<Activity>).text)).not.toContain(SLOW_DOWN_EN);
    expect(messagesSent()).toHaveLength(1);
  });

  it('token buckets refill over the window and forget refilled keys', () => {
    let now = 0;
    h = { close: async () => undefined } as EdgeHarness;
    const buckets = new TokenBuckets({ messages: 2, windowSeconds: 10 }, 100, () => now);
    const takeIfAllowed = (): boolean => {
      if (!buckets.hasToken('u')) return false;
      buckets.take('u');
      return true;
    };
    expect([takeIfAllowed(), takeIfAllowed(), takeIfAllowed()]).toEqual([true, true, false]);
    expect([buckets.firstRefusal('u'), buckets.firstRefusal('u')]).toEqual([true, false]);
    now = 5_000; // one token back
    expect([takeIfAllowed(), takeIfAllowed()]).toEqual([true, false]);
    expect(buckets.firstRefusal('u')).toBe(true);
    for (let i = 0; i < 500; i++) buckets.hasToken(`k${i}`);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });
});
