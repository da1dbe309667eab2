/**
 * `npm run train`: rebuilds src/diagnosis/knowledge/word-model.json from the labelled messages the
 * team has looked at and tuned on. A holdout set that nobody has looked at yet stays out of this
 * list, so `npm run eval` on it measures how the bot does on messages it has not learnt from.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { trainWordModel } from '../src/diagnosis/word-model';
import { ROUTES, type Route } from '../src/diagnosis/types';

export const TRAINING_FILES = [
  'eval/dev-utterances.jsonl',
  'eval/tuning.jsonl',
  'eval/holdout.jsonl',
  'eval/tuning2.jsonl',
  'eval/holdout2.jsonl',
  'eval/tuning3.jsonl',
];

const root = path.join(__dirname, '..');
export const MODEL_PATH = path.join(root, 'src', 'diagnosis', 'knowledge', 'word-model.json');

export function trainingItems(): { text: string; expect: Route }[] {
  return TRAINING_FILES.flatMap((file) =>
    fs
      .readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { text: string; expect: string })
      .map((item) => {
        if (!(ROUTES as readonly string[]).includes(item.expect))
          throw new Error(`${file}: bad label ${item.expect}`);
        return { text: item.text, expect: item.expect as Route };
      }),
  );
}

export function modelJson(): string {
  return `${JSON.stringify(trainWordModel(trainingItems()))}\n`;
}

if (require.main === module) {
  const json = modelJson();
  fs.writeFileSync(MODEL_PATH, json);
  process.stdout.write(`wrote ${path.relative(root, MODEL_PATH)} (${json.length} bytes)\n`);
}
