import type { AdviceView } from '../../src/teams/views/card-views';
import { expandCard } from '../../src/teams/views/cards';
import { ALL_CARD_SAMPLES } from '../fixtures/card-samples';
import { escalationCards } from '../fixtures/case-samples';
import { checkWithSchema } from './helpers/card-schema';

describe('every card against the official Adaptive Card 1.5 schema', () => {
  it.each(ALL_CARD_SAMPLES.map((s) => [s.id, s] as const))('sample %s', (_id, s) => {
    // The union is correlated by `name`; TypeScript cannot see that through the generic call.
    expect(checkWithSchema(expandCard(s.name, s.view as never))).toEqual([]);
  });

  it.each(escalationCards())('%s', (_name, card) => {
    expect(checkWithSchema(card)).toEqual([]);
  });

  it('an advice card whose recognised value had to be shortened', () => {
    const advice = ALL_CARD_SAMPLES.find((s) => s.id === 'advice-en');
    if (!advice) throw new Error('no advice-en sample');
    const view: AdviceView = {
      ...(advice.view as AdviceView),
      recognised: [
        { title: 'Stack trace', value: 'at Contoso.Mms.Extension.MapAttributesForImport() '.repeat(200) },
      ],
    };
    expect(checkWithSchema(expandCard('advice', view))).toEqual([]);
  });
});

describe('the schema check can fail', () => {
  const base = { type: 'AdaptiveCard', version: '1.5' };

  it('reports a TextBlock without text', () => {
    const problems = checkWithSchema({ ...base, body: [{ type: 'TextBlock', wrap: true }] });
    expect(problems.join('\n')).toMatch(/must have required property 'text'/);
  });

  it('reports an unknown property and an unexpanded enum', () => {
    expect(checkWithSchema({ ...base, body: [{ type: 'TextBlock', text: 'x', colour: 'red' }] })).not.toEqual(
      [],
    );
    expect(
      checkWithSchema({ ...base, body: [{ type: 'TextBlock', text: 'x', size: '${size}' }] }),
    ).not.toEqual([]);
  });

  it('accepts msteams width Full but nothing else there', () => {
    expect(checkWithSchema({ ...base, msteams: { width: 'Full' }, body: [] })).toEqual([]);
    expect(checkWithSchema({ ...base, msteams: { width: 'Wide' }, body: [] })).not.toEqual([]);
  });
});
