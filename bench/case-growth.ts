/**
 * `npm run bench:cases`: what opening a case costs as the store fills up. Opens BENCH_CASES
 * (3000) cases on the file storage the bot uses (fsync on), from BENCH_PEOPLE (300) requesters,
 * each with its support card and requester notice queued, claimed and completed as the outbox
 * runner does. Prints the median time per case for the first ten, around the middle and the last
 * ten, and the largest document each key family ever wrote: all should stay flat.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeFindings, type CaseInput } from '../src/escalation/case';
import { CaseStore } from '../src/escalation/case-store';
import { StorageOutbox } from '../src/escalation/outbox';
import { FileStorage } from '../src/state/file-storage';

const CASES = Number(process.env.BENCH_CASES ?? 3000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300);

/** FileStorage remembering the largest document written per key family ("escalation/cases", ...). */
class SizingStorage extends FileStorage {
  readonly largest = new Map<string, number>();
  override async write(changes: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      const family = key.replace(/\/[^/]+$/, '').replace(/\/\d+(?=\/|$)/g, '/<hour>');
      this.largest.set(family, Math.max(this.largest.get(family) ?? 0, JSON.stringify(value).length));
    }
    await super.write(changes as never);
  }
}

function caseInput(i: number): CaseInput {
  return {
    requester: {
      id: `29:bench-user-${i % PEOPLE}`,
      name: 'Bench User',
      aadObjectId: null,
      tenantId: null,
      conversationReference: null,
    },
    lang: 'en',
    description: `Export to AD stopped (${i})`,
    impact: 'one-ma-failing',
    findings: summarizeFindings({ findings: [], mimBuild: null, connector: null, statusCode: null }, null),
    steps: [],
    userMessages: [`run ${i} says stopped-extension-dll-exception`],
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'msd-case-growth-'));
  try {
    const storage = new SizingStorage({ dir });
    const cases = new CaseStore(storage);
    const outbox = new StorageOutbox(storage);
    await cases.init();
    const times: number[] = [];
    for (let i = 0; i < CASES; i++) {
      const start = process.hrtime.bigint();
      const { case: c } = await cases.createCase(caseInput(i), `bench-${i}`, 1000);
      const target = { conversationId: '19:support' };
      await outbox.enqueue({ kind: 'case-card', caseId: c.id, payload: {}, target }, `${c.id}/card`);
      await outbox.enqueue(
        { kind: 'requester-notice', caseId: c.id, payload: {}, target: null },
        `${c.id}/notice`,
      );
      for (const d of await outbox.claim('bench', Date.now(), 30_000, 10)) await outbox.complete(d.id, null);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const mid = Math.floor(CASES / 2);
    const slices: [string, number[]][] = [
      ['cases 1-10', times.slice(0, 10)],
      [`cases ${mid - 4}-${mid + 5}`, times.slice(mid - 5, mid + 5)],
      [`cases ${CASES - 9}-${CASES}`, times.slice(-10)],
    ];
    process.stdout.write(`Opened ${CASES} cases from ${PEOPLE} requesters on FileStorage (fsync on).\n`);
    for (const [name, slice] of slices) {
      process.stdout.write(`${name.padEnd(20)} median ${median(slice).toFixed(2)} ms per case\n`);
    }
    process.stdout.write(`${'all'.padEnd(20)} median ${median(times).toFixed(2)} ms per case\n`);
    process.stdout.write('Largest document written, per key family (characters of JSON):\n');
    for (const [family, size] of [...storage.largest].sort()) {
      process.stdout.write(`  ${family.padEnd(32)} ${size}\n`);
    }
    process.stdout.write(`Cases listed: ${(await cases.list()).length}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
