import { getStep } from '../../../src/diagnosis/knowledge/steps';

/**
 * The triage dialog as a Teams user meets it, through the bot that runs it: what they type or click,
 * and what they see back (card headings, texts, buttons, links). Nothing here looks at dialog state.
 */

import { Chat, expectAdvice, headlines } from '../../helpers/triage-chat';

// ---- the specification

describe('TriageDialog: status and version commands', () => {
  it.each([
    ['status stopped-connectivity', 'run-error-codes', 'What stopped-connectivity means'],
    ['status StoppedServer', 'run-error-codes', 'What stopped-server means'],
    ['version 4.6.421.0', 'update-mim', 'You run 4.6.421.0'],
  ] as const)('"%s" shows the %s advice explaining it', async (command, step, explained) => {
    const replies = await new Chat().say(command);
    expect(headlines(replies)).toEqual([getStep(step).title.en]);
    expectAdvice(replies[0], step);
    expect(replies[0].body).toContain(explained);
  });

  it.each([
    ['version 9.9.9.9', '9.9.9.9 is not a MIM Sync build (4.x.x.x)'],
    ['status nonsense-code', 'I do not know the code "nonsense-code".'],
  ])('"%s" gets a polite "I do not know" and no card', async (command, answer) => {
    const replies = await new Chat().say(command);
    expect(replies).toHaveLength(1);
    expect(replies[0].title).toBe('');
    expect(replies[0].text).toContain(answer);
  });
});
