import { channelIdOf, isFromChannel, threadRootOf } from '../../../src/teams/escalation/support-channel';
import { FAKE, channelMessage, personalMessage } from '../../helpers/activities';

const CHANNEL = '19:fake-support-channel@thread.tacv2';

describe('where a click comes from', () => {
  const setting = { channelId: CHANNEL, serviceUrl: 'https://x/', tenantId: FAKE.tenantId };
  const inThread = (tenantId: string = FAKE.tenantId) =>
    channelMessage('x', {
      channelId: CHANNEL,
      conversationId: `${CHANNEL};messageid=1700000000001`,
      tenantId,
    });

  it('knows the support channel by conversation id and tenant, never by card data', () => {
    expect(isFromChannel(inThread(), setting)).toBe(true);
    expect(isFromChannel(inThread('00000000-0000-4000-8000-00000000ffff'), setting)).toBe(false);
    expect(
      isFromChannel(channelMessage('x', { conversationId: '19:other@thread.tacv2;messageid=1' }), setting),
    ).toBe(false);
    // A channel whose id merely starts with the support channel's id is another channel.
    const lookalike = channelMessage('x', { conversationId: `${CHANNEL.replace('@', 'x@')};messageid=1` });
    expect(isFromChannel(lookalike, setting)).toBe(false);
    expect(isFromChannel(personalMessage('x'), setting)).toBe(false);
  });

  it('reads the thread root and the channel of an activity', () => {
    expect(threadRootOf(`${CHANNEL};messageid=1700000000001`)).toBe('1700000000001');
    expect(threadRootOf(CHANNEL)).toBeNull();
    expect(channelIdOf(inThread())).toBe(CHANNEL);
    expect(channelIdOf(personalMessage('x'))).toBeNull();
  });
});
