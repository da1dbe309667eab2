import { SUPPORT, supportEnv } from '../helpers/escalation-bot';
import { Requester, cardText, engineerIn, postedCards, seeInvokeCard } from '../helpers/escalation-flow';
import { useEscalationRuntime } from '../helpers/escalation-runtime';
import { fixtureRun, postRuns, RUN_KEYS, RUN_WATCH_KEYS, type RunPostOptions } from '../helpers/run-watch';
import { activityOf, TEAMS_ERRORS, isThreadPost } from '../helpers/failing-connector';

/**
 * POST /api/runs end to end: a MIM server's signed run history in, one alert card per problem out
 * to the support channel through the outbox and the local connector, kept current by PUTs.
 */

jest.setTimeout(30_000);

const { connector, startBot, running, settle } = useEscalationRuntime();

const run = fixtureRun;
const send = (xml: string, options?: RunPostOptions) => postRuns(running().baseUrl, xml, options);

function putsTo(threadId: string, rootId: string) {
  const where = `/v3/conversations/${encodeURIComponent(threadId)}/activities/${encodeURIComponent(rootId)}`;
  return connector.answered.filter(
    (a) => a.request.method === 'PUT' && a.request.path === where && a.status < 300,
  );
}

function lastPutText(threadId: string, rootId: string): string {
  const puts = putsTo(threadId, rootId);
  return cardText(activityOf(puts[puts.length - 1]).attachments?.[0]?.content);
}

async function alertPosted(n = 1) {
  await connector.waitUntil(() => postedCards(connector).length >= n, `run alert #${n}`);
  return postedCards(connector)[n - 1];
}

const startWatching = (extra: Record<string, string> = {}) =>
  startBot(supportEnv(connector.serviceUrl, { RUN_WATCH_KEYS, ...extra }));

