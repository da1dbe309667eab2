import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { createEscalation } from '../../../src/teams/escalation/runtime';
import { FAKE, channelMessage } from '../../helpers/activities';
import { JournalStorage, SUPPORT, post } from '../../helpers/escalation-bot';
import { Requester, cardText, engineerIn, seeInvokeCard } from '../../helpers/escalation-flow';
import { useEscalationRuntime } from '../../helpers/escalation-runtime';
import { activityOf } from '../../helpers/failing-connector';
import { seeActivity } from '../../helpers/replies';

/**
 * Escalation on the Teams side, over real HTTP: the bot as src/index.ts composes it (desk, outbox
 * runner through the CloudAdapter), a connector stand-in on 127.0.0.1 that fails on demand.
 */

jest.setTimeout(30_000);

const { connector, startBot, running, caseOf, noticeTo, cardPosted, settle, openCase } =
  useEscalationRuntime();

function putsTo(threadId: string, rootId: string) {
  const path = `/v3/conversations/${encodeURIComponent(threadId)}/activities/${encodeURIComponent(rootId)}`;
  return connector.answered.filter((a) => a.request.method === 'PUT' && a.request.path === path);
}

describe('support takes and resolves', () => {
  it('updates the card for everyone and tells the requester, with who clicked taken from the activity', async () => {
    await startBot();
    await openCase(new Requester(running(), connector));
    const card = await cardPosted();
    await noticeTo(FAKE.personalConversationId, 'Case MSD-1001 is with support');

    const bo = new Requester(running(), connector, engineerIn(card.threadId));
    const taken = await bo.click({ verb: 'takeCase', caseId: 'MSD-1001' });
    const clickerCard = seeInvokeCard(taken.response);
    expect(clickerCard.body).toContain('Taken by Bo Support');
    expect(clickerCard.buttons.map((b) => b.title)).toEqual(['Resolve']);

    await connector.waitUntil(() => putsTo(card.threadId, card.rootId).length === 1, 'card update');
    const update = activityOf(putsTo(card.threadId, card.rootId)[0]);
    expect(seeActivity(update).body).toContain('Taken by Bo Support');
    expect(seeActivity(update).buttons.map((b) => b.title)).toEqual(['Resolve']);
    // An update does not ping the on-call person again.
    expect(JSON.stringify(update)).not.toContain('<at>');
    const takenNotice = await noticeTo(FAKE.personalConversationId, 'Case MSD-1001 taken');
    expect(takenNotice.body).toContain('Bo Support from support has taken your case.');

    const noNote = await bo.click({ verb: 'resolveCase', caseId: 'MSD-1001', note: '  ' });
    expect(noNote.response).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(noNote.response.value).toBe('Please write a short resolution note first, then click Resolve.');
    expect((await caseOf('MSD-1001'))?.status).toBe('taken');

    const resolved = await bo.click({
      verb: 'resolveCase',
      caseId: 'MSD-1001',
      note: 'Reset the MA account password',
    });
    expect(seeInvokeCard(resolved.response).buttons).toEqual([]);
    await connector.waitUntil(() => putsTo(card.threadId, card.rootId).length === 2, 'second card update');
    const final = seeActivity(activityOf(putsTo(card.threadId, card.rootId)[1]));
    expect(final.body).toContain('Resolved by Bo Support');
    expect(final.body).toContain('Reset the MA account password');
    const resolvedNotice = await noticeTo(FAKE.personalConversationId, 'Case MSD-1001 resolved');
    expect(resolvedNotice.body).toContain(
      'Bo Support resolved your case with this note: Reset the MA account password',
    );

    const c = await caseOf('MSD-1001');
    expect(c).toMatchObject({
      status: 'resolved',
      takenBy: { id: SUPPORT.engineerId, name: SUPPORT.engineerName },
      resolvedBy: { id: SUPPORT.engineerId },
      resolution: 'Reset the MA account password',
    });
  });

  it('refuses tampered clicks politely and changes nothing it should not', async () => {
    await startBot();
    const ada = new Requester(running(), connector);
    await openCase(ada, 'first case');
    await openCase(ada, 'second case');
    const [cardA, cardB] = [await cardPosted(1), await cardPosted(2)];
    const idA = cardA.card.buttons[0].data.caseId as string;
    const idB = cardB.card.buttons[0].data.caseId as string;
    expect([idA, idB].sort()).toEqual(['MSD-1001', 'MSD-1002']);
    await settle();
    const putsBefore = connector.answered.filter((a) => a.request.method === 'PUT').length;

    // Another case's id on this thread's card.
    const bo = new Requester(running(), connector, engineerIn(cardA.threadId));
    const wrong = await bo.click({ verb: 'takeCase', caseId: idB });
    expect(wrong.response.value).toBe(
      'That click does not match the case of this card. Nothing was changed.',
    );

    // A forged user in the data: the taker is who sent the activity.
    const forged = await bo.click({
      verb: 'takeCase',
      caseId: idA,
      takenBy: { id: '29:fake-boss', name: 'The Boss' },
      from: { id: '29:fake-boss' },
      userId: '29:fake-boss',
    });
    expect(seeInvokeCard(forged.response).body).toContain('Taken by Bo Support');

    // Outside the support channel (the requester's own chat) and from another tenant.
    const outside = await ada.click({ verb: 'resolveCase', caseId: idA, note: 'closing my own case' });
    expect(outside.response.value).toBe(
      'Only members of the support channel can take or resolve cases, from the case card there. Nothing was changed.',
    );
    const stranger = new Requester(running(), connector, {
      ...engineerIn(cardB.threadId, { id: '29:fake-stranger', name: 'Mallory' }),
      tenantId: '00000000-0000-4000-8000-00000000ffff',
    });
    const foreign = await stranger.click({ verb: 'takeCase', caseId: idB });
    expect(String(foreign.response.value)).toContain('Only members of the support channel');

    // A malformed case id never reaches the store.
    const malformed = await bo.click({ verb: 'takeCase', caseId: "MSD-1001' OR 1=1" });
    expect(malformed.response.value).toBe(
      'I could not read that button click. Please use the latest card, or type help.',
    );

    const a = await caseOf(idA);
    const b = await caseOf(idB);
    expect(a).toMatchObject({
      status: 'taken',
      takenBy: { id: SUPPORT.engineerId, name: SUPPORT.engineerName },
    });
    expect(b).toMatchObject({ status: 'open', takenBy: null });
    await settle();
    // One card update: the legitimate take; refusals update nothing.
    expect(connector.answered.filter((r) => r.request.method === 'PUT').length - putsBefore).toBe(1);
  });

  it('tells a second engineer who already has the case', async () => {
    await startBot();
    await openCase(new Requester(running(), connector));
    const card = await cardPosted();
    await new Requester(running(), connector, engineerIn(card.threadId)).click({
      verb: 'takeCase',
      caseId: 'MSD-1001',
    });
    const eve = new Requester(
      running(),
      connector,
      engineerIn(card.threadId, { id: '29:fake-eve', name: 'Eve' }),
    );
    const second = await eve.click({ verb: 'takeCase', caseId: 'MSD-1001' });
    expect(second.response.value).toBe('This case is already taken by Bo Support.');
  });
});

