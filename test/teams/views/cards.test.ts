import { Template } from 'adaptivecards-templating';
import { parseCardAction } from '../../../src/teams/actions';
import type { AdviceView, CardName, QuestionView } from '../../../src/teams/views/card-views';
import {
  cardAttachment,
  cardTemplateNames,
  expandCard,
  expandCardDirectly,
  MAX_CARD_BYTES,
  type CardNodeJson,
} from '../../../src/teams/views/cards';
import { ALL_CARD_SAMPLES, CARD_SAMPLES, type AnyCardSample } from '../../fixtures/card-samples';
import { checkWithRenderer } from '../../helpers/adaptive-card-check';

function expandSample(sample: AnyCardSample) {
  // The union is correlated by `name`; TypeScript cannot see that through the generic call.
  return expandCard(sample.name, sample.view as never);
}

/** Every object in the card, depth first, so checks do not depend on the template layout. */
function allNodes(value: unknown, out: CardNodeJson[] = []): CardNodeJson[] {
  if (Array.isArray(value)) {
    for (const v of value) allNodes(v, out);
  } else if (typeof value === 'object' && value !== null) {
    const node = value as CardNodeJson;
    if (typeof node.type === 'string') out.push(node);
    for (const [key, v] of Object.entries(node)) if (key !== 'data') allNodes(v, out);
  }
  return out;
}

function actionLists(card: CardNodeJson): CardNodeJson[][] {
  const lists: CardNodeJson[][] = [];
  for (const node of [card, ...allNodes(card.body)]) {
    if (Array.isArray(node.actions)) lists.push(node.actions as CardNodeJson[]);
  }
  return lists;
}

