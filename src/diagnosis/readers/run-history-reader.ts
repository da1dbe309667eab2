import { decodeText, type TextInput } from './decode-text';
import { issueAt, type ReadIssue } from './read-issues';
import { runHistoryDateToIso } from './run-history-dates';
import type {
  CdError,
  CdErrorTally,
  ConnectionIncident,
  CounterSet,
  ErrorGroup,
  ErrorSection,
  ExtensionErrorInfo,
  MaConnection,
  ObjectErrorExample,
  OutboundFlowCounters,
  RunDetails,
  RunHistoryReadOptions,
  RunHistoryReading,
  StepDetails,
} from './run-history-types';
import { worstStepResult } from './step-results';
import { nextIslandStart, readIsland, type IslandHandlers } from './xml-islands';

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
    if (!island.closed) {
      truncated = true;
      issues.push({ ...issueAt('truncated', text.length, text), openElements: island.openElements });
      break;
    }
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

const ERROR_ELEMENTS: Readonly<Record<string, ErrorSection>> = {
  'import-error': 'import',
  'export-error': 'export',
  'ma-object-error': 'discovery',
  'retry-error': 'retry',
};

const COUNTER_ELEMENTS: Readonly<Record<string, keyof Omit<StepCountersAcc, 'outboundFlow'>>> = {
  'staging-counters': 'staging',
  'inbound-flow-counters': 'inboundFlow',
  'export-counters': 'export',
  'ma-discovery-counters': 'discovery',
};

/** Leaf elements whose text can be long: kept up to maxLongText, the others up to SHORT_TEXT. */
const LONG_TEXT = new Set(['error-literal', 'server-error-detail', 'call-stack', 'extension-context']);
const SHORT_TEXT = 2048;
/** algorithm-step has about a dozen values; a cap keeps a hostile paste from growing the map. */
const MAX_ALGORITHM_STEPS = 32;

type Options = Required<RunHistoryReadOptions>;

function resolveOptions(o: RunHistoryReadOptions): Options {
  return {
    maxExamplesPerGroup: o.maxExamplesPerGroup ?? 5,
    maxCdErrorCodesPerGroup: o.maxCdErrorCodesPerGroup ?? 10,
    maxIncidents: o.maxIncidents ?? 10,
    maxLongText: o.maxLongText ?? 16384,
  };
}

// ---- mutable shapes while reading

interface RunAcc {
  maId: string | null;
  maName: string | null;
  runNumber: number | null;
  runProfile: string | null;
  securityId: string | null;
  steps: StepAcc[];
  /** Where errors and blocks go that were pasted without their step-details. */
  looseStep: StepAcc | null;
  fromFragment: boolean;
}

interface StepCountersAcc {
  staging: Record<string, number> | null;
  inboundFlow: Record<string, number> | null;
  outboundFlow: OutboundFlowCounters[];
  export: Record<string, number> | null;
  discovery: Record<string, number> | null;
}

interface ConnectionAcc {
  connectionResult: string | null;
  server: string | null;
  incidentCount: number;
  incidents: ConnectionIncident[];
  lastIncident: ConnectionIncident | null;
}

interface StepAcc {
  stepNumber: number | null;
  stepId: string | null;
  stepType: string | null;
  stepSubtype: string | null;
  partition: string | null;
  result: string | null;
  startDate: string | null;
  endDate: string | null;
  currentExportStepCounter: number | null;
  lastSuccessfulExportStepCounter: number | null;
  connection: ConnectionAcc | null;
  counters: StepCountersAcc;
  errorCounts: Record<ErrorSection, number>;
  groups: Map<string, GroupAcc>;
}

interface GroupAcc {
  section: ErrorSection;
  errorType: string | null;
  count: number;
  firstDns: string[];
  cdErrors: Map<string, CdErrorTally>;
  otherCdErrors: number;
  algorithmSteps: Record<string, number>;
  maxRetryCount: number | null;
  earliestFirstOccurred: string | null;
  latestDateOccurred: string | null;
  extensionErrorCount: number;
  examples: ObjectErrorExample[];
}

interface ErrorAcc extends ObjectErrorExample {
  step: StepAcc;
  /** Made up for a cd-error or extension-error-info pasted on its own; closes with that element. */
  implicitFor: string | null;
}

interface Capture {
  depth: number;
  limit: number;
  buf: string;
  apply: (value: string) => void;
}

