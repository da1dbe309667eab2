/**
 * `npm run bench:recognize`: the recognizer's throughput on one core, for ordinary messages and for
 * a 10 KB pasted stack trace. Prints figures; asserts nothing (targets belong here, not in unit tests).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decide } from '../src/diagnosis/decide';
import { recognize } from '../src/diagnosis/recognize';

function loadMessages(): string[] {
  const file = path.join(__dirname, '..', 'eval', 'tuning.jsonl');
  const fromFile = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { text: string }).text)
    : [];
  return [
    ...fromFile,
    'ADMA delta import goes stopped-connectivity every night around 2am',
    'PCNS logger hændelse 6025 på DC02 efter vi flyttede sync-tjenesten til en gMSA',
    'full sync on the FIM Service MA hangs for hours, tempdb keeps growing',
    'FIM MA export: failed-creation-via-web-services with ValueViolatesUniqueness on objectSid',
    'can we go from 4.4.1749.0 straight to 4.6.673.0?',
  ];
}

function stackTrace(bytes: number): string {
  const lines = [
    'Microsoft.MetadirectoryServices.ObjectAlreadyExistsException: An object with DN "CN=Jens Hansen,OU=Users,DC=corp,DC=example" already exists in management agent "AD MA".',
  ];
  let i = 0;
  while (lines.join('\n').length < bytes) {
    lines.push(
      `   at Contoso.Mim.Extensions.Provisioning.Step${i++}(MVEntry mventry, ConnectedMA ma) in C:\\src\\Provisioning.cs:line ${100 + i}`,
    );
  }
  return `stopped-extension-dll-exception\n${lines.join('\n')}`;
}

function measure(
  name: string,
  messages: string[],
  minMs = 1500,
  work: (m: string) => unknown = (m) => decide(recognize(m)),
): number {
  for (let i = 0; i < 2000; i++) work(messages[i % messages.length]);
  let n = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 200; i++) work(messages[n++ % messages.length]);
    elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  }
  const perSecond = Math.round((n / elapsed) * 1000);
  const avgChars = Math.round(messages.reduce((s, m) => s + m.length, 0) / messages.length);
  process.stdout.write(
    `${name.padEnd(34)} ${String(perSecond).padStart(9)} messages/s  (avg ${avgChars} chars)\n`,
  );
  return perSecond;
}

const recognizeOnly = measure('ordinary, recognize only', loadMessages(), 1500, (m) => recognize(m));
const ordinary = measure('ordinary, recognize + decide', loadMessages());
const trace = measure('10 KB stack trace', [stackTrace(10_000)]);
const huge = measure('100 KB paste', [stackTrace(100_000)], 800);
process.stdout.write(
  `${JSON.stringify({
    recognizer_msgs_per_s: ordinary,
    recognize_only_msgs_per_s: recognizeOnly,
    stack_trace_10kb_per_s: trace,
    paste_100kb_per_s: huge,
  })}\n`,
);
