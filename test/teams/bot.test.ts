import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { getStep } from '../../src/diagnosis/knowledge/steps';
import type { StepId } from '../../src/diagnosis/types';
import { MimSyncDoctorBot } from '../../src/teams/bot';
import { TriageDialog } from '../../src/teams/triage/dialog';
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
import { cardNodes, postedMessages, see, seeActivity } from '../helpers/replies';

/**
 * The production composition (config -> storage -> adapter -> bot -> server, as src/index.ts wires it)
 * over real HTTP: Teams-shaped activities in at /api/messages, replies out to a stand-in connector.
 */

const stub = useConnectorStub();
const h = useEdgeBot({}, { storeFromConfig: true });

afterEach(() => {
  jest.restoreAllMocks();
});

function post(activity: Partial<Activity>): Promise<Response> {
  return postActivity(h.baseUrl, activity);
}

/** The turn is over when the POST answers, so every reply has reached the stub by then. */
async function turn(activity: Partial<Activity>): Promise<RecordedRequest[]> {
  stub.reset();
  const res = await post(activity);
  expect(res.status).toBe(200);
  return postedMessages(stub);
}

function replyPath(conversationId: string, replyToId: string | undefined): string {
  return `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${replyToId}`;
}

/** Replies go to the connector stub. */
function options(extra: ActivityOptions = {}): ActivityOptions {
  return { serviceUrl: stub.serviceUrl, ...extra };
}

// ---- the specification

describe('a message over HTTP', () => {
  it.each([
    ['update-mim', 'which MIM build fixes the export bug? we plan to upgrade from 4.4.1749.0'],
    ['update-connectors', 'Generic LDAP connector delta import from OpenLDAP misses group members'],
    ['run-error-codes', 'ADMA delta import goes stopped-connectivity every night around 2am'],
    [
      'extension-dll-exception',
      'ObjectAlreadyExistsException\n   at Mms.Rules.MVExtension.Provision(MVEntry mventry)',
    ],
    ['pcns-6025', 'PCNS logs event 6025 on the DC'],
    ['fim-ma-slow-full-sync', 'full sync on the FIM Service MA hangs for hours'],
    ['fim-ma-failed-creation', 'FIM MA export failed-creation-via-web-services ValueViolatesUniqueness'],
  ] as const)(
    'reaches the connector as a reply carrying the %s advice card and its link',
    async (step: StepId, text) => {
      const activity = personalMessage(text, options());
      const replies = await turn(activity);
      expect(replies).toHaveLength(1);
      const [reply] = replies;
      expect(reply.method).toBe('POST');
      expect(reply.path).toBe(replyPath(FAKE.personalConversationId, activity.id));
      expect(reply.body).toMatchObject({ type: 'message', replyToId: activity.id });
      const seen = see(reply);
      expect(seen.title).toBe(getStep(step).title.en);
      expect(seen.links).toEqual([getStep(step).docUrl]);
      expect(seen.buttons.map((b) => b.title)).toEqual(['That fixed it', 'Still failing', 'Start over']);
    },
  );

  it('in a channel thread, answers the @mention in the thread (conversation id url-encoded)', async () => {
    const activity = channelMessage('ADMA delta import goes stopped-connectivity every night', options());
    const [reply] = await turn(activity);
    expect(reply.path).toBe(replyPath(FAKE.channelThreadId, activity.id));
    expect(reply.conversationId).toBe(FAKE.channelThreadId);
    expect(see(reply).title).toBe(getStep('run-error-codes').title.en);
    expect(see(reply).links).toEqual([getStep('run-error-codes').docUrl]);
  });

  it('remembers the case between HTTP turns: a click on the question card gives the advice', async () => {
    const [question] = await turn(personalMessage('hi', options()));
    expect(see(question).title).toBe('What goes wrong?');
    const button = see(question).buttons.find((b) => b.title === 'PCNS event 6025');
    expect(button).toBeDefined();

    const click = cardSubmit(button?.data as Record<string, unknown>, options());
    const replies = await turn(click);
    expect(replies).toHaveLength(1);
    expect(replies[0].path).toBe(replyPath(FAKE.personalConversationId, click.id));
    expect(see(replies[0]).title).toBe(getStep('pcns-6025').title.en);
    expect(see(replies[0]).links).toEqual([getStep('pcns-6025').docUrl]);
  });

  it('answers a Danish Teams client in Danish', async () => {
    const [question] = await turn(personalMessage('hej', options({ locale: 'da-DK' })));
    expect(see(question).title).toBe('Hvad går galt?');
  });
});