describe('a failed run', () => {
  it('posts one diagnosed alert card in the support channel, and the same run again posts nothing', async () => {
    await startWatching();
    const first = await send(run(412));
    expect(first).toMatchObject({ status: 202, body: { accepted: 1, duplicates: 0 } });

    const card = await alertPosted();
    const text = cardText(card.cardJson);
    expect(text).toContain('Run watch · mim-sync-01');
    expect(text).toContain('CONTOSO-ADMA: Full Import and Full Sync ended with completed-discovery-errors');
    expect(text).toContain('Run: #412, ended 2024-03-14 01:31 UTC');
    expect(text).toContain('extension-dll-exception × 3, for example CN=Jane Doe');
    expect(text).toContain('Recommended step');
    expect(card.card.links).toEqual([
      'https://learn.microsoft.com/en-us/microsoft-identity-manager/reference/maerrorcodes',
    ]);
    expect(card.card.buttons.map((b) => b.title)).toEqual([
      'I am on it',
      'Open a case',
      'Mute this MA for 4 hours',
    ]);

    const again = await send(run(412));
    expect(again).toMatchObject({ status: 202, body: { accepted: 0, duplicates: 1 } });
    await settle();
    expect(connector.threadPosts()).toHaveLength(1);
    expect(putsTo(card.threadId, card.rootId)).toHaveLength(0);
  });

  it('mentions the support people and tags on the first post only, never on updates', async () => {
    await startWatching({
      SUPPORT_MENTION_IDS: `tag:MjQzMmI1N2I=|MIM Support,${SUPPORT.oncallId}|${SUPPORT.oncallName}`,
    });
    await send(run(412));
    const card = await alertPosted();
    expect(card.cardJson.msteams).toEqual({
      width: 'Full',
      entities: [
        {
          type: 'mention',
          text: '<at>MIM Support</at>',
          mentioned: { id: 'MjQzMmI1N2I=', name: 'MIM Support', type: 'tag' },
        },
        {
          type: 'mention',
          text: `<at>${SUPPORT.oncallName}</at>`,
          mentioned: { id: SUPPORT.oncallId, name: SUPPORT.oncallName },
        },
      ],
    });
    expect(cardText(card.cardJson)).toContain(
      `<at>MIM Support</at> <at>${SUPPORT.oncallName}</at>: a MIM run failed.`,
    );
    await send(run(413));
    await connector.waitUntil(() => putsTo(card.threadId, card.rootId).length === 1, 'card update');
    const update = activityOf(putsTo(card.threadId, card.rootId)[0]).attachments?.[0]?.content as {
      msteams: unknown;
    };
    expect(update.msteams).toEqual({ width: 'Full', entities: [] });
  });

  it('is written in Danish with RUN_WATCH_LANGUAGE=da', async () => {
    await startWatching({ RUN_WATCH_LANGUAGE: 'da' });
    await send(run(412));
    const card = await alertPosted();
    const text = cardText(card.cardJson);
    expect(text).toContain('Kørselsovervågning · mim-sync-01');
    expect(text).toContain('sluttede med completed-discovery-errors');
    expect(text).toContain('Anbefalet trin');
    expect(card.card.buttons.map((b) => b.title)).toEqual([
      'Jeg tager mig af det',
      'Opret en sag',
      'Slå denne MA fra i 4 timer',
    ]);
  });

  it('a second failure with the same result updates the card in place; a success marks it recovered', async () => {
    await startWatching();
    await send(run(412));
    const card = await alertPosted();

    expect((await send(run(413))).body).toEqual({ accepted: 1, duplicates: 0 });
    await connector.waitUntil(() => putsTo(card.threadId, card.rootId).length === 1, 'card update');
    expect(lastPutText(card.threadId, card.rootId)).toContain('Failing: 2 failed run(s) since');
    expect(lastPutText(card.threadId, card.rootId)).toContain('Last failed run: #413');

    await send(run(414, { day: '2024-03-15', result: 'success' }));
    await connector.waitUntil(() => putsTo(card.threadId, card.rootId).length === 2, 'recovered update');
    expect(lastPutText(card.threadId, card.rootId)).toContain(
      'Recovered at 2024-03-15 01:31 UTC after 2 failed run(s).',
    );
    await settle();
    expect(connector.threadPosts()).toHaveLength(1);
  });

  it('a different result, or the same one more than 24 hours later, posts a new card', async () => {
    await startWatching();
    await send(run(412));
    await alertPosted();
    await send(run(413, { result: 'stopped-extension-dll-exception' }));
    const second = await alertPosted(2);
    expect(cardText(second.cardJson)).toContain('ended with stopped-extension-dll-exception');
    await send(run(420, { day: '2024-03-16' }));
    await alertPosted(3);
  });

  it('two runs in one request: both stored, one card', async () => {
    await startWatching();
    const both = run(412).replace('</run-history>', '') + run(413).replace(/^[\s\S]*?<run-history>/, '');
    expect((await send(both)).body).toEqual({ accepted: 2, duplicates: 0 });
    await alertPosted();
    await settle();
    expect(connector.threadPosts()).toHaveLength(1);
  });

  it('still ends with exactly one card when the connector fails twice first', async () => {
    await startWatching();
    connector.plan(isThreadPost, [TEAMS_ERRORS.serverError, TEAMS_ERRORS.throttled(0)]);
    await send(run(412));
    await connector.waitUntil(
      () => connector.threadPosts().filter((a) => a.status < 300).length === 1,
      'third try',
    );
    await send(run(412));
    await settle();
    expect(connector.threadPosts().map((a) => a.status)).toEqual([500, 429, 201]);
  });
});

