/**
 * `npm run eval -- file.jsonl [more.jsonl]`: runs the batch diagnosis over labelled messages
 * ({"id","text","lang","expect"[,"status_code"]}) and prints accuracy overall, per step and per
 * language, then the misrouted messages. Exits 1 when a file cannot be read.
 */
import * as fs from 'node:fs';
import { diagnose, toResult, type DiagnoseResult } from '../diagnosis/diagnose';

interface Labelled {
  id: string;
  text: string;
  lang: string;
  expect: string;
  status_code?: string | null;
}

interface Tally {
  right: number;
  total: number;
}

function pct({ right, total }: Tally): string {
  return total === 0 ? '-' : `${((100 * right) / total).toFixed(1)}% (${right}/${total})`;
}

function bump(map: Map<string, Tally>, key: string, ok: boolean): void {
  const t = map.get(key) ?? { right: 0, total: 0 };
  t.total++;
  if (ok) t.right++;
  map.set(key, t);
}

function readLabelled(file: string): Labelled[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const item = JSON.parse(l) as Partial<Labelled>;
      if (typeof item.text !== 'string' || typeof item.expect !== 'string') {
        throw new Error(`${file}:${i + 1}: needs "text" and "expect"`);
      }
      return {
        id: String(item.id ?? `${file}:${i + 1}`),
        text: item.text,
        lang: item.lang ?? 'en',
        expect: item.expect,
        status_code: item.status_code,
      };
    });
}

function main(): void {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('Usage: npm run eval -- messages.jsonl [more.jsonl]\n');
    process.exitCode = 2;
    return;
  }
  const overall: Tally = { right: 0, total: 0 };
  const status: Tally = { right: 0, total: 0 };
  const byStep = new Map<string, Tally>();
  const byLang = new Map<string, Tally>();
  const misses: { item: Labelled; result: DiagnoseResult }[] = [];
  const statusMisses: { item: Labelled; result: DiagnoseResult }[] = [];
  for (const file of files) {
    for (const item of readLabelled(file)) {
      const result = toResult(item.id, diagnose(item.text));
      const ok = result.step === item.expect;
      overall.total++;
      if (ok) overall.right++;
      else misses.push({ item, result });
      bump(byStep, item.expect, ok);
      bump(byLang, item.lang, ok);
      if (item.status_code !== undefined) {
        status.total++;
        if ((item.status_code ?? null) === result.statusCode) status.right++;
        else statusMisses.push({ item, result });
      }
    }
  }
  const out: string[] = [];
  out.push(`top-1 accuracy: ${pct(overall)}`);
  if (status.total > 0) out.push(`statusCode accuracy: ${pct(status)}`);
  out.push('', 'per language:');
  for (const [lang, tally] of [...byLang].sort()) out.push(`  ${lang.padEnd(24)} ${pct(tally)}`);
  out.push('', 'per expected step:');
  for (const [step, tally] of [...byStep].sort()) out.push(`  ${step.padEnd(24)} ${pct(tally)}`);
  out.push('', `misrouted (${misses.length}):`);
  for (const { item, result } of misses) {
    out.push(
      `  ${item.id} [${item.lang}] expected ${item.expect}, got ${result.step} (candidates ${result.candidates.join(', ') || '-'})`,
    );
    out.push(`    ${item.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  if (statusMisses.length > 0) {
    out.push('', `wrong statusCode (${statusMisses.length}):`);
    for (const { item, result } of statusMisses) {
      out.push(`  ${item.id} expected ${item.status_code ?? 'null'}, got ${result.statusCode ?? 'null'}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
