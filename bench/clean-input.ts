/**
 * `npx tsx bench/clean-input.ts`: time to clean the worst 100 KB pastes (the input stage's HTML and
 * entity handling), median of several runs each. Cleaning must be linear in the paste's length.
 */
import { toPlainText } from '../src/diagnosis/plain-text';
import { PASTE_SHAPES } from './paste-shapes';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

for (const [name, text] of Object.entries(PASTE_SHAPES)) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = process.hrtime.bigint();
    toPlainText(text);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  process.stdout.write(
    `${name.padEnd(36)} ${String(text.length).padStart(7)} chars  ${median(times).toFixed(2)} ms\n`,
  );
}
