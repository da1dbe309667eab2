/**
 * `npx tsx bench/clean-input.ts`: time to clean the worst 100 KB pastes (the input stage's HTML and
 * entity handling), median of several runs each. Cleaning must be linear in the paste's length.
 */
import { toPlainText } from '../src/diagnosis/plain-text';

const SIZE = 100_000;
const SHAPES: Record<string, string> = {
  '"<p" repeated, no ">"': '<p'.repeat(SIZE / 2),
  '"<p" repeated, one ">" at the end': `${'<p'.repeat(SIZE / 2 - 1)}>`,
  '"<b " repeated': '<b '.repeat(SIZE / 3),
  'real tags': '<p>ADMA <b>stopped-server</b></p>'.repeat(SIZE / 34),
  entities: '&amp;&#x41;&nbsp;'.repeat(SIZE / 17),
  'plain text': 'stopped-connectivity on the ADMA '.repeat(SIZE / 33),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

for (const [name, text] of Object.entries(SHAPES)) {
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