function sample(id: string): AnyCardSample {
  const found = ALL_CARD_SAMPLES.find((s) => s.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found;
}

/** Every view type of card-views.ts, once: the compiler rejects a missing or an unknown name. */
const VIEW_TYPES = {
  welcome: true,
  question: true,
  advice: true,
  message: true,
  error: true,
  'case-form': true,
  case: true,
  list: true,
  'run-alert': true,
} satisfies Record<CardName, true>;

describe('the card templates', () => {
  it('are exactly the view types: every template in cards/ has one, and every view type a template', () => {
    expect(cardTemplateNames()).toEqual(Object.keys(VIEW_TYPES).sort());
  });
});

describe('card samples', () => {
  it('cover every card in English and Danish', () => {
    const keys = new Set(CARD_SAMPLES.map((s) => `${s.name}-${s.lang}`));
    for (const name of ['welcome', 'question', 'advice', 'message', 'error']) {
      expect(keys).toContain(`${name}-en`);
      expect(keys).toContain(`${name}-da`);
    }
  });
});

describe.each(ALL_CARD_SAMPLES.map((s) => [s.id, s] as const))('%s', (_id, s) => {
  const card = expandSample(s);
  const json = JSON.stringify(card);

  it('expands completely and stays under the Teams size limit', () => {
    expect(json).not.toContain('${');
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(MAX_CARD_BYTES);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
  });

  it('is valid for the official renderer', () => {
    expect(checkWithRenderer(card)).toEqual([]);
  });

  it('has wrapping, non-empty text blocks', () => {
    for (const node of allNodes(card).filter((n) => n.type === 'TextBlock')) {
      expect(node.wrap).toBe(true);
      expect(typeof node.text).toBe('string');
      expect(node.text).not.toBe('');
    }
  });

  it('sends a well-formed payload object from every submit button', () => {
    const submits = allNodes(card).filter((n) => n.type === 'Action.Execute');
    for (const action of submits) {
      expect(typeof action.data).toBe('object');
      expect(action.data).not.toBeNull();
      expect(typeof (action.data as { verb?: unknown }).verb).toBe('string');
      // The bot will accept exactly what the card sends.
      expect(parseCardAction(action.data)).toEqual(action.data);
      expect(typeof action.title).toBe('string');
    }
  });

  it('has no action set with more than 6 actions', () => {
    for (const list of actionLists(card)) expect(list.length).toBeLessThanOrEqual(6);
  });

  if (s.name === 'advice') {
    it('links the documentation exactly once', () => {
      const links = allNodes(card).filter((n) => n.type === 'Action.OpenUrl');
      expect(links).toHaveLength(1);
      expect(links[0].url).toBe((s.view as AdviceView).docUrl);
      expect(links[0].title).toBe((s.view as AdviceView).docLabel);
    });
  }
});

describe('template details', () => {
  it('splits question choices into one action set per group', () => {
    const s = sample('question-en');
    const view = s.view as QuestionView;
    const card = expandSample(s);
    const sets = allNodes(card.body).filter((n) => n.type === 'ActionSet');
    expect(sets.map((set) => (set.actions as unknown[]).length)).toEqual(
      view.groups.map((g) => g.buttons.length),
    );
    expect(sets.flatMap((set) => set.actions as CardNodeJson[]).map((a) => a.data)).toEqual(
      view.groups.flatMap((g) => g.buttons.map((b) => b.data)),
    );
  });

  it('shows recognised facts, sections and the note only when present', () => {
    const full = JSON.stringify(expandSample(sample('advice-en')));
    const fullView = sample('advice-en').view as AdviceView;
    expect(full).toContain(fullView.recognisedLabel);
    expect(full).toContain(fullView.note);
    expect(full).toContain(fullView.sections[0].title);

    const minimal = expandSample(sample('advice-minimal'));
    const types = allNodes(minimal.body).map((n) => n.type);
    expect(types).not.toContain('FactSet');
    expect(JSON.stringify(minimal)).not.toContain(
      (sample('advice-minimal').view as AdviceView).recognisedLabel,
    );
    // Only the doc link is left when there are no buttons.
    expect(minimal.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });

  it('numbers the advice actions', () => {
    const s = sample('advice-da');
    const json = JSON.stringify(expandSample(s));
    for (const a of (s.view as AdviceView).actions) {
      expect(json).toContain(`"${a.n}."`);
      expect(json).toContain(JSON.stringify(a.text));
    }
  });

  it('hands out cards nobody can edit, so a card expanded once stays right for the next user', () => {
    const s = sample('message-en');
    const first = expandSample(s);
    expect(() => first.body?.push({ type: 'TextBlock', text: 'mutated' })).toThrow(TypeError);
    expect(() => {
      (first.body![0] as CardNodeJson).text = 'mutated';
    }).toThrow(TypeError);
    expect(JSON.stringify(expandSample(s))).not.toContain('mutated');
  });

  it('expands a view it has seen before only once, and a different view again', () => {
    const expand = jest.spyOn(Template.prototype, 'expand');
    try {
      const view: QuestionView = { ...(sample('question-en').view as QuestionView), title: 'Once only?' };
      const first = expandCard('question', view);
      const again = expandCard('question', { ...view });
      expect(again).toEqual(first);
      expect(expand).toHaveBeenCalledTimes(1);
      const other = expandCard('question', { ...view, title: 'Another one' });
      expect(expand).toHaveBeenCalledTimes(2);
      expect(JSON.stringify(other)).toContain('Another one');
      expect(JSON.stringify(other)).not.toContain('Once only?');
    } finally {
      expand.mockRestore();
    }
  });

  it('expands a question once for everyone it is shown to, each card carrying its own user and question', () => {
    const expand = jest.spyOn(Template.prototype, 'expand');
    try {
      const base = { ...(sample('question-en').view as QuestionView), title: 'Shown to many' };
      const forUser = (n: number, name = `Admin ${n}`): QuestionView => ({
        ...base,
        questionId: `symptom#${n}`,
        groups: base.groups.map((g) => ({
          ...g,
          buttons: g.buttons.map((b) => ({
            ...b,
            data: { ...b.data, questionId: `symptom#${n}`, for: `29:user-${n}`, forName: name },
          })),
        })),
      });
      const cards = [1, 2, 3].map((n) => expandCard('question', forUser(n)));
      expect(expand).toHaveBeenCalledTimes(1);
      // A name that holds the stand-in mark itself is expanded as it is, never mixed up.
      const odd = expandCard('question', forUser(4, 'Ada \uE0000\uE000'));
      expect(JSON.stringify(odd)).toContain('Ada \uE0000\uE000');
      expect(JSON.stringify(odd)).not.toContain('symptom#1"');
      cards.forEach((card, i) => {
        const n = i + 1;
        expect(card).toEqual(expandCardDirectly('question', forUser(n)));
        const payloads = allNodes(card).flatMap((node) => (node.data ? [node.data] : []));
        expect(payloads.length).toBeGreaterThan(0);
        for (const data of payloads)
          expect(data).toMatchObject({ for: `29:user-${n}`, forName: `Admin ${n}` });
      });
    } finally {
      expand.mockRestore();
    }
  });

  it.each(ALL_CARD_SAMPLES.map((s) => [s.id, s] as const))(
    'gives the same %s card as a direct expansion of its view',
    (_id, s) => {
      expect(expandSample(s)).toEqual(expandCardDirectly(s.name, s.view as never));
    },
  );

  it('shortens a huge recognised value instead of failing', () => {
    const view: AdviceView = {
      ...(sample('advice-en').view as AdviceView),
      recognised: [
        { title: 'Stack trace', value: 'at Contoso.Mms.Extension.MapAttributesForImport() '.repeat(200) },
      ],
    };
    const card = expandCard('advice', view);
    const facts = allNodes(card.body).find((n) => n.type === 'FactSet')?.facts as { value: string }[];
    expect(facts[0].value.length).toBeLessThanOrEqual(300);
    expect(facts[0].value.endsWith('…')).toBe(true);
    expect(checkWithRenderer(card)).toEqual([]);
  });

  it('refuses a card over the Teams size limit with a clear error', () => {
    const view: AdviceView = {
      ...(sample('advice-en').view as AdviceView),
      sections: Array.from({ length: 40 }, (_, i) => ({ title: `Section ${i}`, items: ['x'.repeat(1500)] })),
    };
    expect(() => expandCard('advice', view)).toThrow(/bytes after expansion; Teams accepts at most/);
  });

  it('wraps the card as a Bot Framework attachment', () => {
    const s = sample('welcome-en');
    const attachment = cardAttachment('welcome', s.view as never);
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content).toEqual(expandSample(s));
  });
});

describe('the checkers can fail', () => {
  const base = { type: 'AdaptiveCard', version: '1.5' };

  it('renderer reports an unknown element type', () => {
    const problems = checkWithRenderer({ ...base, body: [{ type: 'Fancy', text: 'x' }] });
    expect(problems.join('\n')).toMatch(/Unknown element type "Fancy"/);
  });

  it('renderer reports a bad enum value', () => {
    const problems = checkWithRenderer({ ...base, body: [{ type: 'TextBlock', text: 'x', size: 'Huge' }] });
    expect(problems.join('\n')).toMatch(/Invalid value "Huge"/);
  });
});
