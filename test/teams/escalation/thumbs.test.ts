import type { Activity } from 'botbuilder';
import { FAKE, personalMessage } from '../../helpers/activities';
import { SUPPORT, post, supportEnv } from '../../helpers/escalation-bot';
import { Requester, cardText, engineerIn, messagesPostedTo } from '../../helpers/escalation-flow';
import { useEscalationRuntime } from '../../helpers/escalation-runtime';
import type { RecordedRequest } from '../../helpers/connector-stub';

/** Teams' thumbs under advice messages, over HTTP with the local connector. */

jest.setTimeout(30_000);

const { connector, startBot, running } = useEscalationRuntime();

const isAdvicePost = (r: RecordedRequest): boolean =>
  r.method === 'POST' &&
  r.conversationId === FAKE.personalConversationId &&
  JSON.stringify(r.body ?? '').includes('Recommended step');

/** The feedback invoke Teams sends when someone clicks a thumb under a message. */
function thumb(
  replyToId: string,
  reaction: 'like' | 'dislike',
  who: { userId: string; userAadObjectId: string } = {
    userId: FAKE.userId,
    userAadObjectId: FAKE.userAadObjectId,
  },
  feedback = '{"feedbackText":""}',
): Partial<Activity> {
  const base = personalMessage('', { serviceUrl: connector.serviceUrl, ...who });
  delete base.text;
  return {
    ...base,
    type: 'invoke',
    name: 'message/submitAction',
    replyToId,
    value: { actionName: 'feedback', actionValue: { reaction, feedback } },
  };
}

async function adviceMessage(): Promise<string> {
  connector.plan(isAdvicePost, [{ status: 200, body: { id: 'advice-message-1' } }]);
  await new Requester(running(), connector).say('ADMA delta import stopped-connectivity every night');
  return 'advice-message-1';
}

describe('thumbs on advice', () => {
  it('an advice reply carries Teams’ feedback buttons; other replies do not', async () => {
    await startBot(supportEnv(connector.serviceUrl));
    await adviceMessage();
    const posted = messagesPostedTo(connector, FAKE.personalConversationId);
    const advice = posted.filter((a) => JSON.stringify(a).includes('Recommended step'));
    expect(advice.length).toBeGreaterThan(0);
    for (const a of advice) expect(a.channelData).toEqual({ feedbackLoop: { type: 'default' } });
    const others = posted.filter((a) => !JSON.stringify(a).includes('Recommended step'));
    for (const a of others)
      expect((a.channelData as Record<string, unknown> | undefined)?.feedbackLoop).toBeUndefined();
  });

  it('a thumb is answered 200 with an empty body and counted once per user for the step and code of that message', async () => {
    await startBot(supportEnv(connector.serviceUrl));
    const id = await adviceMessage();
    const first = await post(
      running().baseUrl,
      thumb(id, 'like', undefined, '{"feedbackText":"that was it, password=Hunter2!"}'),
    );
    expect(first).toEqual({ status: 200, body: undefined });
    await post(running().baseUrl, thumb(id, 'like'));
    await post(
      running().baseUrl,
      thumb(id, 'dislike', { userId: '29:bo', userAadObjectId: '00000000-0000-4000-8000-0000000000b0' }),
    );

    const stats = await running().escalation.desk.stats();
    const step = stats.steps.find((s) => s.step === 'run-error-codes');
    expect(step).toMatchObject({ up: 1, down: 1 });
    expect(step?.codes).toContainEqual({
      kind: 'run-status',
      code: 'stopped-connectivity',
      fixed: 0,
      stillFailing: 0,
      up: 1,
      down: 1,
    });
    expect(step?.comments.map((c) => c.reaction)).toEqual(['up']);
    expect(step?.comments[0].text).not.toContain('Hunter2');
  });

  it('a thumb on a message the bot does not know, or a malformed one, is answered 200 and counts nothing', async () => {
    await startBot(supportEnv(connector.serviceUrl));
    expect((await post(running().baseUrl, thumb('not-ours', 'like'))).status).toBe(200);
    const odd = { ...thumb('x', 'like'), value: { actionName: 'feedback', actionValue: 'nonsense' } };
    expect((await post(running().baseUrl, odd)).status).toBe(200);
    const huge = thumb('x', 'dislike', undefined, 'x'.repeat(100_000));
    expect((await post(running().baseUrl, huge)).status).toBe(200);
    expect((await running().escalation.desk.stats()).steps).toEqual([]);
  });
});

describe('stats for support leads', () => {
  it('shows the last 7 and 30 days: cases opened, median time to take, fixed by a step, thumbs', async () => {
    await startBot(supportEnv(connector.serviceUrl));
    const id = await adviceMessage();
    await post(running().baseUrl, thumb(id, 'like'));
    const lead = new Requester(running(), connector, engineerIn(SUPPORT.channelId + ';messageid=777'));
    const [card] = await lead.say('stats');
    const text = cardText(card.card);
    expect(text).toContain('Last 7 days');
    expect(text).toContain('Last 30 days');
    expect(text).toContain('Cases opened: 0');
    expect(text).toContain('Median time to take a case: none taken yet');
    expect(text).toContain('Fixed by a step (That fixed it or thumb up): 1');
    expect(text).toContain('Thumbs up / down: 1 / 0');
  });

  it('counts the questions answered and lists the messages it could not place, without secrets or addresses', async () => {
    await startBot(supportEnv(connector.serviceUrl));
    await adviceMessage();
    const asker = new Requester(running(), connector);
    await asker.say('How do I bake sourdough bread? mail me at ada.lovelace@contoso.com, password=Hunter2!');
    await asker.say('How do I bake sourdough bread? mail me at ada.lovelace@contoso.com, password=Hunter2!');
    const lead = new Requester(running(), connector, engineerIn(SUPPORT.channelId + ';messageid=778'));
    const [card] = await lead.say('stats');
    const text = cardText(card.card);
    expect(text).toContain('Questions answered: 1');
    expect(text).toContain('Answers nobody came back to within 24 hours: 0');
    expect(text).toContain('Messages it could not place (last 30 days)');
    expect(text).toContain('2: how do i bake sourdough bread?');
    expect(text).not.toContain('Hunter2');
    expect(text).not.toContain('lovelace');
  });
});
