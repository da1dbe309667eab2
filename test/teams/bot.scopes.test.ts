import type { Activity } from 'botbuilder';
import { getStep } from '../../src/diagnosis/knowledge/steps';
import {
  FAKE,
  cardInvoke,
  cardSubmit,
  channelMessage,
  personalMessage,
  type ActivityOptions,
} from '../helpers/activities';
import { useConnectorStub, type RecordedRequest } from '../helpers/connector-stub';
import { postActivity, useEdgeBot } from '../helpers/edge-harness';
import { postedMessages, see } from '../helpers/replies';

/** Teams-shaped traffic in every place the bot lives: personal chat, group chat, channel threads. */

const stub = useConnectorStub();
const h = useEdgeBot();

function at(extra: ActivityOptions = {}): ActivityOptions {
  return { serviceUrl: stub.serviceUrl, ...extra };
}

/** New messages the turn sent (typing indicators and card updates left out). */
async function turn(activity: Partial<Activity>): Promise<RecordedRequest[]> {
  stub.reset();
  const res = await postActivity(h.baseUrl, activity);
  expect(res.status).toBe(200);
  return postedMessages(stub);
}

function groupChat(text: string, extra: ActivityOptions = {}): Partial<Activity> {
  const activity = personalMessage(text, at(extra));
  return {
    ...activity,
    conversation: {
      id: '19:fake-group-chat@thread.v2',
      conversationType: 'groupChat',
      isGroup: true,
      name: '',
    },
  };
}

describe('in a channel', () => {
  it('strips only its own mention, keeps other names as text, and answers in the thread', async () => {
    const activity = channelMessage('ask <at>Jens</at>: ADMA stopped-connectivity every night', at());
    activity.entities = [
      ...(activity.entities ?? []),
      { type: 'mention', text: '<at>Jens</at>', mentioned: { id: '29:fake-jens', name: 'Jens' } },
    ];
    const replies = await turn(activity);
    expect(replies).toHaveLength(1);
    expect(replies[0].conversationId).toBe(FAKE.channelThreadId);
    expect(replies[0].body).toMatchObject({ replyToId: activity.id });
    expect(JSON.stringify(replies[0].body)).not.toContain('<at>');
    expect(see(replies[0]).title).toBe(getStep('run-error-codes').title.en);
  });

  it('keeps two colleagues in one thread apart: each answers their own question', async () => {
    const ada = { userId: '29:fake-ada', userName: 'Ada' };
    const bo = { userId: '29:fake-bo', userName: 'Bo' };
    const [adaQuestion] = await turn(channelMessage('hi', at(ada)));
    await turn(channelMessage('full sync on the FIM MA hangs for hours', at(bo)));
    // Bo's new case does not make Ada's question card stale.
    const pcns = see(adaQuestion).buttons.find((b) => b.title === 'PCNS event 6025');
    expect(pcns).toBeDefined();
    const replies = await turn(cardSubmit(pcns?.data ?? {}, { ...at(ada), inChannel: true }));
    expect(replies.map((r) => see(r).title)).toEqual([getStep('pcns-6025').title.en]);
  });

  it('remembers the language per user: one colleague switches to Danish, the other stays in English', async () => {
    const ada = { userId: '29:fake-ada' };
    const bo = { userId: '29:fake-bo' };
    await turn(channelMessage('sprog dansk', at(ada)));
    const [adaReply] = await turn(channelMessage('status stopped-server', at(ada)));
    const [boReply] = await turn(channelMessage('status stopped-server', at(bo)));
    expect(see(adaReply).title).toBe(getStep('run-error-codes').title.da);
    expect(see(boReply).title).toBe(getStep('run-error-codes').title.en);
  });
});

describe('in a group chat', () => {
  it('answers in the chat and replaces a clicked question card for everyone', async () => {
    const [question] = await turn(groupChat('hi'));
    const button = see(question).buttons.find((b) => b.title === 'PCNS event 6025');
    const invoke = {
      ...cardInvoke(String(button?.data.verb), button?.data, { ...at(), replyToId: 'card-42' }),
      conversation: {
        id: '19:fake-group-chat@thread.v2',
        conversationType: 'groupChat',
        isGroup: true,
        name: '',
      },
    };
    stub.reset();
    const res = await postActivity(h.baseUrl, invoke);
    expect(res.status).toBe(200);
    const updates = stub.activities.filter((r) => r.method === 'PUT');
    expect(updates.map((r) => r.path)).toEqual([
      `/v3/conversations/${encodeURIComponent('19:fake-group-chat@thread.v2')}/activities/card-42`,
    ]);
    expect(see(updates[0]).buttons).toEqual([]);
    expect(see(updates[0]).body).toContain('✓ You chose: PCNS event 6025');
  });
});

describe('welcome', () => {
  it('posts one welcome card on installationUpdate add, and none for a second install event', async () => {
    const base = personalMessage('', at());
    const install = { ...base, type: 'installationUpdate', action: 'add', text: undefined };
    const first = await turn(install);
    const again = await turn({ ...install, id: 'another-install-event' });
    expect(first.map((r) => see(r).title)).toEqual(['MIM Sync Doctor']);
    expect(again).toEqual([]);
  });

  it('welcomes in Danish when Teams runs in Danish', async () => {
    const install = {
      ...personalMessage('', at({ locale: 'da-DK' })),
      type: 'installationUpdate',
      action: 'add',
    };
    const [welcome] = await turn(install);
    expect(see(welcome).body).toContain('Jeg hjælper dig');
  });
});

describe('payloads as Teams sends them', () => {
  it('reads HTML-formatted text with a code block', async () => {
    const html =
      '<p>Run history says:</p><pre><code>stopped-extension-dll-exception&#10;   at Mms_Metaverse.MVExtensionObject.Provision(MVEntry mventry)</code></pre>';
    const replies = await turn(personalMessage(html, at()));
    expect(see(replies[0]).title).toBe(getStep('extension-dll-exception').title.en);
  });

  it('reads messageBack data with its msteams block as the card payload', async () => {
    const replies = await turn(
      cardSubmit(
        { verb: 'showStep', step: 'pcns-6025', msteams: { type: 'messageBack', displayText: 'PCNS' } },
        at(),
      ),
    );
    expect(see(replies[0]).links).toEqual([getStep('pcns-6025').docUrl]);
  });
});
