import { Requester } from '../../helpers/escalation-flow';
import { useEscalationRuntime } from '../../helpers/escalation-runtime';

/**
 * When the bot repeats what a user typed in its own voice ("… is not a MIM Sync build"), the words
 * are shown as text: a Markdown link or emphasis in them does not come alive in the bot's reply.
 * Over HTTP, through the bot as src/index.ts composes it.
 */

jest.setTimeout(30_000);

const { connector, startBot, running } = useEscalationRuntime();

const LINK = '[x](https://evil.example)';

describe('the bot echoes what users typed as text', () => {
  it.each([
    ['en-US', `version ${LINK}`, 'is not a MIM Sync build'],
    ['da-DK', `versionen ${LINK}`, 'er ikke en build af MIM Sync'],
  ])('%s: "%s" names the build without a live link', async (locale, said, answer) => {
    await startBot({});
    const [reply] = await new Requester(running(), connector, { locale }).say(said);
    expect(reply.text).toContain(answer);
    expect(reply.text).toContain('\\[x\\]\\(https://evil.example\\)');
    expect(reply.text).not.toContain(LINK);
  });

  it.each([
    ['en-US', 'status __urgent__ reset', 'I do not know the code'],
    ['da-DK', 'fejlkode __urgent__ reset', 'Jeg kender ikke koden'],
  ])('%s: "%s" names the code without emphasis', async (locale, said, answer) => {
    await startBot({});
    const [reply] = await new Requester(running(), connector, { locale }).say(said);
    expect(reply.text).toContain(answer);
    expect(reply.text).toContain('\\_\\_urgent\\_\\_ reset');
  });

  it('a bidi override in a build does not reverse the reply', async () => {
    await startBot({});
    const [reply] = await new Requester(running(), connector).say('version exe.\u202egnp');
    expect(reply.text).toContain('exe.gnp is not a MIM Sync build');
    expect(reply.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
