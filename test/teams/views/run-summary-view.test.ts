import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandCard } from '../../../src/teams/views/cards';
import { runSummaryView } from '../../../src/teams/views/run-summary-view';
import { fixtureRunFacts } from '../../fixtures/run-alert-samples';
import { cardText } from '../../helpers/escalation-flow';
import { Chat } from '../../helpers/triage-chat';

/** The run summary: one view for the advice card on a pasted run history and for the run alert. */

const ONE_RUN = readFileSync(join(__dirname, '../../fixtures/readers/run-history-one-run.xml'), 'utf8');

describe('the run summary', () => {
  it('names the MA, profile and run, the failed step, and the largest error groups with an example', () => {
    const view = runSummaryView(fixtureRunFacts(), 'en');
    expect(view.heading).toBe('CONTOSO-ADMA · Full Import and Full Sync · run #412');
    expect(view.facts).toContainEqual({
      title: 'Failed step',
      value: 'Step 1 (full-import): completed-discovery-errors',
    });
    expect(view.errorsLabel).toBe('Errors (6 in all)');
    expect(view.errors[0]).toMatch(/^extension-dll-exception × 3, for example CN=Jane Doe/);
  });

  it('is in Danish too', () => {
    const view = runSummaryView(fixtureRunFacts(), 'da');
    expect(view.heading).toBe('CONTOSO-ADMA · Full Import and Full Sync · kørsel #412');
    expect(view.errorsLabel).toBe('Fejl (6 i alt)');
  });

  it('stays within the card size limit however many errors and however long their texts', () => {
    const facts = fixtureRunFacts();
    const many = {
      ...facts,
      totalErrors: 50_000,
      errors: facts.errors.map((e) => ({
        ...e,
        count: 16_000,
        errorText: 'x'.repeat(5000),
        exampleDn: `CN=${'y'.repeat(3000)}`,
      })),
    };
    const summary = runSummaryView(many, 'en');
    const card = expandCard('run-alert', {
      mentionText: '',
      mentions: [],
      kicker: 'k',
      title: 't',
      status: 's',
      statusColor: 'Attention',
      onIt: '',
      caseLine: '',
      muted: '',
      facts: summary.facts,
      errorsLabel: summary.errorsLabel,
      errors: summary.errors,
      diagnosisLabel: 'd',
      diagnosis: 'd',
      links: [],
      buttons: [],
    });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    expect(cardText(card)).toContain('Errors (50000 in all)');
  });

  it('tops the advice card for a run history pasted in chat', async () => {
    const replies = await new Chat().say(ONE_RUN);
    const advice = replies.at(-1);
    expect(advice?.body).toContain('CONTOSO-ADMA · Full Import and Full Sync · run #412');
    expect(advice?.body).toContain('extension-dll-exception × 3, for example CN=Jane Doe');
  });

  it('is left out for a message without a run history', async () => {
    const replies = await new Chat().say('ADMA delta import stopped-connectivity');
    expect(replies.at(-1)?.body).not.toContain(' · run #');
  });
});
