import { decodeText, type TextInput } from './decode-text';
import { issueAt, type ReadIssue } from './read-issues';
import { RunHistoryBuilder, type BuilderOptions } from './run-history-builder';
import type { RunHistoryReadOptions, RunHistoryReading } from './run-history-types';
import { nextIslandStart, readIsland } from './xml-islands';

/**
 * Reads MIM run-history XML (a whole document, or a fragment pasted into chat) into counts and a few
 * examples. One pass with saxes; memory stays small however many errors there are, because every
 * object error is folded into its group's counts and only the first few are kept whole.
 */
export function readRunHistory(input: TextInput, options: RunHistoryReadOptions = {}): RunHistoryReading {
  const decoded = decodeText(input);
  const text = decoded.text;
  const builder = new RunHistoryBuilder(resolveOptions(options));
  const issues: ReadIssue[] = [];
  if (decoded.invalid) issues.push(issueAt('invalid-encoding', null, text));

  let malformedCount = 0;
  const malformedMessages: string[] = [];
  let malformedAt: number | null = null;
  let truncated = false;
  let dtdRefused = false;
  let from = 0;
  for (;;) {
    const start = nextIslandStart(text, from, ROOT_ELEMENTS);
    if (start === -1) break;
    const island = readIsland(text, start, builder);
    if (island.errorCount > 0) {
      malformedAt ??= island.start;
      malformedCount += island.errorCount;
      for (const m of island.firstErrors) if (malformedMessages.length < 3) malformedMessages.push(m);
    }
    if (island.dtdRefused) {
      dtdRefused = true;
      issues.push(issueAt('dtd-refused', island.dtdAt ?? start, text));
      break;
    }
    if (island.cut) {
      truncated = true;
      issues.push({ ...issueAt('truncated', text.length, text), openElements: island.openElements });
      break;
    }
    // Closed, or given up as garbage: look for the next island after it. Else the text has ended.
    if (!island.closed && !island.abandoned) break;
    from = Math.max(island.end, start + 1);
  }
  if (malformedCount > 0) {
    issues.push({
      ...issueAt('malformed', malformedAt, text),
      errorCount: malformedCount,
      messages: malformedMessages,
    });
  }
  const runs = builder.finish();
  if (builder.roots.length === 0 && !dtdRefused) issues.push(issueAt('nothing-recognised', null, text));
  return {
    encoding: decoded.encoding,
    bom: decoded.bom,
    recognised: builder.roots.length > 0,
    roots: builder.roots,
    runs,
    truncated,
    dtdRefused,
    issues,
  };
}

/** Elements a paste may start with: the document, a run, a step, or any block of a step. */
const ROOT_ELEMENTS: ReadonlySet<string> = new Set([
  'run-history',
  'run-details',
  'step-details',
  'ma-connection',
  'connection-log',
  'incident',
  'synchronization-errors',
  'ma-discovery-errors',
  'mv-retry-errors',
  'import-error',
  'export-error',
  'retry-error',
  'ma-object-error',
  'cd-error',
  'extension-error-info',
  'staging-counters',
  'inbound-flow-counters',
  'outbound-flow-counters',
  'export-counters',
  'ma-discovery-counters',
]);

function resolveOptions(o: RunHistoryReadOptions): BuilderOptions {
  return {
    maxExamplesPerGroup: o.maxExamplesPerGroup ?? 5,
    maxCdErrorCodesPerGroup: o.maxCdErrorCodesPerGroup ?? 10,
    maxIncidents: o.maxIncidents ?? 10,
    maxLongText: o.maxLongText ?? 16384,
  };
}
