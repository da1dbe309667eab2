/**
 * `npx tsx bench/run-history-parse.ts`: how long the run-history reader takes on a ~5.5 MB run history
 * with 20,000 object errors, and how much memory it needs beyond the text itself. Targets: < 300 ms,
 * < 50 MB extra. Prints figures; asserts nothing. The measuring runs in a child process started with
 * --expose-gc, so that generating the input does not blur the memory figures.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRunHistory } from '../src/diagnosis/readers/run-history-reader';

const ERRORS = 20_000;
const RUNS = 9;
const WARMUP = 2;
const TARGET_MS = 300;
const TARGET_MB = 50;

/** A cs-guid as MIM writes it, distinct per object. */
function guid(i: number): string {
  return `{${i.toString(16).toUpperCase().padStart(8, '0')}-DF83-E611-8CE8-00505689546C}`;
}

/**
 * A night's Full Sync and Export on an AD MA: 6,000 import errors (one in twenty with a rules-extension
 * stack), 4,000 metaverse retry errors, 10,000 export errors with cd-errors: about 5.5 MB.
 */
function generate(): string {
  const imports = (ERRORS * 3) / 10;
  const retries = ERRORS / 5;
  const exports = ERRORS / 2;
  const parts: string[] = [
    '<?xml version="1.0" encoding="utf-16"?>\n<run-history>\n <run-details>\n',
    '  <ma-id>{3F2A9C41-7B1E-4C55-9E0A-2D6B8F1C0A11}</ma-id><ma-name>FABRIKAM-ADMA</ma-name>',
    '<run-number>9001</run-number><run-profile-name>Full Sync and Export</run-profile-name><security-id>FABRIKAM\\svc-mim</security-id>\n',
  ];
  const stepHead = (n: number, type: string, result: string): void => {
    parts.push(
      `  <step-details step-number="${n}" step-id="{A1B2C3D4-000${n}-4000-8000-000000000000}">\n`,
      '   <start-date>2024-03-14 01:00:00.000</start-date><end-date>2024-03-14 01:45:10.500</end-date>\n',
      `   <step-result>${result}</step-result><step-description><step-type type="${type}"/></step-description>\n`,
    );
  };

  stepHead(1, 'apply-rules', 'completed-sync-errors');
  parts.push('   <synchronization-errors>\n');
  for (let i = 0; i < imports; i++) {
    const head = `<import-error cs-guid="${guid(i)}" dn="CN=u${i},DC=fabrikam,DC=com"><retry-count>0</retry-count><date-occurred>2024-03-14 01:10:00.000</date-occurred>`;
    if (i % 20 === 0) {
      parts.push(
        head,
        '<error-type>extension-dll-exception</error-type><algorithm-step>import-flow</algorithm-step><extension-error-info>',
        '<extension-name>Fabrikam.MAExtension</extension-name><extension-callsite>import-flow</extension-callsite>',
        '<call-stack>System.NullReferenceException: Object reference not set to an instance of an object.\n',
        '   at Fabrikam.MAExtension.MAExtensionObject.Microsoft.MetadirectoryServices.IMASynchronization.MapAttributesForImport(String FlowRuleName, CSEntry csentry, MVEntry mventry)',
        '</call-stack></extension-error-info></import-error>\n',
      );
    } else {
      parts.push(
        head,
        '<error-type>flow-multi-values-to-single-value</error-type><algorithm-step>import-flow</algorithm-step></import-error>\n',
      );
    }
  }
  parts.push('   </synchronization-errors>\n   <mv-retry-errors>\n');
  for (let i = 0; i < retries; i++) {
    parts.push(
      '<retry-error><date-occurred>2024-03-14 01:20:00.000</date-occurred><error-type>extension-dll-exception</error-type>',
      '<algorithm-step>provisioning</algorithm-step></retry-error>\n',
    );
  }
  parts.push(
    '   </mv-retry-errors>\n',
    '   <inbound-flow-counters><connector-flow detail="true">40214</connector-flow><flow-failure detail="true">6000</flow-failure></inbound-flow-counters>\n',
    '  </step-details>\n',
  );

  stepHead(2, 'export', 'completed-export-errors');
  parts.push(
    '   <ma-connection><connection-result>success</connection-result><server>DC01.fabrikam.com:389</server></ma-connection>\n',
    '   <synchronization-errors>\n',
  );
  for (let i = 0; i < exports; i++) {
    // Half carry first-occurred and every fifth one the error text as well as the code, so that sizes
    // vary as in a real night.
    const kind = i % 3 === 0 ? 'permission-issue' : 'constraint-violation';
    const code = kind === 'permission-issue' ? '0x80070005' : '0x8007202f';
    const retry = i % 2 === 0 ? 0 : 1 + (i % 49);
    const first = retry > 0 ? `<first-occurred>2024-03-0${1 + (i % 9)} 01:40:02.006</first-occurred>` : '';
    const literal = i % 5 === 0 ? '<error-literal>Access is denied.</error-literal>' : '';
    parts.push(
      `<export-error cs-guid="${guid(imports + i)}" dn="CN=u${i},DC=fabrikam,DC=com">`,
      `<date-occurred>2024-03-14 01:40:02.006</date-occurred>${first}<retry-count>${retry}</retry-count>`,
      `<error-type>${kind}</error-type><cd-error><error-code>${code}</error-code>${literal}</cd-error></export-error>\n`,
    );
  }
  parts.push(
    '   </synchronization-errors>\n',
    '   <export-counters><export-add detail="true">120</export-add><export-update detail="true">4110</export-update><export-failure detail="true">10000</export-failure></export-counters>\n',
    '  </step-details>\n </run-details>\n</run-history>\n',
  );
  return parts.join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time and CPU time (user + system) per run, in ms: CPU time moves less when the machine is busy. */
function time(work: () => unknown): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < WARMUP; i++) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const started = process.hrtime.bigint();
    work();
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