/** A conversationUpdate as Teams sends it when members join a 1:1 chat or a team. */
function membersAdded(
  where: 'personal' | 'team',
  members: { id: string; name: string }[],
  extra: ActivityOptions = {},
): Partial<Activity> {
  const base =
    where === 'team'
      ? channelMessage('', { ...options(extra), conversationId: FAKE.channelId })
      : personalMessage('', options(extra));
  const update: Partial<Activity> = { ...base, type: 'conversationUpdate', membersAdded: members };
  delete update.text;
  delete update.entities;
  delete update.textFormat;
  if (where === 'team') {
    update.channelData = { ...(base.channelData as Record<string, unknown>), eventType: 'teamMemberAdded' };
  }
  return update;
}

describe('conversationUpdate', () => {
  const BOT = { id: FAKE.botId, name: FAKE.botName };
  const USER = { id: FAKE.userId, name: FAKE.userName };
  const OTHER_USER = { id: '29:fake-user-0002', name: 'Bo Admin' };

  it.each([
    ['the bot joins a 1:1 chat', 'personal', [BOT], 'en-US', 'I help you fix failures'],
    ['the bot is added to a team', 'team', [BOT], 'en-US', 'I help you fix failures'],
    [
      'the bot and a user are added together',
      'team',
      [USER, BOT, OTHER_USER],
      'en-US',
      'I help you fix failures',
    ],
    ['the bot joins a Danish 1:1 chat', 'personal', [BOT], 'da-DK', 'Jeg hjælper dig'],
  ] as const)('%s: exactly one welcome card', async (_case, where, members, locale, intro) => {
    const update = membersAdded(where, [...members], { locale });
    const replies = await turn(update);
    expect(replies).toHaveLength(1);
    const conversationId = where === 'team' ? FAKE.channelId : FAKE.personalConversationId;
    expect(replies[0].conversationId).toBe(conversationId);
    const welcome = see(replies[0]);
    expect(welcome.title).toBe('MIM Sync Doctor');
    expect(welcome.body).toContain(intro);
    expect(welcome.buttons).toHaveLength(1);
    expect(welcome.buttons[0].data).toEqual({ verb: 'startOver' });
  });

  it('Teams installing the app (installationUpdate, then conversationUpdate) still gives one welcome card', async () => {
    const install: Partial<Activity> = {
      ...membersAdded('personal', []),
      type: 'installationUpdate',
      action: 'add',
    };
    delete install.membersAdded;
    const first = await turn(install);
    const second = await turn(membersAdded('personal', [BOT]));
    expect([...first, ...second].map((r) => see(r).title)).toEqual(['MIM Sync Doctor']);
  });

  it.each([
    ['a user joins the team', 'team', [OTHER_USER]],
    ['two users join the team', 'team', [USER, OTHER_USER]],
    ['a user is added to a chat with the bot', 'personal', [USER]],
  ] as const)('%s: no message at all', async (_case, where, members) => {
    const replies = await turn(membersAdded(where, [...members]));
    expect(replies).toEqual([]);
    expect(stub.requests).toEqual([]);
  });
});

/** The dialog's turn body (private), reached so a test can make one turn throw. */
function dialogTurns(): { handleTurn: (...args: unknown[]) => Promise<unknown> } {
  return TriageDialog.prototype as unknown as { handleTurn: (...args: unknown[]) => Promise<unknown> };
}

