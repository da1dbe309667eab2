import { cardToText } from '../../src/cli/card-text';
import type { AdviceView, QuestionView, WelcomeView } from '../../src/teams/views/card-views';
import { expandCard } from '../../src/teams/views/cards';
import { ALL_CARD_SAMPLES, type AnyCardSample } from '../fixtures/card-samples';

function sample(id: string): AnyCardSample {
  const found = ALL_CARD_SAMPLES.find((s) => s.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found;
}

describe('cardToText', () => {
  it.each(['advice-en', 'advice-da'])('renders the %s advice card', (id) => {
    const view = sample(id).view as AdviceView;
    const { text, choices } = cardToText(expandCard('advice', view));

    expect(text).toContain(view.title);
    expect(text).toContain(view.kicker);
    expect(text).toContain(`${view.recognised[0].title}: ${view.recognised[0].value}`);
    expect(text).toContain(`• ${view.sections[1].items[0]}`);
    for (const a of view.actions) expect(text).toContain(`${a.n}. ${a.text}`);
    expect(text).toContain(view.why);
    expect(text).toContain(view.note);
    expect(text).toContain(`${view.docLabel}: ${view.docUrl}`);

    view.buttons.forEach((b, i) => expect(text).toContain(`[${i + 1}] ${b.title}`));
    expect(choices).toEqual(view.buttons.map((b) => ({ title: b.title, data: b.data })));
    expect(text).not.toMatch(/\n\n\n/);
  });

  it('numbers the question choices across action sets', () => {
    const view = sample('question-en').view as QuestionView;
    const { text, choices } = cardToText(expandCard('question', view));
    const buttons = view.groups.flatMap((g) => g.buttons);

    expect(text).toContain(view.title);
    expect(text).toContain(view.prompt);
    expect(text).toContain(view.hint);
    expect(choices).toHaveLength(8);
    buttons.forEach((b, i) => expect(text).toContain(`[${i + 1}] ${b.title}`));
    expect(choices.map((c) => c.data)).toEqual(buttons.map((b) => b.data));
    // The hint comes after the choices, as on the card.
    expect(text.indexOf(view.hint)).toBeGreaterThan(text.indexOf('[8]'));
  });

  it('renders the welcome commands as facts', () => {
    const view = sample('welcome-da').view as WelcomeView;
    const { text } = cardToText(expandCard('welcome', view));
    for (const c of view.commands) expect(text).toContain(`${c.title}: ${c.value}`);
    for (const e of view.examples) expect(text).toContain(e);
  });

  it('handles generic elements it was not written for', () => {
    const { text, choices } = cardToText({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'hidden', isVisible: false },
        {
          type: 'ColumnSet',
          columns: [
            { type: 'Column', items: [{ type: 'TextBlock', text: 'left' }] },
            { type: 'Column', items: [{ type: 'FactSet', facts: [{ title: 'Key:', value: 'v' }] }] },
          ],
        },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Run', data: { verb: 'help' } }] },
      ],
    });
    expect(text).not.toContain('hidden');
    expect(text).toContain('left Key: v');
    expect(text).toContain('[1] Run');
    expect(choices).toEqual([{ title: 'Run', data: { verb: 'help' } }]);
  });
});
