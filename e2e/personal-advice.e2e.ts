/**
 * Personal chat: a pasted run status gets the advice card with its documentation link; "Still
 * failing" brings the next step and a question; answering the question updates that card in place.
 */
import { cardButtons, sendMessage, waitForCard } from './playground-page';
import { until, useScenario } from './scenario';

const DOC_URL = 'https://learn.microsoft.com/en-us/microsoft-identity-manager/reference/maerrorcodes';

const scenario = useScenario('personal-advice');

test('run status -> advice -> still failing -> question answered in place', () =>
  scenario.run(async ({ page, browser, snap }) => {
    await sendMessage(page, 'ADMA delta import goes stopped-connectivity every night');

    const advice = await waitForCard(page, 'Look up the run error code');
    await advice.getByText('stopped-connectivity', { exact: true }).first().waitFor();
    // Action.OpenUrl renders as a link whose title is the URL; clicking it opens a pop-up, which
    // the loopback rule aborts, so the attempted URL is what proves where it leads.
    const docLink = advice.getByRole('link', { name: 'Open documentation' });
    expect(await docLink.getAttribute('title')).toBe(DOC_URL);
    const popup = page.context().waitForEvent('page');
    await docLink.click();
    const tab = await popup;
    await until('the documentation link to be opened', () => browser.blocked.includes(DOC_URL));
    await tab.close();
    await snap('1-advice', advice);

    await cardButtons(advice).filter({ hasText: 'Still failing' }).click();
    const next = await waitForCard(page, 'Run a recent MIM Sync build');
    await next.getByText('Recommended step 1 of 7', { exact: true }).waitFor();
    await snap('2-next-step', next);

    const question = await waitForCard(page, 'Which MIM Sync build do you run?');
    await cardButtons(question).filter({ hasText: '4.6.x (SP2)' }).click();
    // Same card, re-rendered from the invoke response: the choice shown, no buttons left to click.
    await question.getByText('✓ You chose: 4.6.x (SP2)', { exact: true }).waitFor();
    expect(await cardButtons(question).count()).toBe(0);
    // The answer moved the case on: the advice now carries the chosen build.
    await page.getByText('MIM build', { exact: true }).last().waitFor();
    return question;
  }));