/** Receives saxes events for every island and folds them into runs. */
class RunHistoryBuilder implements IslandHandlers {
  readonly roots: string[] = [];
  private readonly runs: RunAcc[] = [];
  private readonly stack: string[] = [];
  private looseRun: RunAcc | null = null;
  private run: RunAcc | null = null;
  private step: StepAcc | null = null;
  private connection: ConnectionAcc | null = null;
  private incident: ConnectionIncident | null = null;
  private error: ErrorAcc | null = null;
  private cd: CdError | null = null;
  private ext: ExtensionErrorInfo | null = null;
  private counters: Record<string, number> | null = null;
  private capture: Capture | null = null;

  constructor(private readonly opt: Options) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
    this.stack.push(name);
    if (parent === null && !this.roots.includes(name)) this.roots.push(name);
    if (this.capture) return;
    if (this.openContainer(name, attributes)) return;
    if (parent !== null) this.openLeaf(parent, name);
  }

  text(data: string): void {
    const c = this.capture;
    if (c && c.buf.length < c.limit)
      c.buf += data.length > c.limit - c.buf.length ? data.slice(0, c.limit - c.buf.length) : data;
  }

  close(name: string): void {
    const depth = this.stack.length;
    this.stack.pop();
    const c = this.capture;
    if (c) {
      if (c.depth !== depth) return;
      this.capture = null;
      const value = c.buf.trim();
      if (value !== '') c.apply(value);
      return;
    }
    this.closeContainer(name);
  }

  /** Ends what a cut-off paste left open, so its partial last error still counts. */
  finish(): RunDetails[] {
    if (this.capture) {
      const value = this.capture.buf.trim();
      if (value !== '') this.capture.apply(value);
      this.capture = null;
    }
    if (this.error) this.finishError(this.error);
    this.error = null;
    this.stack.length = 0;
    return this.runs.map(toRunDetails);
  }

  // ---- containers

  private openContainer(name: string, attributes: Readonly<Record<string, string>>): boolean {
    const section = ERROR_ELEMENTS[name];
    if (section !== undefined) {
      if (this.error) this.finishError(this.error);
      this.error = this.newError(section, attributes, null);
      return true;
    }
    const counterKind = COUNTER_ELEMENTS[name];
    if (counterKind !== undefined) {
      const set: Record<string, number> = {};
      this.ensureStep().counters[counterKind] = set;
      this.counters = set;
      return true;
    }
    switch (name) {
      case 'run-history':
        return true;
      case 'run-details':
        this.run = newRun(false);
        this.runs.push(this.run);
        this.step = null;
        return true;
      case 'step-details': {
        const step = newStep();
        step.stepNumber = toInt(attributes['step-number']);
        step.stepId = attributes['step-id'] ?? null;
        this.ensureRun().steps.push(step);
        this.step = step;
        return true;
      }
      case 'step-type':
        this.ensureStep().stepType = attributes['type'] ?? null;
        return true;
      case 'ma-connection':
        this.connection = this.ensureConnection();
        return true;
      case 'connection-log':
        this.connection = this.ensureConnection();
        return true;
      case 'incident':
        this.connection = this.ensureConnection();
        this.incident = { connectionResult: null, date: null, server: null, cdError: null };
        return true;
      case 'synchronization-errors':
      case 'ma-discovery-errors':
      case 'mv-retry-errors':
        this.ensureStep();
        return true;
      case 'outbound-flow-counters': {
        const set: Record<string, number> = {};
        this.ensureStep().counters.outboundFlow.push({
          ma: attributes['ma'] ?? null,
          maId: attributes['ma-id'] ?? null,
          counters: set,
        });
        this.counters = set;
        return true;
      }
      case 'cd-error':
        this.cd = { code: null, literal: null, serverErrorDetail: null };
        if (this.incident) this.incident.cdError = this.cd;
        else (this.error ?? this.implicitError(name)).cdError = this.cd;
        return true;
      case 'extension-error-info':
        this.ext = { extensionName: null, callsite: null, context: null, callStack: null };
        (this.error ?? this.implicitError(name)).extensionError = this.ext;
        return true;
      case 'rules-error-info':
        if (this.error) this.error.hasRulesErrorInfo = true;
        return true;
      case 'change-not-reimported':
        if (this.error) this.error.changeNotReimported = true;
        return true;
      default:
        return false;
    }
  }

  private closeContainer(name: string): void {
    if (ERROR_ELEMENTS[name] !== undefined) {
      if (this.error) this.finishError(this.error);
      this.error = null;
      return;
    }
    if (COUNTER_ELEMENTS[name] !== undefined) {
      this.counters = null;
      return;
    }
    switch (name) {
      case 'run-details':
        this.run = null;
        this.step = null;
        break;
      case 'step-details':
        this.step = null;
        break;
      case 'ma-connection':
        this.connection = null;
        break;
      case 'incident':
        if (this.incident && this.connection)
          addIncident(this.connection, this.incident, this.opt.maxIncidents);
        this.incident = null;
        break;
      case 'outbound-flow-counters':
        this.counters = null;
        break;
      case 'cd-error':
        this.cd = null;
        this.closeImplicit(name);
        break;
      case 'extension-error-info':
        this.ext = null;
        this.closeImplicit(name);
        break;
    }
  }

  // ---- leaves: text fields of the element around them

  private openLeaf(parent: string, name: string): void {
    const set = this.leafSetter(parent, name);
    if (!set) return;
    this.capture = {
      depth: this.stack.length,
      limit: LONG_TEXT.has(name) ? this.opt.maxLongText : SHORT_TEXT,
      buf: '',
      apply: set,
    };
  }

  private leafSetter(parent: string, name: string): ((v: string) => void) | null {
    if (this.counters && (COUNTER_ELEMENTS[parent] !== undefined || parent === 'outbound-flow-counters')) {
      const set = this.counters;
      return (v) => {
        const n = toInt(v);
        if (n !== null) set[name] = n;
      };
    }
    if (ERROR_ELEMENTS[parent] !== undefined && this.error) return errorLeaf(this.error, name);
    switch (parent) {
      case 'run-details':
        return this.run ? runLeaf(this.run, name) : null;
      case 'step-details':
        return this.step ? stepLeaf(this.step, name) : null;
      case 'step-description':
        return name === 'partition' ? (v) => (this.ensureStep().partition = v) : null;
      case 'step-type':
        return name.endsWith('-subtype') ? (v) => (this.ensureStep().stepSubtype = v) : null;
      case 'ma-connection': {
        const conn = this.connection;
        if (!conn) return null;
        if (name === 'connection-result') return (v) => (conn.connectionResult = v);
        if (name === 'server') return (v) => (conn.server = v);
        return null;
      }
      case 'incident': {
        const inc = this.incident;
        if (!inc) return null;
        if (name === 'connection-result') return (v) => (inc.connectionResult = v);
        if (name === 'server') return (v) => (inc.server = v);
        if (name === 'date') return (v) => (inc.date = runHistoryDateToIso(v));
        return null;
      }
      case 'cd-error': {
        const cd = this.cd;
        if (!cd) return null;
        if (name === 'error-code') return (v) => (cd.code = v);
        if (name === 'error-literal') return (v) => (cd.literal = v);
        if (name === 'server-error-detail') return (v) => (cd.serverErrorDetail = v);
        return null;
      }
      case 'extension-error-info': {
        const ext = this.ext;
        if (!ext) return null;
        if (name === 'extension-name') return (v) => (ext.extensionName = v);
        if (name === 'extension-callsite') return (v) => (ext.callsite = v);
        if (name === 'extension-context') return (v) => (ext.context = v);
        if (name === 'call-stack') return (v) => (ext.callStack = v);
        return null;
      }
      default:
        return null;
    }
  }

  // ---- contexts a fragment may lack

  private ensureRun(): RunAcc {
    if (this.run) return this.run;
    if (!this.looseRun) {
      this.looseRun = newRun(true);
      this.runs.push(this.looseRun);
    }
    return this.looseRun;
  }

  private ensureStep(): StepAcc {
    if (this.step) return this.step;
    const run = this.ensureRun();
    if (!run.looseStep) {
      run.looseStep = newStep();
      run.steps.push(run.looseStep);
    }
    return run.looseStep;
  }

  private ensureConnection(): ConnectionAcc {
    if (this.connection) return this.connection;
    const step = this.ensureStep();
    step.connection ??= {
      connectionResult: null,
      server: null,
      incidentCount: 0,
      incidents: [],
      lastIncident: null,
    };
    return step.connection;
  }

  private newError(
    section: ErrorSection,
    attributes: Readonly<Record<string, string>>,
    implicitFor: string | null,
  ): ErrorAcc {
    return {
      step: this.ensureStep(),
      implicitFor,
      section,
      errorType: null,
      dn: attributes['dn'] ?? null,
      csGuid: attributes['cs-guid'] ?? null,
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

  private implicitError(forElement: string): ErrorAcc {
    this.error = this.newError('unknown', {}, forElement);
    return this.error;
  }

  private closeImplicit(name: string): void {
    if (this.error && this.error.implicitFor === name) {
      this.finishError(this.error);
      this.error = null;
    }
  }

  /** Folds one object error into its group: exact counts, bounded lists. */
  private finishError(err: ErrorAcc): void {
    const step = err.step;
    step.errorCounts[err.section]++;
    const key = `${err.section}\u0000${err.errorType ?? ''}`;
    let g = step.groups.get(key);
    if (!g) {
      g = {
        section: err.section,
        errorType: err.errorType,
        count: 0,
        firstDns: [],
        cdErrors: new Map(),
        otherCdErrors: 0,
        algorithmSteps: {},
        maxRetryCount: null,
        earliestFirstOccurred: null,
        latestDateOccurred: null,
        extensionErrorCount: 0,
        examples: [],
      };
      step.groups.set(key, g);
    }
    g.count++;
    const max = this.opt.maxExamplesPerGroup;
    if (err.dn !== null && g.firstDns.length < max) g.firstDns.push(err.dn);
    if (err.cdError) {
      const code = err.cdError.code ?? '';
      const tally = g.cdErrors.get(code);
      if (tally) tally.count++;
      else if (g.cdErrors.size < this.opt.maxCdErrorCodesPerGroup) {
        g.cdErrors.set(code, {
          code: err.cdError.code,
          count: 1,
          literal: err.cdError.literal,
          serverErrorDetail: err.cdError.serverErrorDetail,
        });
      } else g.otherCdErrors++;
    }
    if (err.algorithmStep !== null) {
      const s = err.algorithmStep;
      if (g.algorithmSteps[s] !== undefined) g.algorithmSteps[s]++;
      else if (Object.keys(g.algorithmSteps).length < MAX_ALGORITHM_STEPS) g.algorithmSteps[s] = 1;
    }
    if (err.retryCount !== null && (g.maxRetryCount === null || err.retryCount > g.maxRetryCount)) {
      g.maxRetryCount = err.retryCount;
    }
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
    if (g.examples.length < max) g.examples.push(toExample(err));
  }
}

function newRun(fromFragment: boolean): RunAcc {
  return {
    maId: null,
    maName: null,
    runNumber: null,
    runProfile: null,
    securityId: null,
    steps: [],
    looseStep: null,
    fromFragment,
  };
}

function newStep(): StepAcc {
  return {
    stepNumber: null,
    stepId: null,
    stepType: null,
    stepSubtype: null,
    partition: null,
    result: null,
    startDate: null,
    endDate: null,
    currentExportStepCounter: null,
    lastSuccessfulExportStepCounter: null,
    connection: null,
    counters: { staging: null, inboundFlow: null, outboundFlow: [], export: null, discovery: null },
    errorCounts: { import: 0, export: 0, discovery: 0, retry: 0, unknown: 0 },
    groups: new Map(),
  };
}

function runLeaf(run: RunAcc, name: string): ((v: string) => void) | null {
  switch (name) {
    case 'ma-id':
      return (v) => (run.maId = v);
    case 'ma-name':
      return (v) => (run.maName = v);
    case 'run-number':
      return (v) => (run.runNumber = toInt(v));
    case 'run-profile-name':
      return (v) => (run.runProfile = v);
    case 'security-id':
      return (v) => (run.securityId = v);
    default:
      return null;
  }
}

function stepLeaf(step: StepAcc, name: string): ((v: string) => void) | null {
  switch (name) {
    case 'start-date':
      return (v) => (step.startDate = runHistoryDateToIso(v));
    case 'end-date':
      return (v) => (step.endDate = runHistoryDateToIso(v));
    case 'step-result':
      return (v) => (step.result = v);
    case 'current-export-step-counter':
      return (v) => (step.currentExportStepCounter = toInt(v));
    case 'last-successful-export-step-counter':
      return (v) => (step.lastSuccessfulExportStepCounter = toInt(v));
    default:
      return null;
  }
}

function errorLeaf(err: ErrorAcc, name: string): ((v: string) => void) | null {
  switch (name) {
    case 'error-type':
      return (v) => (err.errorType = v);
    case 'first-occurred':
      return (v) => (err.firstOccurred = runHistoryDateToIso(v));
    case 'date-occurred':
      return (v) => (err.dateOccurred = runHistoryDateToIso(v));
    case 'retry-count':
      return (v) => (err.retryCount = toInt(v));
    case 'algorithm-step':
      return (v) => (err.algorithmStep = v);
    case 'entry-number':
      return (v) => (err.entryNumber = toInt(v));
    case 'line-number':
      return (v) => (err.lineNumber = toInt(v));
    case 'column-number':
      return (v) => (err.columnNumber = toInt(v));
    // Discovery errors carry the DN as a child element rather than an attribute.
    case 'dn':
      return (v) => (err.dn = v);
    case 'anchor':
      return (v) => (err.anchor = v);
    case 'attribute-name':
      return (v) => (err.attributeName = v);
    default:
      return null;
  }
}

function addIncident(conn: ConnectionAcc, incident: ConnectionIncident, max: number): void {
  conn.incidentCount++;
  // Keep the first ones; remember the latest apart, since a failing run ends with the failure.
  if (conn.incidents.length < max - 1) conn.incidents.push(incident);
  else conn.lastIncident = incident;
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (!/^-?\d{1,15}$/.test(v)) return null;
  return Number(v);
}

function toExample(err: ErrorAcc): ObjectErrorExample {
  return {
    section: err.section,
    errorType: err.errorType,
    dn: err.dn,
    csGuid: err.csGuid,
    dateOccurred: err.dateOccurred,
    firstOccurred: err.firstOccurred,
    retryCount: err.retryCount,
    algorithmStep: err.algorithmStep,
    entryNumber: err.entryNumber,
    lineNumber: err.lineNumber,
    columnNumber: err.columnNumber,
    anchor: err.anchor,
    attributeName: err.attributeName,
    cdError: err.cdError,
    extensionError: err.extensionError,
    hasRulesErrorInfo: err.hasRulesErrorInfo,
    changeNotReimported: err.changeNotReimported,
  };
}

function toRunDetails(run: RunAcc): RunDetails {
  const steps = run.steps.map(toStepDetails);
  return {
    maId: run.maId,
    maName: run.maName,
    runNumber: run.runNumber,
    runProfile: run.runProfile,
    securityId: run.securityId,
    steps,
    worstResult: worstStepResult(steps.map((s) => s.result)),
    fromFragment: run.fromFragment,
  };
}

function toStepDetails(step: StepAcc): StepDetails {
  return {
    stepNumber: step.stepNumber,
    stepId: step.stepId,
    stepType: step.stepType,
    stepSubtype: step.stepSubtype,
    partition: step.partition,
    result: step.result,
    startDate: step.startDate,
    endDate: step.endDate,
    currentExportStepCounter: step.currentExportStepCounter,
    lastSuccessfulExportStepCounter: step.lastSuccessfulExportStepCounter,
    connection: step.connection ? toConnection(step.connection) : null,
    counters: {
      staging: step.counters.staging as CounterSet | null,
      inboundFlow: step.counters.inboundFlow,
      outboundFlow: step.counters.outboundFlow,
      export: step.counters.export,
      discovery: step.counters.discovery,
    },
    errorCounts: step.errorCounts,
    errorGroups: [...step.groups.values()].map(toGroup),
  };
}

function toConnection(conn: ConnectionAcc): MaConnection {
  return {
    connectionResult: conn.connectionResult,
    server: conn.server,
    incidentCount: conn.incidentCount,
    incidents: conn.lastIncident ? [...conn.incidents, conn.lastIncident] : conn.incidents,
  };
}

function toGroup(g: GroupAcc): ErrorGroup {
  return {
    section: g.section,
    errorType: g.errorType,
    count: g.count,
    firstDns: g.firstDns,
    cdErrors: [...g.cdErrors.values()],
    otherCdErrors: g.otherCdErrors,
    algorithmSteps: g.algorithmSteps,
    maxRetryCount: g.maxRetryCount,
    earliestFirstOccurred: g.earliestFirstOccurred,
    latestDateOccurred: g.latestDateOccurred,
    extensionErrorCount: g.extensionErrorCount,
    examples: g.examples,
  };
}
