/** Personal chat: a greeting gets the symptom choices; choosing PCNS event 6025 gets its advice. */
import { cardButtons, sendMessage, waitForCard } from './playground-page';
import { useScenario } from './scenario';

const scenario = useScenario('personal-symptoms');

test('"hi" -> symptom choices -> PCNS event 6025 advice', () =>
  scenario.run(async ({ page, snap }) => {
    await sendMessage(page, 'hi');

    const symptoms = await waitForCard(page, 'What goes wrong?');
    // Eight choices in two action sets: all of them visible, none folded into an overflow menu.
    expect(await cardButtons(symptoms).count()).toBe(8);
    await snap('1-choices', symptoms);

    await cardButtons(symptoms).filter({ hasText: 'PCNS event 6025' }).click();
    await symptoms.getByText('✓ You chose: PCNS event 6025', { exact: true }).waitFor();
    expect(await cardButtons(symptoms).count()).toBe(0);

    const advice = await waitForCard(page, 'Fix PCNS event 6025');
    await advice.getByText('Recommended step 5 of 7', { exact: true }).waitFor();
    return advice;
  }));
