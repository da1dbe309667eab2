import { FAKE } from '../../helpers/activities';
import { useRestartableBot, type BotProcess } from '../../helpers/bot-process';
import { supportEnv } from '../../helpers/escalation-bot';
import { Requester, messagesTo, postedCards } from '../../helpers/escalation-flow';
import { TEAMS_ERRORS, isThreadPost } from '../../helpers/failing-connector';
import { until } from '../../helpers/lifecycle';

/**
 * The real entry point (src/index.ts through tsx, STORAGE=file by default) as a child process:
 * killed with SIGKILL after a case card failed to send, started again on the same data folder.
 * The outbox must deliver the card exactly once.
 */

jest.setTimeout(90_000);

const { connector, start } = useRestartableBot('mim-escalation-restart-');

/** The entry point in the shared data folder, logging at info (the test waits for outbox lines). */
function startBot(env: Record<string, string>): Promise<BotProcess> {
  return start({ LOG_LEVEL: 'info', RATE_LIMIT_PER_USER: 'off', ...env });
}

it('kill -9 after a failed case card: the restarted process on the same data folder sends it exactly once', async () => {
  const env = supportEnv(connector.serviceUrl);
  // One send: the client's three own retries get 500s, the last try a 429 asking for 3 s. The
  // outbox records the failure and waits those 3 s: room to kill the process before it tries again.
  connector.plan(isThreadPost, [
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.serverError,
    TEAMS_ERRORS.throttled(3),
  ]);
  connector.always(isThreadPost, TEAMS_ERRORS.serverError);

  const first = await startBot(env);
  const ada = new Requester(first, connector);
  const { submissionId } = await ada.walkToForm();
  const { replies } = await ada.submit(submissionId);
  expect(replies.map((r) => r.title)).toEqual(['Case MSD-1001 opened']);

  await until(
    () =>
      first.lines.some((l) => l.msg === 'escalation delivery failed; will retry' && l.kind === 'case-card'),
    'the recorded failure',
  );
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  const failedBeforeKill = connector.threadPosts().length;
  expect(connector.threadPosts().map((a) => a.status)).toEqual([500, 500, 500, 429]);

  connector.clearPlans();
  const second = await startBot(env);
  await connector.waitUntil(() => postedCards(connector).length === 1, 'the case card', 30_000);
  const noticeTitle = 'Case MSD-1001 is with support';
  const notices = () =>
    messagesTo(connector, FAKE.personalConversationId)
      .map((m) => m.title)
      .filter((title) => title === noticeTitle);
  await until(() => notices().length === 1, 'the requester notice');
  // Give a duplicate every chance to show up.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(
    connector
      .threadPosts()
      .slice(failedBeforeKill)
      .map((a) => a.status),
  ).toEqual([201]);
  expect(postedCards(connector)).toHaveLength(1);
  expect(postedCards(connector)[0].card.body).toContain('AD MA delta import stops every night');
  expect(notices()).toHaveLength(1);
  expect(second.lines.some((l) => l.msg === 'escalation delivery sent' && l.kind === 'case-card')).toBe(true);

  second.child.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
});