describe('the support channel registered in Teams', () => {
  const inSupportChannel = (text: string, aad: string) =>
    channelMessage(text, {
      serviceUrl: connector.serviceUrl,
      channelId: SUPPORT.channelId,
      teamId: SUPPORT.teamId,
      conversationId: `${SUPPORT.channelId};messageid=1699999999999`,
      userId: '29:fake-someone',
      userAadObjectId: aad,
    });

  async function replyTo(activity: ReturnType<typeof channelMessage>): Promise<string> {
    const before = connector.answered.length;
    await post(running().baseUrl, activity);
    return connector.answered
      .slice(before)
      .map((a) => activityOf(a))
      .filter((a) => a.type === 'message')
      .map((a) => a.text ?? '')
      .join('\n');
  }

  it('lets a support admin register the channel, refuses anyone else, and posts cases there', async () => {
    await startBot({ SUPPORT_ADMIN_IDS: SUPPORT.adminAad, OUTBOX_RETRY_BASE_MS: '40' });
    expect(
      await replyTo(
        inSupportChannel('use this channel for escalations', '00000000-0000-4000-8000-000000000bad'),
      ),
    ).toContain('Only a support admin can choose the escalation channel.');
    expect(await running().escalation.desk.supportChannel()).toBeNull();
    expect(await replyTo(inSupportChannel('use this channel for escalations', SUPPORT.adminAad))).toContain(
      'This channel now receives escalation cases',
    );
    expect(await running().escalation.desk.supportChannel()).toMatchObject({
      channelId: SUPPORT.channelId,
      serviceUrl: connector.serviceUrl,
      tenantId: FAKE.tenantId,
      source: 'teams',
    });

    await openCase(new Requester(running(), connector));
    const card = await cardPosted();
    expect(card.request.body).toMatchObject({ channelData: { channel: { id: SUPPORT.channelId } } });
  });

  it('lets the SUPPORT_CHANNEL_ID setting win over a registration in Teams', async () => {
    await startBot();
    expect(await replyTo(inSupportChannel('use this channel for escalations', SUPPORT.adminAad))).toContain(
      "The support channel is fixed by the bot's settings",
    );
    expect(await running().storage.read(['escalation/support-channel'])).toEqual({});
  });
});

