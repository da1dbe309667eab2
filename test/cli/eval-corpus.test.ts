import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The labelled sets keep their split: no page feeds both a blind holdout and a set the bot is tuned
 * on, and ids are unique across all of them. Only `id` and `source` are read, never a text.
 */

const EVAL = join(__dirname, '..', '..', 'eval');

interface Row {
  id: string;
  source?: string;
}

function rows(dir: string): { file: string; row: Row }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => {
          const { id, source } = JSON.parse(l) as Row;
          return { file: f, row: { id, source } };
        }),
    );
}

describe('the labelled sets', () => {
  const blind = rows(join(EVAL, 'blind'));
  const corpus = rows(join(EVAL, 'corpus'));
  const team = rows(EVAL);

  it('share no source page between a blind holdout and the real-style corpus', () => {
    expect(blind.length).toBeGreaterThan(0);
    const blindSources = new Set(blind.map(({ row }) => row.source).filter(Boolean));
    const shared = corpus.filter(({ row }) => row.source && blindSources.has(row.source));
    // shared-source.jsonl holds exactly those messages: measured, never tuned on.
    expect(shared.filter(({ file }) => file !== 'shared-source.jsonl').map(({ row }) => row.id)).toEqual([]);
  });

  it('give every message an id of its own', () => {
    const ids = [...blind, ...corpus, ...team].map(({ row }) => row.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });
});
