import { StorageOutbox } from '../../../src/escalation';
import { deliveryKeys } from '../../../src/teams/escalation/desk';
import { FAKE } from '../../helpers/activities';
import { JournalStorage, SUPPORT, logs, supportEnv } from '../../helpers/escalation-bot';
import { Requester, cardText, messagesTo, seeInvokeCard } from '../../helpers/escalation-flow';
import { useEscalationRuntime } from '../../helpers/escalation-runtime';
import { TEAMS_ERRORS, activityOf, isThreadPost } from '../../helpers/failing-connector';

/**
 * Escalation on the Teams side, over real HTTP: the bot as src/index.ts composes it (desk, outbox
 * runner through the CloudAdapter), a connector stand-in on 127.0.0.1 that fails on demand.
 */

jest.setTimeout(30_000);

const { connector, startBot, running, stopBot, caseOf, noticeTo, cardPosted, settle, openCase } =
  useEscalationRuntime();

describe('tag mentions', () => {
  it('a case card mentions a Teams tag from SUPPORT_MENTION_IDS with mentioned.type "tag", as it reaches the connector', async () => {
    await startBot(supportEnv(connector.serviceUrl, { SUPPORT_MENTION_IDS: 'tag:MjQzMmI1N2I=|MIM Support' }));
    await openCase(new Requester(running(), connector));
    const card = await cardPosted();
    expect(card.cardJson.msteams).toEqual({
      width: 'Full',
      entities: [
        {
          type: 'mention',
          text: '<at>MIM Support</at>',
          mentioned: { id: 'MjQzMmI1N2I=', name: 'MIM Support', type: 'tag' },
        },
      ],
    });
    expect(cardText(card.cardJson)).toContain('<at>MIM Support</at>: a new case needs someone.');
  });
});

