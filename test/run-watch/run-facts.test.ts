import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRunHistory } from '../../src/diagnosis/readers';
import { MAX_ERROR_GROUPS, runFactsOf } from '../../src/run-watch/run-facts';

const FIXTURE = fs.readFileSync(
  path.join(__dirname, '..', 'fixtures', 'readers', 'run-history-one-run.xml'),
  'utf8',
);
const factsOf = (xml: string) => runFactsOf(readRunHistory(xml).runs[0]);

describe('the facts an alert keeps of a run', () => {
  it('name the MA, profile and run, end at the last step’s end, and take the worst step', () => {
    expect(factsOf(FIXTURE)).toMatchObject({
      maId: '{3F2A9C41-7B1E-4C55-9E0A-2D6B8F1C0A11}',
      maName: 'CONTOSO-ADMA',
      profile: 'Full Import and Full Sync',
      number: 412,
      endedAt: '2024-03-14T01:31:07.615Z',
      result: 'completed-discovery-errors',
      failedStep: { number: 1, type: 'full-import', result: 'completed-discovery-errors' },
    });
  });

  it('group the errors of all steps by type, largest first, with the first object as the example', () => {
    const facts = factsOf(FIXTURE);
    expect(facts.errors.length).toBeLessThanOrEqual(MAX_ERROR_GROUPS);
    expect(facts.errors[0]).toEqual({
      errorType: 'extension-dll-exception',
      count: 3,
      exampleDn: 'CN=Jane Doe,OU=Staff,DC=corp,DC=contoso,DC=com',
      cdErrorCode: null,
      errorText: null,
    });
    expect(facts.totalErrors).toBe(6);
  });

  it('carry the diagnosis of the run’s own codes', () => {
    expect(factsOf(FIXTURE).step).toBe('run-error-codes');
  });

  it('say nothing failed for a run whose steps succeeded', () => {
    const ok = FIXTURE.replace(/<step-result>[a-z-]+<\/step-result>/g, '<step-result>success</step-result>');
    expect(factsOf(ok)).toMatchObject({ result: 'success', failedStep: null });
  });

  it('keep the first error text of a group and a failed connection of the failed step', () => {
    const xml = FIXTURE.replace(
      '<error-type>duplicate-object</error-type>',
      '<error-type>duplicate-object</error-type><cd-error><error-code>0x8023134a</error-code><error-literal>The object   already exists.</error-literal></cd-error>',
    ).replace(
      '<connection-result>success</connection-result>',
      '<connection-result>failed-connection</connection-result>',
    );
    const facts = factsOf(xml);
    expect(facts.errors.find((e) => e.errorType === 'duplicate-object')).toMatchObject({
      cdErrorCode: '0x8023134a',
      errorText: 'The object already exists.',
    });
    expect(facts.connection).toEqual({ result: 'failed-connection', server: 'DC01.corp.contoso.com:389' });
  });
});
