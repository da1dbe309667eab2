/**
 * `npm run eval -- file.jsonl [more.jsonl]`: runs every labelled message
 * ({"id","text","lang","expect"[,"status_code"]}) through the bot's own pipeline and prints, per
 * file: top-1 accuracy overall, per language and per expected step; how often the bot would ask;
 * how many out-of-scope messages it answered with a step; run-status extraction; the misrouted ids;
 * with several files, the main figures of all of them together.
 * A file under a `blind/` folder is a blind holdout: only figures and ids are printed, never a text.
 * `--json` prints the figures as one JSON object per file instead. Exits 1 when a file cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnose, toResult, type DiagnoseResult } from '../diagnosis/diagnose';
import { cleanText } from '../teams/input/read-input';
import { runCli } from './run-cli';

export interface Labelled {
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

interface Miss {
  id: string;
  lang: string;
  expect: string;
  result: DiagnoseResult;
  text: string;
}

interface SetFigures {
  set: string;
  blind: boolean;
  top1: Tally;
  byLang: Record<string, Tally>;
  byStep: Record<string, Tally>;
  /** Messages the bot would answer with a question (kind clarify). */
  asked: Tally;
  /** Out-of-scope messages the bot answered with a step anyway. */
  outOfScopeGivenStep: Tally;
  /** Messages labelled with a run status (or explicitly none): was it read right? */
  statusCode: Tally;
  misses: Miss[];
  statusMisses: { id: string; expected: string | null; got: string | null }[];
}

function pct({ right, total }: Tally): string {
  return total === 0 ? '-' : `${((100 * right) / total).toFixed(1)}% (${right}/${total})`;
}

function bump(map: Record<string, Tally>, key: string, ok: boolean): void {
  const t = (map[key] ??= { right: 0, total: 0 });
  t.total++;
  if (ok) t.right++;
}

function count(t: Tally, hit: boolean): void {
  t.total++;
  if (hit) t.right++;
}

export function readLabelled(file: string): Labelled[] {
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

/** A blind holdout lives under a `blind/` folder: nobody tuning the bot reads its texts. */
function isBlind(file: string): boolean {
  return path.normalize(file).split(path.sep).includes('blind');
}

function measure(file: string): SetFigures {
  const figures: SetFigures = {
    set: file,
    blind: isBlind(file),
    top1: { right: 0, total: 0 },
    byLang: {},
    byStep: {},
    asked: { right: 0, total: 0 },
    outOfScopeGivenStep: { right: 0, total: 0 },
    statusCode: { right: 0, total: 0 },
    misses: [],
    statusMisses: [],
  };
  for (const item of readLabelled(file)) {
    const result = toResult(item.id, diagnose(cleanText(item.text)));
    const ok = result.step === item.expect;
    count(figures.top1, ok);
    bump(figures.byLang, item.lang, ok);
    bump(figures.byStep, item.expect, ok);
    count(figures.asked, result.kind === 'clarify');
    if (item.expect === 'out-of-scope') count(figures.outOfScopeGivenStep, result.kind === 'answer');
    if (!ok)
      figures.misses.push({ id: item.id, lang: item.lang, expect: item.expect, result, text: item.text });
    if (item.status_code !== undefined) {
      const expected = item.status_code ?? null;
      count(figures.statusCode, expected === result.statusCode);
      if (expected !== result.statusCode)
        figures.statusMisses.push({ id: item.id, expected, got: result.statusCode });
    }
  }
  return figures;
}

function report(f: SetFigures): string {
  const out: string[] = [];
  out.push(`== ${f.set}${f.blind ? ' (blind: figures and ids only)' : ''}`);
  out.push(`top-1 accuracy: ${pct(f.top1)}`);
  out.push(`asks (clarify): ${pct(f.asked)}`);
  out.push(`out-of-scope given a step: ${pct(f.outOfScopeGivenStep)}`);
  if (f.statusCode.total > 0) out.push(`statusCode accuracy: ${pct(f.statusCode)}`);
  out.push('per language:');
  for (const [lang, tally] of Object.entries(f.byLang).sort()) out.push(`  ${lang.padEnd(24)} ${pct(tally)}`);
  out.push('per expected step:');
  for (const [step, tally] of Object.entries(f.byStep).sort()) out.push(`  ${step.padEnd(24)} ${pct(tally)}`);
  out.push(`misrouted (${f.misses.length}):`);
  for (const { id, lang, expect, result, text } of f.misses) {
    out.push(
      `  ${id} [${lang}] expected ${expect}, got ${result.step} (${result.kind}; candidates ${result.candidates.join(', ') || '-'})`,
    );
    if (!f.blind) out.push(`    ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  if (f.statusMisses.length > 0) {
    out.push(`wrong statusCode (${f.statusMisses.length}):`);
    for (const m of f.statusMisses)
      out.push(`  ${m.id} expected ${m.expected ?? 'null'}, got ${m.got ?? 'null'}`);
  }
  return out.join('\n');
}

/** Several files as one set: the figures to compare with a target that spans them (no texts, no ids). */
function together(sets: readonly SetFigures[]): string {
  const sum = (pick: (f: SetFigures) => Tally): Tally =>
    sets.reduce((t, f) => ({ right: t.right + pick(f).right, total: t.total + pick(f).total }), {
      right: 0,
      total: 0,
    });
  const langs = [...new Set(sets.flatMap((f) => Object.keys(f.byLang)))].sort();
  const out = [`== all ${sets.length} files together`];
  out.push(`top-1 accuracy: ${pct(sum((f) => f.top1))}`);
  out.push(`asks (clarify): ${pct(sum((f) => f.asked))}`);
  out.push(`out-of-scope given a step: ${pct(sum((f) => f.outOfScopeGivenStep))}`);
  out.push('per language:');
  for (const lang of langs)
    out.push(`  ${lang.padEnd(24)} ${pct(sum((f) => f.byLang[lang] ?? { right: 0, total: 0 }))}`);
  return out.join('\n');
}

/** Figures without texts: what `--json` prints and docs/eval-figures.md records. */
function summary(f: SetFigures): Record<string, unknown> {
  const rate = (t: Tally) => (t.total === 0 ? null : Number(((100 * t.right) / t.total).toFixed(1)));
  return {
    set: f.set,
    n: f.top1.total,
    top1: rate(f.top1),
    byLang: Object.fromEntries(Object.entries(f.byLang).map(([k, t]) => [k, { ...t, pct: rate(t) }])),
    byStep: Object.fromEntries(Object.entries(f.byStep).map(([k, t]) => [k, { ...t, pct: rate(t) }])),
    asked: rate(f.asked),
    outOfScopeGivenStep: { ...f.outOfScopeGivenStep, pct: rate(f.outOfScopeGivenStep) },
    statusCode: { ...f.statusCode, pct: rate(f.statusCode) },
    misrouted: f.misses.map((m) => m.id),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0) {
    process.stderr.write('Usage: npm run eval -- [--json] messages.jsonl [more.jsonl]\n');
    process.exitCode = 2;
    return;
  }
  const sets = files.map(measure);
  if (json) {
    for (const f of sets) process.stdout.write(`${JSON.stringify(summary(f))}\n`);
    return;
  }
  const reports = sets.map(report);
  if (sets.length >= 2) reports.push(together(sets));
  process.stdout.write(`${reports.join('\n\n')}\n`);
}

if (require.main === module) runCli(main);
