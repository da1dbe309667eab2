import { runHistoryDateToIso } from './run-history-dates';
import type {
  CdError,
  CdErrorTally,
  ErrorGroup,
  ErrorSection,
  ExtensionErrorInfo,
  ObjectErrorExample,
} from './run-history-types';

/**
 * Folds object errors into groups per section and error-type as they are read: counts are exact, the
 * lists (DNs, examples, distinct cd-error codes, algorithm steps) stop growing at their caps, so a run
 * with 50,000 errors costs what one with 50 does.
 */

/** One object error while it is read; dates stay as written until output (cheaper, and they sort). */
export interface ErrorAcc {
  section: ErrorSection;
  errorType: string | null;
  dn: string | null;
  csGuid: string | null;
  dateOccurred: string | null;
  firstOccurred: string | null;
  retryCount: number | null;
  algorithmStep: string | null;
  entryNumber: number | null;
  lineNumber: number | null;
  columnNumber: number | null;
  anchor: string | null;
  attributeName: string | null;
  cdError: CdError | null;
  extensionError: ExtensionErrorInfo | null;
  hasRulesErrorInfo: boolean;
  changeNotReimported: boolean;
}

export interface GroupCaps {
  maxExamplesPerGroup: number;
  maxCdErrorCodesPerGroup: number;
}

interface GroupAcc {
  section: ErrorSection;
  errorType: string | null;
  count: number;
  firstDns: string[];
  cdErrors: Map<string, CdErrorTally>;
  otherCdErrors: number;
  algorithmSteps: Map<string, number>;
  maxRetryCount: number | null;
  earliestFirstOccurred: string | null;
  latestDateOccurred: string | null;
  extensionErrorCount: number;
  examples: ErrorAcc[];
}

/** algorithm-step has about a dozen values; a cap keeps a hostile paste from growing the map. */
const MAX_ALGORITHM_STEPS = 32;

export function newErrorAcc(section: ErrorSection, dn: string | null, csGuid: string | null): ErrorAcc {
  return {
    section,
    errorType: null,
    dn,
    csGuid,
    dateOccurred: null,
    firstOccurred: null,
    retryCount: null,
    algorithmStep: null,
    entryNumber: null,
    lineNumber: null,
    columnNumber: null,
    anchor: null,
    attributeName: null,
    cdError: null,
    extensionError: null,
    hasRulesErrorInfo: false,
    changeNotReimported: false,
  };
}

export class ErrorGroups {
  readonly counts: Record<ErrorSection, number> = {
    import: 0,
    export: 0,
    discovery: 0,
    retry: 0,
    unknown: 0,
  };
  private readonly bySection = new Map<ErrorSection, Map<string, GroupAcc>>();
  /** Groups in the order they were first seen. */
  private readonly order: GroupAcc[] = [];

  constructor(private readonly caps: GroupCaps) {}

  add(err: ErrorAcc): void {
    this.counts[err.section]++;
    let groups = this.bySection.get(err.section);
    if (!groups) {
      groups = new Map();
      this.bySection.set(err.section, groups);
    }
    const key = err.errorType ?? '';
    let g = groups.get(key);
    if (!g) {
      g = {
        section: err.section,
        errorType: err.errorType,
        count: 0,
        firstDns: [],
        cdErrors: new Map(),
        otherCdErrors: 0,
        algorithmSteps: new Map(),
        maxRetryCount: null,
        earliestFirstOccurred: null,
        latestDateOccurred: null,
        extensionErrorCount: 0,
        examples: [],
      };
      groups.set(key, g);
      this.order.push(g);
    }
    g.count++;
    const max = this.caps.maxExamplesPerGroup;
    if (err.dn !== null && g.firstDns.length < max) g.firstDns.push(err.dn);
    if (err.cdError) {
      const code = err.cdError.code ?? '';
      const tally = g.cdErrors.get(code);
      if (tally) tally.count++;
      else if (g.cdErrors.size < this.caps.maxCdErrorCodesPerGroup) {
        g.cdErrors.set(code, {
          code: err.cdError.code,
          count: 1,
          literal: err.cdError.literal,
          serverErrorDetail: err.cdError.serverErrorDetail,
        });
      } else g.otherCdErrors++;
    }
    if (err.algorithmStep !== null) {
      const seen = g.algorithmSteps.get(err.algorithmStep);
      if (seen !== undefined) g.algorithmSteps.set(err.algorithmStep, seen + 1);
      else if (g.algorithmSteps.size < MAX_ALGORITHM_STEPS) g.algorithmSteps.set(err.algorithmStep, 1);
    }
    if (err.retryCount !== null && (g.maxRetryCount === null || err.retryCount > g.maxRetryCount)) {
      g.maxRetryCount = err.retryCount;
    }
    // "yyyy-mm-dd hh:mm:ss.fff" compares correctly as text.
    if (
      err.firstOccurred !== null &&
      (g.earliestFirstOccurred === null || err.firstOccurred < g.earliestFirstOccurred)
    ) {
      g.earliestFirstOccurred = err.firstOccurred;
    }
    if (
      err.dateOccurred !== null &&
      (g.latestDateOccurred === null || err.dateOccurred > g.latestDateOccurred)
    ) {
      g.latestDateOccurred = err.dateOccurred;
    }
    if (err.extensionError) g.extensionErrorCount++;
    if (g.examples.length < max) g.examples.push(err);
  }

  toGroups(): ErrorGroup[] {
    return this.order.map((g) => ({
      section: g.section,
      errorType: g.errorType,
      count: g.count,
      firstDns: g.firstDns,
      cdErrors: [...g.cdErrors.values()],
      otherCdErrors: g.otherCdErrors,
      algorithmSteps: Object.fromEntries(g.algorithmSteps),
      maxRetryCount: g.maxRetryCount,
      earliestFirstOccurred: isoOrNull(g.earliestFirstOccurred),
      latestDateOccurred: isoOrNull(g.latestDateOccurred),
      extensionErrorCount: g.extensionErrorCount,
      examples: g.examples.map(toExample),
    }));
  }
}

function isoOrNull(value: string | null): string | null {
  return value === null ? null : runHistoryDateToIso(value);
}

function toExample(err: ErrorAcc): ObjectErrorExample {
  return {
    ...err,
    dateOccurred: isoOrNull(err.dateOccurred),
    firstOccurred: isoOrNull(err.firstOccurred),
  };
}
