import { cardInvoke, channelMessage, personalMessage } from '../../helpers/activities';
import { useMessageStub } from '../../helpers/connector-stub';
import { postActivity, sleep, useEdgeBot } from '../../helpers/edge-harness';

/** Teams redeliveries are answered once. */

const { at, messagesSent } = useMessageStub();

describe('redelivered activities are processed once', () => {
  const h = useEdgeBot();

  it('answers the first delivery and ignores the copy (same id, same conversation)', async () => {
    const activity = personalMessage('PCNS logs event 6025', at());
    expect((await postActivity(h.baseUrl, activity)).status).toBe(200);
    const writes = h.storage.calls.write;
    expect(messagesSent()).toHaveLength(1);
    expect((await postActivity(h.baseUrl, activity)).status).toBe(200);
    await sleep(50);
    expect(messagesSent()).toHaveLength(1);
    expect(h.storage.calls.write).toBe(writes);
  });

  it('ignores a copy that arrives while the first is still running', async () => {
    const activity = personalMessage('PCNS logs event 6025', at());
    const statuses = await Promise.all([
      postActivity(h.baseUrl, activity),
      postActivity(h.baseUrl, activity),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    await sleep(50);
    expect(messagesSent()).toHaveLength(1);
  });

  it('a redelivered card action (invoke) gets 200, not 501', async () => {
    const invoke = cardInvoke('x', {}, at());
    await postActivity(h.baseUrl, invoke);
    const again = await postActivity(h.baseUrl, invoke);
    expect(again.status).toBe(200);
  });

  it('the same id in another conversation is another activity', async () => {
    const first = personalMessage('PCNS logs event 6025', at({ id: 'same-id' }));
    const second = channelMessage('PCNS logs event 6025', at({ id: 'same-id' }));
    await postActivity(h.baseUrl, first);
    await postActivity(h.baseUrl, second);
    expect(messagesSent()).toHaveLength(2);
  });
});