describe('opening a case', () => {
  it('offers it after the last step, stores it before the first send, posts one card and tells the requester', async () => {
    const storage = new JournalStorage();
    await startBot(supportEnv(connector.serviceUrl), storage);
    const ada = new Requester(running(), connector);
    const { exhausted, form, submissionId } = await ada.walkToForm();

    // "Time for a human" offers the case instead of a summary to copy.
    expect(exhausted.title).toBe('Time for a human');
    expect(exhausted.body).not.toContain('with this summary');
    expect(exhausted.buttons.map((b) => b.title)).toEqual(['Escalate to support']);
    // The form shows what is known and asks only for the description and the impact.
    expect(cardText(form.card)).toContain('Run status: stopped-connectivity');
    expect(form.body).toContain('1. Look up the run error code: still failing');
    expect(form.body).toContain('2. Run a recent MIM Sync build: still failing');
    expect(form.inputs).toEqual(['description', 'impact']);

    const { response, replies } = await ada.submit(submissionId);
    expect(replies.map((r) => r.title)).toEqual(['Case MSD-1001 opened']);
    const answered = seeInvokeCard(response);
    expect(answered.body).toContain('✓ Sent as case MSD-1001.');
    expect(answered.buttons).toEqual([]);

    const card = await cardPosted();
    const stored = storage.journal.find(
      (e) => e.op === 'write' && e.keys.includes('escalation/case/MSD-1001'),
    );
    const firstSend = connector.answered.find((a) => isThreadPost(a.request));
    expect(stored).toBeDefined();
    expect(stored!.at < firstSend!.at).toBe(true);

    // A new thread in the support channel, with the summary and an @mention of the on-call person.
    const body = card.request.body as Record<string, unknown>;
    expect(body).toMatchObject({
      isGroup: true,
      tenantId: FAKE.tenantId,
      channelData: { channel: { id: SUPPORT.channelId } },
    });
    const text = cardText(card.cardJson);
    for (const part of [
      'Escalation · MSD-1001',
      'AD MA delta import stops every night',
      'Requester: Ada Admin',
      'Impact: All runs are blocked',
      'Run status: stopped-connectivity',
      '1. Look up the run error code: still failing',
      '> ADMA Delta Import stopped-connectivity',
      '<at>Olga Oncall</at>: a new case needs someone.',
    ]) {
      expect(text).toContain(part);
    }
    expect(card.cardJson.msteams).toEqual({
      width: 'Full',
      entities: [
        {
          type: 'mention',
          text: '<at>Olga Oncall</at>',
          mentioned: { id: SUPPORT.oncallId, name: 'Olga Oncall' },
        },
      ],
    });
    // Buttons carry the case id and nothing else.
    expect(card.card.buttons).toEqual([
      { title: 'Take case', data: { verb: 'takeCase', caseId: 'MSD-1001' } },
      { title: 'Resolve', data: { verb: 'resolveCase', caseId: 'MSD-1001' } },
    ]);

    const notice = await noticeTo(FAKE.personalConversationId, 'Case MSD-1001 is with support');
    expect(notice.body).toContain('I will tell you here when someone takes it.');
    await settle();
    expect(connector.threadPosts()).toHaveLength(1);

    const c = await caseOf('MSD-1001');
    expect(c?.delivery).toMatchObject({
      supportActivityId: card.rootId,
      supportConversationId: card.threadId,
    });
    expect(c?.requester).toMatchObject({
      id: FAKE.userId,
      aadObjectId: FAKE.userAadObjectId,
      tenantId: FAKE.tenantId,
    });
    expect(c?.requester.conversationReference).toMatchObject({
      conversation: { id: FAKE.personalConversationId },
      serviceUrl: connector.serviceUrl,
    });
  });

  it('tells a requester who asked in a channel thread in that thread', async () => {
    await startBot();
    const ada = new Requester(running(), connector, { inChannel: true });
    await openCase(ada);
    await cardPosted();
    const notice = await noticeTo(FAKE.channelThreadId, 'Case MSD-1001 is with support');
    expect(notice.body).toContain('I will tell you here');
    const c = await caseOf('MSD-1001');
    expect(c?.requester.conversationReference).toMatchObject({
      conversation: { id: FAKE.channelThreadId, tenantId: FAKE.tenantId },
    });
    expect(messagesTo(connector, FAKE.personalConversationId)).toEqual([]);
  });

  it('records "Still failing" per step and code for the stats', async () => {
    await startBot();
    await new Requester(running(), connector).walkToForm();
    const stats = await running().escalation.desk.stats();
    const step = stats.steps.find((s) => s.step === 'run-error-codes');
    expect(step).toMatchObject({ fixed: 0, stillFailing: 1 });
    expect(step?.codes).toEqual([
      { kind: 'run-status', code: 'stopped-connectivity', fixed: 0, stillFailing: 1, up: 0, down: 0 },
    ]);
  });

  it('opens one case for a double click, and says the second click found it', async () => {
    await startBot();
    const ada = new Requester(running(), connector);
    const { submissionId } = await ada.walkToForm();
    const [first, second] = await Promise.all([ada.submit(submissionId), ada.submit(submissionId)]);
    const titles = [...first.replies, ...second.replies].map((r) => r.body).join('\n');
    expect(titles).toContain('Your case is saved.');
    expect(titles).toContain('That form was already sent: it is case MSD-1001. Nothing new was opened.');
    // An old form sent again later finds the same case too.
    await ada.submit(submissionId, 'a different description');
    await cardPosted();
    await settle();
    expect(await running().escalation.desk.cases.list()).toHaveLength(1);
    expect(connector.threadPosts()).toHaveLength(1);
  });

  it('without a support channel says so honestly, with the case id and a summary to copy', async () => {
    await startBot({ OUTBOX_RETRY_BASE_MS: '40' });
    const ada = new Requester(running(), connector);
    const { response, replies } = await openCase(ada);
    expect(seeInvokeCard(response).body).toContain('✓ Sent as case MSD-1001.');
    expect(replies).toHaveLength(1);
    expect(replies[0].title).toBe('Case MSD-1001 saved, but not sent');
    expect(replies[0].body).toContain('nobody has been told');
    for (const line of [
      'Case MSD-1001 (open)',
      'Impact: All runs are blocked',
      'Run status: stopped-connectivity',
    ]) {
      expect(replies[0].body).toContain(line);
    }
    await settle();
    expect(connector.threadPosts()).toEqual([]);
    expect(await running().escalation.desk.outbox.list()).toEqual([]);
    expect(await caseOf('MSD-1001')).toBeDefined();
  });

  it('works from the "escalate" command at any time, in Danish too', async () => {
    await startBot();
    const ada = new Requester(running(), connector, { locale: 'da-DK' });
    const [form] = await ada.say('eskalér');
    expect(form.title).toBe('Eskalér til support');
    expect(form.body).toContain('Jeg har ikke genkendt noget endnu');
    expect(form.inputs).toEqual(['description', 'impact']);
  });
});

