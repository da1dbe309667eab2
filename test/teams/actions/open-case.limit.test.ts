import { Requester } from '../../helpers/escalation-flow';
import { supportEnv } from '../../helpers/escalation-bot';
import { useEscalationRuntime } from '../../helpers/escalation-runtime';

/**
 * CASES_PER_USER_PER_DAY: one requester opens at most that many cases in 24 hours, however many
 * well-formed submission ids they send; one more is refused in words, a repeat of a sent form is
 * not. Over HTTP, through the bot as src/index.ts composes it.
 */

jest.setTimeout(30_000);

const { connector, startBot, running } = useEscalationRuntime();

describe('the daily cap on cases per requester', () => {
  it.each([
    [
      'en-US',
      'You have opened 2 cases in the last 24 hours',
      'That form was already sent: it is case MSD-1001.',
    ],
    ['da-DK', 'Du har oprettet 2 sager inden for det sidste døgn', 'Den formular er allerede sendt'],
  ])(
    '%s: the third case of the day is refused, a repeat of the first is not',
    async (locale, refusal, repeat) => {
      await startBot(supportEnv(connector.serviceUrl, { CASES_PER_USER_PER_DAY: '2' }));
      const ada = new Requester(running(), connector, { locale });
      await ada.walkToForm();

      const first = await ada.submit('submission-0001');
      const second = await ada.submit('submission-0002');
      expect([first, second].map((r) => r.replies.map((m) => m.title))).toEqual(
        locale === 'en-US'
          ? [['Case MSD-1001 opened'], ['Case MSD-1002 opened']]
          : [['Sag MSD-1001 oprettet'], ['Sag MSD-1002 oprettet']],
      );

      const third = await ada.submit('submission-0003');
      expect(third.replies).toEqual([]);
      expect(String(third.response.value)).toContain(refusal);
      expect(await running().escalation.desk.cases.get('MSD-1003')).toBeUndefined();

      const again = await ada.submit('submission-0001');
      expect(again.replies.map((m) => m.body).join(' ')).toContain(repeat);
    },
  );

  it('counts per requester: a colleague still opens a case', async () => {
    await startBot(supportEnv(connector.serviceUrl, { CASES_PER_USER_PER_DAY: '1' }));
    const ada = new Requester(running(), connector);
    await ada.walkToForm();
    await ada.submit('submission-0001');
    const bo = new Requester(running(), connector, {
      userId: '29:fake-user-0002',
      userAadObjectId: '00000000-0000-4000-8000-00000000c0c1',
    });
    await bo.walkToForm();
    const { replies } = await bo.submit('submission-0002');
    expect(replies.map((m) => m.title)).toEqual(['Case MSD-1002 opened']);
  });
});