describe('the buttons', () => {
  it('"I am on it" from the support channel shows who clicked, for everyone', async () => {
    await startWatching();
    await send(run(412));
    const card = await alertPosted();
    const alertId = (card.card.buttons.find((b) => b.title === 'I am on it')?.data as { alertId: string })
      .alertId;

    const bo = new Requester(running(), connector, engineerIn(card.threadId));
    const clicked = await bo.click({ verb: 'runAlertOnIt', alertId });
    expect(seeInvokeCard(clicked.response).body).toContain('Bo Support is on it');
    await connector.waitUntil(() => putsTo(card.threadId, card.rootId).length === 1, 'card update');
    expect(lastPutText(card.threadId, card.rootId)).toContain('Bo Support is on it');
  });

  it('"Mute" stores and counts the MA’s next failures without posting them', async () => {
    await startWatching();
    await send(run(412));
    const card = await alertPosted();
    const alertId = (card.card.buttons.find((b) => b.title.startsWith('Mute'))?.data as { alertId: string })
      .alertId;
    const bo = new Requester(running(), connector, engineerIn(card.threadId));
    const muted = await bo.click({ verb: 'runAlertMute', alertId });
    expect(seeInvokeCard(muted.response).body).toContain('Muted by Bo Support until');

    await send(run(413, { result: 'stopped-extension-dll-exception' }));
    await settle();
    expect(connector.threadPosts()).toHaveLength(1);
    const watch = await running().escalation.runAlerts?.watch.store.watchOf(alertId);
    expect(watch?.counts).toEqual({ runs: 2, failed: 2, mutedFailures: 1 });
  });

  it('"Open a case" opens one case from the run’s findings, taken by the clicker, and the card shows its id', async () => {
    await startWatching();
    await send(run(412));
    const card = await alertPosted();
    const alertId = (card.card.buttons.find((b) => b.title === 'Open a case')?.data as { alertId: string })
      .alertId;
    const bo = new Requester(running(), connector, engineerIn(card.threadId));
    const clicked = await bo.click({ verb: 'runAlertCase', alertId });
    expect(seeInvokeCard(clicked.response).body).toContain('Case MSD-1001 was opened for this alert.');
    expect(seeInvokeCard(clicked.response).buttons.map((b) => b.title)).not.toContain('Open a case');

    const opened = await running().escalation.desk.cases.get('MSD-1001');
    expect(opened).toMatchObject({
      status: 'taken',
      takenBy: { id: SUPPORT.engineerId, name: SUPPORT.engineerName },
      description: 'CONTOSO-ADMA: Full Import and Full Sync ended with completed-discovery-errors',
      impact: 'one-ma-failing',
      findings: { stepId: 'run-error-codes', statusCodes: ['completed-discovery-errors'] },
    });
    expect(opened?.findings.objectCodes).toContain('extension-dll-exception');
    // A second click (or one on the same alert elsewhere) finds the same case.
    await bo.click({ verb: 'runAlertCase', alertId });
    expect(await running().escalation.desk.cases.get('MSD-1002')).toBeUndefined();
    // The case card goes to the support channel as any case does.
    await connector.waitUntil(() => postedCards(connector).length === 2, 'the case card');
    expect(cardText(postedCards(connector)[1].cardJson)).toContain('Escalation · MSD-1001');
  });

  it('a click from outside the support channel changes nothing', async () => {
    await startWatching();
    await send(run(412));
    const card = await alertPosted();
    const alertId = (card.card.buttons.find((b) => b.title === 'I am on it')?.data as { alertId: string })
      .alertId;
    const stranger = new Requester(running(), connector);
    const clicked = await stranger.click({ verb: 'runAlertOnIt', alertId });
    expect(JSON.stringify(clicked.response)).toContain('Only members of the support channel');
    const alert = await running().escalation.runAlerts?.watch.store.get(alertId);
    expect(alert?.onIt).toBeNull();
  });
});

describe('refused requests post nothing', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['a bad signature', { signature: `sha256=${'0'.repeat(64)}` }, 401],
    ['a signature made with another key’s secret', { secret: RUN_KEYS.second.secret }, 401],
    ['an unknown key id', { key: 'mim-sync-99' }, 401],
    ['a timestamp six minutes old', { timestamp: now() - 360 }, 401],
    ['a timestamp six minutes ahead', { timestamp: now() + 360 }, 401],
    ['JSON', { contentType: 'application/json' }, 415],
    ['a UTF-16 charset', { contentType: 'application/xml; charset=utf-16' }, 415],
  ])('%s', async (_what, options, status) => {
    await startWatching();
    const answer = await send(run(412), options);
    expect(answer.status).toBe(status);
    // The body never says which check failed.
    if (status === 401) expect(answer.body).toEqual({ error: 'unauthorized' });
    await settle();
    expect(connector.answered).toHaveLength(0);
  });

  it('answers 400 to a body that is no run history, 413 over the size limit', async () => {
    await startWatching({ RUN_WATCH_MAX_MB: '1' });
    expect((await send('<html><body>hello</body></html>')).status).toBe(400);
    expect((await send(`<run-history>${' '.repeat(1024 * 1024)}</run-history>`)).status).toBe(413);
    await settle();
    expect(connector.answered).toHaveLength(0);
  });

  it('answers 429 with Retry-After over the per-key rate, and counts keys apart', async () => {
    await startWatching({ RUN_WATCH_RATE_PER_MINUTE: '2' });
    expect((await send(run(1))).status).toBe(202);
    expect((await send(run(2))).status).toBe(202);
    const third = await send(run(3));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    const otherKey = await send(run(3), { key: 'mim-sync-02', secret: RUN_KEYS.second.secret });
    expect(otherKey.status).toBe(202);
  });

  it('is off (404) while RUN_WATCH_KEYS is unset', async () => {
    await startBot(supportEnv(connector.serviceUrl));
    expect((await send(run(412))).status).toBe(404);
  });
});
