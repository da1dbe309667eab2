import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnoseResult } from '../../src/diagnosis/diagnose';
import { isStepId, type StepId } from '../../src/diagnosis/types';
import { PRODUCTS } from '../../src/diagnosis/knowledge/products';
import { t } from '../../src/i18n';
import { personalMessage } from '../helpers/activities';
import { useConnectorStub } from '../helpers/connector-stub';
import { postActivity, useEdgeBot } from '../helpers/edge-harness';
import { postedMessages, seeActivity } from '../helpers/replies';

/**
 * One pipeline: a message sent to the bot over HTTP and the same message through `diagnose --jsonl`
 * end in the same outcome: the same step answered, the same steps offered, or neither.
 */

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const stub = useConnectorStub();
const h = useEdgeBot({ RATE_LIMIT_PER_USER: 'off', RATE_LIMIT_PER_CONVERSATION: 'off' });

interface Item {
  id: string;
  text: string;
}

type Outcome =
  | { kind: 'answer'; step: StepId }
  | { kind: 'clarify'; candidates: StepId[] }
  | { kind: 'out-of-scope' }
  | { kind: 'no-signal' };

function readItems(file: string, count: number): Item[] {
  return readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, count)
    .map((line) => JSON.parse(line) as Item);
}

const ITEMS: Item[] = [
  ...readItems('eval/dev-utterances.jsonl', 22),
  ...readItems('eval/tuning2.jsonl', 150),
  { id: 'html', text: '<p>ADMA delta import ends in <b>stopped-connectivity</b>&nbsp;every night</p>' },
  { id: 'greeting', text: 'hi' },
  {
    id: 'neighbour',
    text: 'Azure AD Connect sync cycle fails with stopped-extension-dll-exception in the AAD connector',
  },
];

/** `npm run diagnose -- --jsonl` as a user runs it, on all items at once. */
function diagnoseJsonl(items: Item[]): Promise<Map<string, DiagnoseResult>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), 'src/cli/diagnose.ts', '--jsonl'],
      {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`diagnose exited ${code}`));
      const results = out
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as DiagnoseResult);
      resolve(new Map(results.map((r) => [r.id, r])));
    });
    child.stdin.end(items.map((item) => JSON.stringify(item)).join('\n'));
  });
}

function fromJsonl(result: DiagnoseResult): Outcome {
  switch (result.kind) {
    case 'answer':
      return { kind: 'answer', step: result.step as StepId };
    case 'clarify':
      return { kind: 'clarify', candidates: result.candidates };
    default:
      return { kind: result.kind };
  }
}

/** What the bot did, read off its replies as a user sees them. */
async function fromBot(item: Item, n: number): Promise<Outcome> {
  stub.reset();
  // A user of their own per message: each starts a fresh case.
  const res = await postActivity(
    h.baseUrl,
    personalMessage(item.text, { serviceUrl: stub.serviceUrl, userId: `29:pipeline-${n}` }),
  );
  expect(res.status).toBe(200);
  const seen = postedMessages(stub).map((r) => seeActivity(r.body as never));
  const buttons = seen.flatMap((s) => s.buttons);
  const advice = buttons.find((b) => b.data.verb === 'fixed');
  if (advice) return { kind: 'answer', step: advice.data.step as StepId };
  const question = String(buttons.find((b) => b.data.verb === 'answer')?.data.questionId ?? '');
  if (question.startsWith('clarify#')) {
    const choices = buttons.filter((b) => b.data.verb === 'answer').map((b) => String(b.data.choice));
    return { kind: 'clarify', candidates: choices.filter(isStepId) };
  }
  if (question.startsWith('symptom#')) return { kind: 'no-signal' };
  // The general answer, or the one naming a neighbouring product.
  const outOfScope = (['en', 'da'] as const).flatMap((lang) => [
    t(lang, 'reply.outOfScope.title'),
    ...PRODUCTS.map((p) => t(lang, 'reply.outOfScope.product.title', { product: p.name })),
  ]);
  if (seen.some((s) => outOfScope.includes(s.title))) return { kind: 'out-of-scope' };
  throw new Error(`${item.id}: no outcome recognised in ${JSON.stringify(seen)}`);
}

describe('the bot and diagnose --jsonl', () => {
  it('reach the same outcome for every message', async () => {
    const batch = await diagnoseJsonl(ITEMS);
    const kinds = new Set<string>();
    for (const [n, item] of ITEMS.entries()) {
      const result = batch.get(item.id);
      if (!result) throw new Error(`diagnose gave no line for ${item.id}`);
      const expected = fromJsonl(result);
      kinds.add(expected.kind);
      expect({ id: item.id, ...(await fromBot(item, n)) }).toEqual({ id: item.id, ...expected });
    }
    // The set exercises every way the bot can go.
    expect([...kinds].sort()).toEqual(['answer', 'clarify', 'no-signal', 'out-of-scope']);
  });
});
