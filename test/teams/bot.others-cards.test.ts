import { FAKE } from '../helpers/activities';
import { Requester, seeInvokeCard, type InvokeBody, type SeenCard } from '../helpers/escalation-flow';
import { useEscalationRuntime } from '../helpers/escalation-runtime';

/**
 * A case form and a question card belong to the user they were shown to. In a channel thread, a
 * colleague's click on them is answered with a polite sentence and changes nothing: not the card,
 * not anybody's case. Over HTTP, through the bot as src/index.ts composes it.
 */

jest.setTimeout(30_000);

const { connector, startBot, running, caseOf } = useEscalationRuntime();

const BO = {
  userId: '29:fake-user-0002',
  userName: 'Bo Colleague',
  userAadObjectId: '00000000-0000-4000-8000-00000000c0c1',
};

function inThread(extra: Record<string, string> = {}) {
  const ada = new Requester(running(), connector, { inChannel: true, ...extra });
  const bo = new Requester(running(), connector, { inChannel: true, ...BO, ...extra });
  return { ada, bo };
}

function button(card: SeenCard, verb: string): Record<string, unknown> {
  const found = card.buttons.find((b) => b.data.verb === verb);
  if (!found) throw new Error(`no ${verb} button on "${card.title}"`);
  return found.data;
}

/** The card's data as a card from before owners were named sends it. */
function withoutOwner(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'for' && k !== 'forName'));
}

const cardEdits = () => connector.answered.filter((a) => a.request.method === 'PUT').length;
const FILLED = { description: 'AD MA delta import stops every night', impact: 'all-runs-blocked' };

describe("a colleague's click on someone else's case form", () => {
  it.each([
    ['en-US', 'This is Ada Admin’s form: only they can send it, and nothing was changed.'],
    ['da-DK', 'Formularen tilhører Ada Admin: kun vedkommende kan sende den, og intet er ændret.'],
  ])(
    '%s: is refused politely, opens nothing, and the form still opens its owner’s case',
    async (locale, refusal) => {
      await startBot();
      const { ada, bo } = inThread({ locale });
      const { form } = await ada.walkToForm();
      const submit = button(form, 'openCase');
      expect(submit.for).toBe(FAKE.userId);

      const edits = cardEdits();
      const { response, replies } = await bo.click({ ...submit, ...FILLED });
      expect(response.value).toContain(refusal);
      expect(replies).toEqual([]);
      expect(cardEdits()).toBe(edits);
      expect(await caseOf('MSD-1001')).toBeUndefined();

      const opened = await ada.click({ ...submit, ...FILLED });
      expect(opened.replies.map((r) => r.title)).toEqual([
        locale === 'en-US' ? 'Case MSD-1001 opened' : 'Sag MSD-1001 oprettet',
      ]);
      expect((await caseOf('MSD-1001'))?.requester.id).toBe(FAKE.userId);
    },
  );

  it('a replay of the form without its owner cannot take the submission from its owner', async () => {
    await startBot();
    const { ada, bo } = inThread();
    const { form } = await ada.walkToForm();
    const submit = button(form, 'openCase');
    await bo.click({ ...withoutOwner(submit), ...FILLED });

    const { replies } = await ada.click({ ...submit, ...FILLED });
    expect(replies).toHaveLength(1);
    expect(replies[0].title).toMatch(/^Case MSD-\d+ opened$/);
    expect(replies[0].body).not.toContain('already sent');
    const caseId = replies[0].title.split(' ')[1];
    expect((await caseOf(caseId))?.requester.id).toBe(FAKE.userId);
  });

  it('a form sent before forms named their owner still opens its case in its conversation', async () => {
    await startBot();
    const { ada } = inThread();
    const { submissionId } = await ada.walkToForm();
    const { replies } = await ada.submit(submissionId);
    expect(replies.map((r) => r.title)).toEqual(['Case MSD-1001 opened']);
  });
});

describe("a colleague's click on someone else's question", () => {
  it.each([
    ['en-US', 'hi', 'This question is Ada Admin’s: only they can answer it, and nothing was changed.'],
    ['da-DK', 'hej', 'Spørgsmålet tilhører Ada Admin: kun vedkommende kan svare på det, og intet er ændret.'],
  ])(
    '%s: is refused even when the colleague has a question with the same id',
    async (locale, hi, refusal) => {
      await startBot();
      const { ada, bo } = inThread({ locale });
      const [question] = await ada.say(hi);
      const choice = button(question, 'answer');
      // Bo's own first question has the same, predictable id.
      const [own] = await bo.say(hi);
      expect(button(own, 'answer').questionId).toBe(choice.questionId);

      const edits = cardEdits();
      const { response, replies } = await bo.click(choice);
      expect(response.value).toContain(refusal);
      expect(replies).toEqual([]);
      expect(cardEdits()).toBe(edits);

      // Ada's card still answers Ada's question.
      const answered = await ada.click(choice);
      expect(answered.response.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(seeInvokeCard(answered.response as InvokeBody).buttons).toEqual([]);
    },
  );

  it('a click on a card without an owner is refused by nobody: the clicker answers their own question', async () => {
    await startBot();
    const { bo } = inThread();
    const [own] = await bo.say('hi');
    const { response } = await bo.click(withoutOwner(button(own, 'answer')));
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
  });
});