describe('deliveries that fail', () => {
  // The Bot Framework client retries a 5xx or a 429 up to 3 times within one send (about 1 s, 2 s,
  // 4 s apart); the outbox retries the send after that. Five 500s exercise both layers.
  it('survives 500s (the client retries, then the outbox) and posts exactly one case card', async () => {
    await startBot();
    connector.plan(isThreadPost, Array(5).fill(TEAMS_ERRORS.serverError));
    await openCase(new Requester(running(), connector));
    await cardPosted();
    await noticeTo(FAKE.personalConversationId, 'Case MSD-1001 is with support');
    await settle();
    expect(connector.threadPosts().map((a) => a.status)).toEqual([500, 500, 500, 500, 500, 201]);
    expect(
      messagesTo(connector, FAKE.personalConversationId).filter((m) => m.title.endsWith('is with support')),
    ).toHaveLength(1);
    const retries = logs(running().logLines).filter(
      (l) => l.msg === 'escalation delivery failed; will retry',
    );
    expect(retries.map((l) => [l.kind, l.status])).toEqual([['case-card', 500]]);
  }, 40_000);

  it('waits as long as a 429 Retry-After asks, then posts once', async () => {
    await startBot();
    connector.plan(isThreadPost, Array(4).fill(TEAMS_ERRORS.throttled(1)));
    await openCase(new Requester(running(), connector));
    await cardPosted();
    await settle();
    const posts = connector.threadPosts();
    expect(posts.map((a) => a.status)).toEqual([429, 429, 429, 429, 201]);
    // The outbox's own wait honours the header too: at least a second after the last 429.
    expect(Number(posts[4].at - posts[3].at) / 1e6).toBeGreaterThanOrEqual(950);
    const [retry] = logs(running().logLines).filter(
      (l) => l.msg === 'escalation delivery failed; will retry',
    );
    expect(retry).toMatchObject({ kind: 'case-card', status: 429 });
    expect(Number(retry.delayMs)).toBeGreaterThanOrEqual(1000);
  }, 40_000);

  it('marks a 403 BotNotInConversationRoster failed, logs an error, tells the requester and shows it in open cases', async () => {
    await startBot();
    connector.always(isThreadPost, TEAMS_ERRORS.notInRoster);
    await openCase(new Requester(running(), connector));
    const notice = await noticeTo(FAKE.personalConversationId, 'Case MSD-1001 could not be delivered');
    expect(notice.body).toContain(
      'I could not post your case to the support channel (I am not a member of that channel)',
    );
    expect(notice.body).toContain('Nobody has been told.');
    expect(notice.body).toContain('Case MSD-1001 (open)');
    await settle();
    // Permanent: one try, no retry.
    expect(connector.threadPosts().map((a) => a.status)).toEqual([403]);
    const item = await running().escalation.desk.outbox.get(
      StorageOutbox.idFor(deliveryKeys.caseCard('MSD-1001')),
    );
    expect(item).toMatchObject({ status: 'failed', failReason: 'permanent', lastError: { status: 403 } });
    expect(item?.lastError?.code).toBe('BotNotInConversationRoster');
    const errors = logs(running().logLines).filter((l) => l.level === 50 && l.caseId === 'MSD-1001');
    expect(errors.map((l) => l.msg)).toContain(
      'case card could not be delivered to the support channel; telling the requester',
    );

    // Support sees it in "open cases" (a support admin, in a 1:1 chat).
    const admin = new Requester(running(), connector, {
      userId: '29:fake-admin',
      userAadObjectId: SUPPORT.adminAad,
    });
    const [list] = await admin.say('open cases');
    expect(list.title).toBe('Open cases');
    expect(cardText(list.card)).toContain('MSD-1001: AD MA delta import stops every night');
    expect(list.body).toContain('Case card NOT delivered (403 BotNotInConversationRoster)');
  });

  it('keeps a failed delivery across a restart: a new instance over the same store sends it once (in-process)', async () => {
    const storage = new JournalStorage();
    const env = supportEnv(connector.serviceUrl, { OUTBOX_RETRY_BASE_MS: '300' });
    await startBot(env, storage);
    connector.always(isThreadPost, TEAMS_ERRORS.serverError);
    await openCase(new Requester(running(), connector));
    await connector.waitUntil(
      (all) => all.some((a) => isThreadPost(a.request) && a.status === 500),
      'a failed post',
    );
    await stopBot();
    connector.clearPlans();

    await startBot(env, storage);
    await cardPosted();
    await noticeTo(FAKE.personalConversationId, 'Case MSD-1001 is with support');
    await settle();
    expect(connector.threadPosts().filter((a) => a.status === 201)).toHaveLength(1);
    expect(connector.threadPosts().every((a) => a.status === 201 || a.status === 500)).toBe(true);
  });

  it('tries the handoff event once when HANDOFF_EVENT=true, logs the 400 once and never shows it to the user', async () => {
    await startBot(supportEnv(connector.serviceUrl, { HANDOFF_EVENT: 'true' }));
    const isEvent = (r: { method: string; body?: unknown }) =>
      r.method === 'POST' && (r.body as { type?: string } | undefined)?.type === 'event';
    connector.always(isEvent, TEAMS_ERRORS.handoffRejected);
    await openCase(new Requester(running(), connector));
    await noticeTo(FAKE.personalConversationId, 'Case MSD-1001 is with support');
    await settle();
    const events = connector.answered.filter((a) => isEvent(a.request));
    expect(events).toHaveLength(1);
    expect(activityOf(events[0])).toMatchObject({ type: 'event', name: 'handoff.initiate' });
    expect(events[0].request.conversationId).toBe(FAKE.personalConversationId);
    const item = await running().escalation.desk.outbox.get(
      StorageOutbox.idFor(deliveryKeys.handoff('MSD-1001')),
    );
    expect(item).toMatchObject({ status: 'failed', failReason: 'permanent', attempts: 1 });
    expect(
      logs(running().logLines).filter((l) => l.msg === 'handoff event rejected; not retried'),
    ).toHaveLength(1);
    expect(messagesTo(connector, FAKE.personalConversationId).map((m) => m.title)).not.toContain(
      expect.stringMatching(/could not be delivered/),
    );
  });
});