describe('a turn that throws', () => {
  it.each([
    ['en-US', 'Sorry, something went wrong', 'Start over'],
    ['da-DK', 'Beklager, noget gik galt', 'Start forfra'],
  ])('gets the apology card (%s), and the next turn works', async (locale, title, button) => {
    jest
      .spyOn(dialogTurns(), 'handleTurn')
      .mockRejectedValueOnce(new Error('kaboom: internal detail that must stay private'));

    const failing = personalMessage('full sync on the FIM Service MA hangs for hours', options({ locale }));
    const apology = await turn(failing);
    expect(apology).toHaveLength(1);
    expect(apology[0].path).toBe(replyPath(FAKE.personalConversationId, failing.id));
    expect(see(apology[0]).title).toBe(title);
    expect(see(apology[0]).buttons.map((b) => b.title)).toEqual([button]);
    expect(JSON.stringify(apology[0].body)).not.toMatch(/kaboom|stack|\.ts:/);
    expect(h.logLines.filter((line) => line.includes('"msg":"turn failed"'))).toHaveLength(1);

    const next = await turn(personalMessage('full sync on the FIM Service MA hangs for hours', options()));
    expect(next).toHaveLength(1);
    expect(see(next[0]).title).toBe(getStep('fim-ma-slow-full-sync').title.en);
  });

  it('the apology card’s Start over button asks the symptom question', async () => {
    jest.spyOn(dialogTurns(), 'handleTurn').mockRejectedValueOnce(new Error('kaboom'));
    const [apology] = await turn(personalMessage('PCNS logs event 6025 on the DC', options()));
    const [button] = see(apology).buttons;
    const replies = await turn(cardSubmit(button.data, options()));
    expect(replies.map((r) => see(r).title)).toEqual(['What goes wrong?']);
  });
});

describe('card clicks as Action.Execute invokes', () => {
  interface InvokeBody {
    statusCode: number;
    type: string;
    value: unknown;
  }

  async function click(
    activity: Partial<Activity>,
  ): Promise<{ body: InvokeBody; posted: RecordedRequest[]; updated: RecordedRequest[] }> {
    stub.reset();
    const res = await post(activity);
    expect(res.status).toBe(200);
    const body = (await res.json()) as InvokeBody;
    const messages = stub.activities.filter(
      (r) => (r.body as Partial<Activity> | undefined)?.type === 'message',
    );
    return {
      body,
      posted: messages.filter((r) => r.method === 'POST'),
      updated: messages.filter((r) => r.method === 'PUT'),
    };
  }

  function pcnsButton(question: RecordedRequest): Record<string, unknown> {
    const button = see(question).buttons.find((b) => b.title === 'PCNS event 6025');
    expect(button).toBeDefined();
    return button?.data as Record<string, unknown>;
  }

  it('in a 1:1 chat answers with the answered card and sends the advice as a new message', async () => {
    const [question] = await turn(personalMessage('hi', options()));
    const data = pcnsButton(question);
    const { body, posted, updated } = await click(
      cardInvoke(String(data.verb), data, { ...options(), replyToId: 'card-1' }),
    );

    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const answered = [...cardNodes(body.value)];
    expect(answered.filter((n) => n.type === 'Action.Execute')).toEqual([]);
    expect(answered.map((n) => n.text)).toContain('✓ You chose: PCNS event 6025');
    expect(updated).toEqual([]); // the invoke response is enough where only the clicker sees the card
    expect(posted.map((r) => see(r).title)).toEqual([getStep('pcns-6025').title.en]);
  });

  it('in a channel thread also replaces the card for everyone, and answers in the thread', async () => {
    const thread = { ...options(), inChannel: true };
    const [question] = await turn(channelMessage('<at>MIM Sync Doctor</at> hi', thread));
    const data = pcnsButton(question);
    const { body, posted, updated } = await click(
      cardInvoke(String(data.verb), data, { ...thread, replyToId: 'card-7' }),
    );

    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(updated.map((r) => r.path)).toEqual([
      `/v3/conversations/${encodeURIComponent(FAKE.channelThreadId)}/activities/card-7`,
    ]);
    expect(
      [...cardNodes((updated[0].body as Partial<Activity>).attachments)].some(
        (n) => n.type === 'Action.Execute',
      ),
    ).toBe(false);
    expect(posted.map((r) => r.conversationId)).toEqual([FAKE.channelThreadId]);
  });

  it('says a stale card is out of date and changes nothing', async () => {
    const [question] = await turn(personalMessage('hi', options()));
    const data = pcnsButton(question);
    await turn(personalMessage('start over', options()));
    const { body, posted, updated } = await click(cardInvoke(String(data.verb), data, options()));
    expect(body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'That card is out of date.',
    });
    expect(posted).toEqual([]);
    expect(updated).toEqual([]);
  });

  it('answers a Danish writer in Danish within the invoke, also in an English Teams client', async () => {
    const english = { ...options(), locale: 'en-US' };
    const [question] = await turn(personalMessage('hej, vores sync virker ikke', english));
    const data = see(question).buttons[0]?.data as Record<string, unknown>;
    await turn(personalMessage('start forfra', english));
    const stale = await click(cardInvoke(String(data.verb), data, english));
    expect(stale.body.value).toBe('Det kort er forældet.');
    const done = await click(cardInvoke('showStep', { verb: 'showStep', step: 'pcns-6025' }, english));
    expect(done.body.value).toBe('Klaret.');
    expect(done.posted.map((r) => see(r).title)).toEqual([getStep('pcns-6025').title.da]);
  });

  it('runs a stateless action from any card and acknowledges the click', async () => {
    const { body, posted } = await click(
      cardInvoke('showStep', { verb: 'showStep', step: 'fim-ma-slow-full-sync' }, options()),
    );
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(posted.map((r) => see(r).links)).toEqual([[getStep('fim-ma-slow-full-sync').docUrl]]);
  });

  it('answers a tampered click politely within the invoke', async () => {
    const { body, posted } = await click(
      cardInvoke('deleteEverything', { verb: 'deleteEverything' }, options()),
    );
    expect(body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'I could not read that button click. Please use the latest card, or type help.',
    });
    expect(posted).toEqual([]);
  });
});

