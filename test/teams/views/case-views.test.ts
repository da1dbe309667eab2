import { advise, emptyFacts } from '../../../src/diagnosis/advise';
import { getStep } from '../../../src/diagnosis/knowledge/steps';
import { takeCase, resolveCase, type EscalationCase } from '../../../src/escalation';
import { adviceView } from '../../../src/teams/views/advice-view';
import { cardTemplateNames, expandCard, MAX_CARD_BYTES } from '../../../src/teams/views/cards';
import { caseCardView, caseFormView, noticeView, statsView } from '../../../src/teams/views/case-views';
import { welcomeView } from '../../../src/teams/views/message-views';
import { checkWithRenderer } from '../../helpers/adaptive-card-check';
import { cardNodes } from '../../helpers/replies';
import { CARD_SAMPLES } from '../../fixtures/card-samples';
import { largestCases, sampleCase } from '../../fixtures/case-samples';

const NONE = { fixed: 0, stillFailing: 0, up: 0, down: 0 };

describe('case views', () => {
  it('every card has an English and a Danish sample', () => {
    const keys = new Set(CARD_SAMPLES.map((s) => `${s.name}-${s.lang}`));
    for (const name of cardTemplateNames()) {
      expect(keys).toContain(`${name}-en`);
      expect(keys).toContain(`${name}-da`);
    }
  });

  it('renders a real case for support and for the requester as valid cards', () => {
    const c = sampleCase();
    const support = expandCard(
      'case',
      caseCardView(c, { audience: 'support', mentions: [{ id: '29:x', name: 'Olga' }] }),
    );
    const requester = expandCard('case', caseCardView(c, { audience: 'requester' }));
    for (const card of [support, requester]) {
      expect(checkWithRenderer(card)).toEqual([]);
    }
    const text = JSON.stringify(support);
    // The redaction marker, as text: Markdown punctuation in what users wrote is escaped.
    expect(text).toContain('password=\\\\[REDACTED\\\\]');
    expect(text).not.toContain('Summer2024');
    expect(JSON.stringify(requester)).not.toContain('takeCase');
    expect(JSON.stringify(requester)).not.toContain('<at>');
  });

  it('keeps the largest case the store allows under the Teams size limit', () => {
    for (const c of largestCases()) {
      const card = expandCard('case', caseCardView(c, { audience: 'support' }));
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
      expect(checkWithRenderer(card)).toEqual([]);
    }
  });

  it('offers Take only while open and Resolve until resolved', () => {
    const c = sampleCase();
    const taken = takeCase(c, { id: '29:e', name: 'Bo' }, new Date()).case;
    const resolved = resolveCase(taken, { id: '29:e', name: 'Bo' }, 'done', new Date()).case;
    const verbs = (x: EscalationCase) => {
      const view = caseCardView(x, { audience: 'support' });
      return [...view.takeButtons, ...view.resolveButtons].map((b) => b.data.verb);
    };
    expect(verbs(c)).toEqual(['takeCase', 'resolveCase']);
    expect(verbs(taken)).toEqual(['resolveCase']);
    expect(verbs(resolved)).toEqual([]);
    expect(caseCardView(resolved, { audience: 'support' }).noteLabel).toBe('');
  });

  it('builds the form, the notices and the stats as valid cards in both languages', () => {
    const form = caseFormView({
      lang: 'da',
      findings: sampleCase().findings,
      steps: [{ step: 'run-error-codes', outcome: 'still-failing' }],
      messageCount: 2,
      submissionId: '3f1c7a52-8d0e-4b7a-9c61-2f4e5d6a7b8c',
    });
    expect(form.steps).toEqual([`1. ${getStep('run-error-codes').title.da}: fejler stadig`]);
    expect(form.impacts.map((i) => i.value)).toEqual(['all-runs-blocked', 'one-ma-failing', 'question']);
    const cards = [
      expandCard('case-form', form),
      expandCard(
        'message',
        noticeView(sampleCase(), { notice: 'failed', reason: 'notInChannel' }, 'summary'),
      ),
      expandCard('list', statsView({ steps: [], resolvedBy: [], last7: NONE, last30: NONE }, 'en')),
    ];
    for (const card of cards) {
      expect(checkWithRenderer(card)).toEqual([]);
    }
  });

  it('puts the escalation commands on the help card and the button on advice only when cases can be opened', () => {
    expect(welcomeView('en', { escalation: true }).commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['escalate', 'my cases', 'delete my data']),
    );
    expect(welcomeView('da', { escalation: true }).commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['eskalér', 'mine sager', 'slet mine data']),
    );
    expect(welcomeView('en').commands.map((c) => c.title)).not.toContain('escalate');
    const advice = advise('run-error-codes', emptyFacts(), []);
    expect(
      adviceView(advice, { lang: 'en', shown: [], escalate: true }).buttons.map((b) => b.title),
    ).toContain('Escalate to support');
    expect(adviceView(advice, { lang: 'en', shown: [] }).buttons.map((b) => b.title)).not.toContain(
      'Escalate to support',
    );
  });
});

describe('what users wrote, in the support team’s cards', () => {
  it.each([
    ['en', '[Reset your password](https://evil.example/login) **now**'],
    ['da', '[Nulstil din adgangskode](https://evil.example/login) **nu**\u202Efdp.exe'],
  ] as const)('is shown as text, never as a live link or emphasis (%s)', (lang, description) => {
    const c = sampleCase({ lang, description, userMessages: [description] });
    const card = expandCard('case', caseCardView(c, { audience: 'support' }));
    const texts = [...cardNodes(card)].filter((n) => n.type === 'TextBlock').map((n) => String(n.text));
    const shown = texts.filter((text) => text.includes('evil.example'));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const text of shown) {
      expect(text).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/); // no unescaped [text](url)
      expect(text).not.toMatch(/(^|[^\\])\*\*/);
      expect(text).not.toContain('\u202E');
    }
  });
});
