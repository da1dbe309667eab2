import type { Activity } from 'botbuilder';
import { SUPPORT, supportEnv } from '../../helpers/escalation-bot';
import { Requester, cardText, postedCards } from '../../helpers/escalation-flow';
import { useEscalationRuntime } from '../../helpers/escalation-runtime';
import { fixtureRun, postRuns, RUN_WATCH_KEYS } from '../../helpers/run-watch';

/**
 * Watching runs from other channels: a support admin says "watch runs here [for <MA>, ...]" in any
 * channel, and the run alerts go there as well as to the support channel; "runs" lists what came in.
 */

jest.setTimeout(30_000);

const { connector, startBot, running, settle } = useEscalationRuntime();

const OPS = {
  channelId: '19:ops-channel@thread.tacv2',
  teamId: '19:ops-team@thread.tacv2',
  thread: '19:ops-channel@thread.tacv2;messageid=900',
};

function inOps(who: 'admin' | 'member' = 'admin') {
  return new Requester(running(), connector, {
    inChannel: true,
    channelId: OPS.channelId,
    teamId: OPS.teamId,
    conversationId: OPS.thread,
    userId: who === 'admin' ? '29:fake-admin' : '29:fake-member',
    userName: who === 'admin' ? 'Adam Admin' : 'Mia Member',
    userAadObjectId: who === 'admin' ? SUPPORT.adminAad : '00000000-0000-4000-8000-0000000000m1',
  });
}

/** Which channel each posted alert card went to. */
function cardChannels(): string[] {
  return postedCards(connector).map(
    (c) =>
      (c.request.body as Partial<Activity> & { channelData: { channel: { id: string } } }).channelData.channel
        .id,
  );
}

const today = new Date().toISOString().slice(0, 10);
const start = () => startBot(supportEnv(connector.serviceUrl, { RUN_WATCH_KEYS }));

describe('watch runs here', () => {
  it('sends the alerts to that channel as well as to the support channel', async () => {
    await start();
    const [reply] = await inOps().say('watch runs here');
    expect(reply.text).toContain('This channel now gets an alert card for every failed MIM run');
    await postRuns(running().baseUrl, fixtureRun(412));
    await connector.waitUntil(() => postedCards(connector).length === 2, 'two alert cards');
    expect(cardChannels().sort()).toEqual([OPS.channelId, SUPPORT.channelId].sort());
  });

  it('for named MAs sends only their alerts there', async () => {
    await start();
    const [reply] = await inOps().say('watch runs here for HR-SQL, Workday');
    expect(reply.text).toContain('every failed run of HR-SQL, Workday');
    await postRuns(running().baseUrl, fixtureRun(412));
    await connector.waitUntil(() => postedCards(connector).length === 1, 'the alert card');
    await settle();
    expect(cardChannels()).toEqual([SUPPORT.channelId]);
  });

  it('stop watching runs ends it; cards already there stay', async () => {
    await start();
    await inOps().say('watch runs here');
    const [stopped] = await inOps().say('stop watching runs');
    expect(stopped.text).toContain('no longer gets run alerts');
    await postRuns(running().baseUrl, fixtureRun(412));
    await connector.waitUntil(() => postedCards(connector).length === 1, 'the alert card');
    await settle();
    expect(cardChannels()).toEqual([SUPPORT.channelId]);
    const [again] = await inOps().say('stop watching runs');
    expect(again.text).toContain('was not watching runs');
  });

  it('answers in Danish to the Danish form', async () => {
    await start();
    const [reply] = await inOps().say('overvåg kørsler her for CONTOSO-ADMA');
    expect(reply.text).toContain(
      'Denne kanal får nu et advarselskort for hver mislykket kørsel af CONTOSO-ADMA',
    );
  });

  it('is refused to anyone but a support admin, and changes nothing', async () => {
    await start();
    const [reply] = await inOps('member').say('watch runs here');
    expect(reply.text).toContain('Only support admins');
    expect(await running().escalation.runAlerts?.watch.channels.list()).toEqual([]);
  });

  it('"I am on it" works from the watching channel’s card too', async () => {
    await start();
    await inOps().say('watch runs here');
    await postRuns(running().baseUrl, fixtureRun(412));
    await connector.waitUntil(() => postedCards(connector).length === 2, 'two alert cards');
    const ops = postedCards(connector).find((c) => c.threadId.startsWith(OPS.channelId));
    const alertId = (ops?.card.buttons[0].data as { alertId: string }).alertId;
    const member = new Requester(running(), connector, {
      inChannel: true,
      channelId: OPS.channelId,
      teamId: OPS.teamId,
      conversationId: ops?.threadId,
      userId: '29:fake-member',
      userName: 'Mia Member',
    });
    const clicked = await member.click({ verb: 'runAlertOnIt', alertId });
    expect(JSON.stringify(clicked.response)).toContain('Mia Member is on it');
  });
});

describe('runs', () => {
  it('lists the last result per MA and server and the failures of the last 24 hours', async () => {
    await start();
    await inOps().say('watch runs here');
    await postRuns(running().baseUrl, fixtureRun(412, { day: today }));
    await postRuns(running().baseUrl, fixtureRun(413, { day: today, result: 'success' }));
    const [list] = await inOps('member').say('runs');
    const text = cardText(list.card);
    expect(text).toContain('Watched MIM runs');
    expect(text).toContain('mim-sync-01 · CONTOSO-ADMA');
    expect(text).toContain('Last run: #413: success');
    expect(text).toContain('Failed in the last 24 hours: 1 (latest #412: completed-discovery-errors)');
  });

  it('works only where alerts go', async () => {
    await start();
    const ada = new Requester(running(), connector);
    const [reply] = await ada.say('runs');
    expect(reply.text).toContain('runs works in the support channel and in channels that watch runs');
  });
});