describe("dialog state: botbuilder's dialog stack, and the property of the previous version", () => {
  /** Where PrivateConversationState keeps this user's state in this conversation. */
  const stateKey = `msteams/conversations/${FAKE.personalConversationId}/users/${FAKE.userId}/`;

  async function run(bot: MimSyncDoctorBot, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const adapter = new TestAdapter(async (context) => bot.run(context));
    await adapter.processActivity(activity, async (context) => bot.run(context));
    return (adapter as unknown as { activeQueue: Partial<Activity>[] }).activeQueue;
  }

  it("stores the case on botbuilder's dialog stack after a triage turn", async () => {
    const storage = new MemoryStorage();
    await run(new MimSyncDoctorBot(storage), personalMessage('ADMA delta import stopped-connectivity'));
    const stored = (await storage.read([stateKey]))[stateKey] as Record<string, unknown>;
    expect(stored.dialogState).toMatchObject({
      dialogStack: [{ id: 'triage', state: { current: 'run-error-codes' } }],
    });
    expect(stored.triage).toBeUndefined();
  });

  it('lets a question asked before the upgrade be answered, and moves the case onto the dialog stack', async () => {
    const storage = new MemoryStorage();
    const [question] = await run(new MimSyncDoctorBot(storage), personalMessage('hi'));
    const answer = seeActivity(question).buttons.find((b) => b.data.choice === 'pcns-6025');
    expect(answer).toBeDefined();

    // Rewrite the stored case as the previous version kept it: a property of its own.
    const stored = (await storage.read([stateKey]))[stateKey] as {
      dialogState: { dialogStack: { state: unknown }[] };
      eTag: string;
    };
    await storage.write({ [stateKey]: { triage: stored.dialogState.dialogStack[0].state, eTag: '*' } });

    const replies = await run(new MimSyncDoctorBot(storage), cardSubmit(answer!.data));
    expect(replies.map((r) => seeActivity(r).links)).toContainEqual(
      expect.arrayContaining([getStep('pcns-6025').docUrl]),
    );
    const after = (await storage.read([stateKey]))[stateKey] as Record<string, unknown>;
    expect(after.triage).toBeUndefined();
    expect(after.dialogState).toMatchObject({
      dialogStack: [{ id: 'triage', state: { current: 'pcns-6025' } }],
    });
  });

  it('starts a new case when the old record holds no usable state', async () => {
    const storage = new MemoryStorage();
    await storage.write({ [stateKey]: { triage: { lang: 'en' }, eTag: '*' } });
    const replies = await run(new MimSyncDoctorBot(storage), personalMessage('hi'));
    expect(seeActivity(replies[0]).title).toBe('What goes wrong?');
  });
});
