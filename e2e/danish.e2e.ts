/** Personal chat in Danish: a Danish description gets a Danish answer. */
import { cardButtons, sendMessage, waitForCard } from './playground-page';
import { useScenario } from './scenario';

const scenario = useScenario('danish');

test('Danish message -> Danish advice', () =>
  scenario.run(async ({ page }) => {
    await sendMessage(page, 'fuld synkronisering på FIM MA hænger i timevis');

    const advice = await waitForCard(page, 'Gør en langsom fuld synkronisering hurtigere (TempDB)');
    await advice.getByText('Det skal du gøre', { exact: true }).waitFor();
    await cardButtons(advice).filter({ hasText: 'Fejler stadig' }).waitFor();
    await advice.getByRole('link', { name: 'Åbn dokumentationen' }).waitFor();
    return advice;
  }));
