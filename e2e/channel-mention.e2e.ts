/** Team channel: @mentioning the bot with a pasted error in General gets the answer in that thread. */
import { openChat, postMentioningBot, threadWith, waitForCard } from './playground-page';
import { useScenario } from './scenario';

const PASTED_ERROR =
  'Export on the FIM Service MA: failed-creation-via-web-services ValueViolatesUniqueness on 40 objects';

const scenario = useScenario('channel-mention');

test('@mention in General -> advice in the same thread', () =>
  scenario.run(async ({ page }) => {
    await openChat(page, 'General');
    await page.getByText('Start a new post', { exact: true }).waitFor();
    await postMentioningBot(page, PASTED_ERROR);

    const thread = threadWith(page, PASTED_ERROR);
    const advice = await waitForCard(
      thread,
      'Resolve failed-creation-via-web-services on the FIM Service MA',
    );
    await advice.getByText('failed-creation-via-web-services', { exact: true }).first().waitFor();
    return thread;
  }));