const mb = (n: number): string => (n / 1048576).toFixed(1);

function measure(file: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const utf8 = fs.readFileSync(file, 'utf8');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]);
  gc?.();
  gc?.();

  // Memory first, before the timing runs leave garbage behind.
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  let reading: ReturnType<typeof readRunHistory> | null = readRunHistory(utf8);
  const after = process.memoryUsage();
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  gc?.();
  const retained = process.memoryUsage().heapUsed - before.heapUsed;
  const errors = reading.runs[0].steps.reduce(
    (n, s) => n + s.errorCounts.import + s.errorCounts.export + s.errorCounts.retry,
    0,
  );
  const resultBytes = JSON.stringify(reading).length;
  reading = null;

  const fromString = time(() => readRunHistory(utf8));
  const fromUtf16 = time(() => readRunHistory(utf16));

  const heapExtra = after.heapUsed - before.heapUsed;
  // maxRSS only moves when the parse goes above the earlier peak (reading the file); below that it is a bound.
  const rssExtra = peakAfter > peakBefore ? peakAfter - before.rss : peakBefore - before.rss;
  const rssNote =
    peakAfter > peakBefore ? '' : ' (upper bound: the parse stayed under the peak of reading the file)';
  const summary = (t: { wall: number[]; cpu: number[] }): string =>
    `median ${median(t.wall).toFixed(1)} ms wall (min ${Math.min(...t.wall).toFixed(1)}, max ${Math.max(...t.wall).toFixed(1)}), ` +
    `median ${median(t.cpu).toFixed(1)} ms CPU, ${RUNS} runs`;
  const load = os.loadavg()[0].toFixed(2);
  const out = [
    `input: ${mb(Buffer.byteLength(utf8))} MB UTF-8 (${mb(utf16.length)} MB as UTF-16LE), ${errors} object errors read`,
    `parse, string input:        ${summary(fromString)}`,
    `parse, UTF-16LE bytes:      ${summary(fromUtf16)} (decoding included)`,
    `heap used during one parse: +${mb(heapExtra)} MB before GC${gc ? '' : ' (no --expose-gc: figures are rough)'}`,
    `peak RSS during one parse:  +${mb(rssExtra)} MB over the baseline${rssNote}`,
    `kept after GC (the result): ${mb(retained)} MB heap, ${(resultBytes / 1024).toFixed(1)} KB as JSON`,
    `machine: ${os.cpus().length} cores, load average ${load} (wall times grow with it)`,
    `targets (< ${TARGET_MS} ms, < ${TARGET_MB} MB extra): ${median(fromString.wall) < TARGET_MS && Math.max(heapExtra, rssExtra) < TARGET_MB * 1048576 ? 'met' : 'NOT met'}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

function main(): void {
  if (process.argv[2] === '--measure' && process.argv[3]) {
    measure(process.argv[3]);
    return;
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'run-history-bench-')), 'run-history.xml');
  fs.writeFileSync(file, generate());
  try {
    // The same loader flags (tsx) plus --expose-gc, in a fresh process.
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, '--expose-gc', __filename, '--measure', file],
      {
        stdio: 'inherit',
      },
    );
    if (child.status !== 0) measure(file);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

main();
