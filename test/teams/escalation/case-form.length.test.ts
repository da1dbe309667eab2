import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_DESCRIPTION } from '../../../src/escalation';
import { supportEnv } from '../../helpers/escalation-bot';
import { Requester } from '../../helpers/escalation-flow';
import { useEscalationRuntime } from '../../helpers/escalation-runtime';

/** The case form's description limit and what the case keeps agree. Over HTTP. */

jest.setTimeout(30_000);

const { connector, startBot, running, caseOf } = useEscalationRuntime();

function formMaxLength(): number {
  const card = JSON.parse(readFileSync(join(__dirname, '../../../cards/case-form.json'), 'utf8')) as unknown;
  const found: number[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.id === 'description' && typeof record.maxLength === 'number') found.push(record.maxLength);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found[0] ?? -1;
}

describe('the description of a case', () => {
  it('is limited on the form to what the case keeps', () => {
    expect(formMaxLength()).toBe(MAX_DESCRIPTION);
  });

  it('a longer one sent past the form (an old client, a hand-made payload) is kept to the same length', async () => {
    await startBot(supportEnv(connector.serviceUrl));
    const ada = new Requester(running(), connector);
    const { submissionId } = await ada.walkToForm();
    await ada.submit(submissionId, 'x'.repeat(450));
    const stored = await caseOf('MSD-1001');
    expect(stored?.description.length).toBeLessThanOrEqual(formMaxLength());
    expect(stored?.description.startsWith('x'.repeat(150))).toBe(true);
  });
});
