import { useRestartableBot, type BotProcess } from '../helpers/bot-process';
import { supportEnv } from '../helpers/escalation-bot';
import { postedCards } from '../helpers/escalation-flow';
import { TEAMS_ERRORS, isThreadPost } from '../helpers/failing-connector';
import { fixtureRun, postRuns, RUN_WATCH_KEYS } from '../helpers/run-watch';
import { until } from '../helpers/lifecycle';

/**
 * The real entry point as a child process: a failed run is accepted, its alert card fails to send,
 * the process is killed with SIGKILL before the retry and started again on the same data folder.
 * The alert reaches the support channel exactly once.
 */

jest.setTimeout(90_000);

const { connector, start } = useRestartableBot('mim-run-watch-restart-');

function startBot(): Promise<BotProcess> {
  return start({
    LOG_LEVEL: 'info',
    ...supportEnv(connector.serviceUrl, { RUN_WATCH_KEYS }),
  });
}

it('kill -9 after a failed alert card: the restarted process sends it exactly once', async () => {
  // The client's own three retries get 500s, the last try a 429 asking for 3 s: room to kill.
  connector.plan(isThreadPost, [
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.throttled(3),
  ]);
  connector.always(isThreadPost, TEAMS_ERRORS.serverError);

  const first = await startBot();
  expect((await postRuns(first.baseUrl, fixtureRun(412))).body).toEqual({ accepted: 1, duplicates: 0 });
  await until(
    () =>
      first.lines.some(
        (l) => l.msg === 'escalation delivery failed; will retry' && l.kind === 'run-alert-card',
      ),
    'the recorded failure',
  );
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  const before = connector.threadPosts().length;

  connector.clearPlans();
  const second = await startBot();
  await connector.waitUntil(() => postedCards(connector).length === 1, 'the alert card', 30_000);
  // The MIM server sends the same run again (its agent retries): still nothing new.
  expect((await postRuns(second.baseUrl, fixtureRun(412))).body).toEqual({ accepted: 0, duplicates: 1 });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(
    connector
      .threadPosts()
      .slice(before)
      .map((a) => a.status),
  ).toEqual([201]);
  expect(postedCards(connector)[0].card.body).toContain('CONTOSO-ADMA');

  second.child.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
});