describe('lists and the right to be forgotten', () => {
  it('lists my cases, keeps open cases and stats for support, and deletes my data on request', async () => {
    await startBot();
    const ada = new Requester(running(), connector);
    await openCase(ada);
    await cardPosted();

    const [mine] = await ada.say('my cases');
    expect(mine.title).toBe('Your cases');
    expect(cardText(mine.card)).toContain('MSD-1001: AD MA delta import stops every night');
    expect(cardText(mine.card)).toContain('Status: open');

    const [refused] = await ada.say('open cases');
    expect(refused.text).toBe(
      'That command is for the support team: it works in the support channel, or for support admins.',
    );
    const bo = new Requester(running(), connector, {
      ...engineerIn(`${SUPPORT.channelId};messageid=1699999999999`),
    });
    const [open] = await bo.say('open cases');
    expect(cardText(open.card)).toContain('Requester: Ada Admin');
    const [stats] = await bo.say('statistik');
    expect(stats.title).toBe('Hvad løste hvad');
    expect(cardText(stats.card)).toContain('Fejler stadig: 1');

    const [deleted] = await ada.say('delete my data');
    expect(deleted.text).toContain('I deleted the 1 case(s) you opened');
    expect(await caseOf('MSD-1001')).toBeUndefined();
    expect(await running().escalation.desk.outbox.list({ caseId: 'MSD-1001' })).toEqual([]);
    const stateKey = `msteams/conversations/${FAKE.personalConversationId}/users/${FAKE.userId}`;
    expect(await running().storage.read([stateKey])).toEqual({});
    const [after] = await ada.say('mine sager');
    expect(after.body).toContain('Du har ingen sager gemt hos mig.');
  });

  it('answers "slet mine data" in Danish', async () => {
    await startBot();
    const ada = new Requester(running(), connector);
    const [reply] = await ada.say('slet mine data');
    expect(reply.text).toContain('Klaret. Jeg har slettet de 0 sag(er)');
  });

  it('deletes cases older than CASE_RETENTION_DAYS at start and keeps newer ones', async () => {
    const storage = new JournalStorage();
    const logger = createLogger({ logLevel: 'silent' });
    const day = 86_400_000;
    const t0 = Date.parse('2024-01-01T00:00:00Z');
    const config = {
      escalation: { ...loadConfig({}).escalation, caseRetentionDays: 30 },
      supportAdminIds: [],
      microsoftAppId: undefined,
    };
    const then = await createEscalation({ config, storage, logger, clock: () => t0 });
    const input = {
      requester: {
        id: '29:fake-old',
        name: 'Old',
        aadObjectId: null,
        tenantId: null,
        conversationReference: null,
      },
      lang: 'en' as const,
      description: 'old',
      impact: 'question' as const,
      findings: {
        stepId: null,
        symptoms: [],
        statusCodes: [],
        objectCodes: [],
        eventIds: [],
        exceptions: [],
        mimBuild: null,
        connector: null,
        connectorBuilds: [],
      },
      steps: [],
      userMessages: [],
    };
    await then.desk.openCase(input, 'submission-old-1');
    const later = await createEscalation({ config, storage, logger, clock: () => t0 + 20 * day });
    await later.desk.openCase({ ...input, description: 'newer' }, 'submission-new-1');

    const now = await createEscalation({ config, storage, logger, clock: () => t0 + 31 * day });
    now.start({
      createConversationAsync: () => Promise.resolve(),
      continueConversationAsync: () => Promise.resolve(),
    });
    await now.stop();
    expect(await now.desk.cases.get('MSD-1001')).toBeUndefined();
    expect(await now.desk.cases.get('MSD-1002')).toBeDefined();
  });
});
