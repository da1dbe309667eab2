import { ErrorGroups, newErrorAcc, type ErrorAcc, type GroupCaps } from './run-history-error-groups';
import { runHistoryDateToIso } from './run-history-dates';
import type {
  CdError,
  ConnectionIncident,
  ErrorSection,
  ExtensionErrorInfo,
  MaConnection,
  OutboundFlowCounters,
  RunDetails,
  StepDetails,
} from './run-history-types';
import { worstStepResult } from './step-results';
import type { IslandHandlers } from './xml-islands';

/**
 * Receives saxes events for every island of a paste and folds them into runs and steps. Elements are
 * dispatched through tables of numeric codes (no closure or key string per element): the reader's own
 * cost stays below the parser's on a large run history.
 */

export interface BuilderOptions extends GroupCaps {
  maxIncidents: number;
  maxLongText: number;
}

// ---- containers: elements that open a context

const C = {
  runHistory: 1,
  runDetails: 2,
  stepDetails: 3,
  stepType: 4,
  maConnection: 5,
  connectionLog: 6,
  incident: 7,
  errorList: 8,
  importError: 9,
  exportError: 10,
  retryError: 11,
  discoveryError: 12,
  cdError: 13,
  extensionErrorInfo: 14,
  rulesErrorInfo: 15,
  changeNotReimported: 16,
  staging: 17,
  inboundFlow: 18,
  outboundFlow: 19,
  exportCounters: 20,
  discoveryCounters: 21,
} as const;
type Container = (typeof C)[keyof typeof C];

const CONTAINERS: ReadonlyMap<string, Container> = new Map<string, Container>([
  ['run-history', C.runHistory],
  ['run-details', C.runDetails],
  ['step-details', C.stepDetails],
  ['step-type', C.stepType],
  ['ma-connection', C.maConnection],
  ['connection-log', C.connectionLog],
  ['incident', C.incident],
  ['synchronization-errors', C.errorList],
  ['ma-discovery-errors', C.errorList],
  ['mv-retry-errors', C.errorList],
  ['import-error', C.importError],
  ['export-error', C.exportError],
  ['retry-error', C.retryError],
  ['ma-object-error', C.discoveryError],
  ['cd-error', C.cdError],
  ['extension-error-info', C.extensionErrorInfo],
  ['rules-error-info', C.rulesErrorInfo],
  ['change-not-reimported', C.changeNotReimported],
  ['staging-counters', C.staging],
  ['inbound-flow-counters', C.inboundFlow],
  ['outbound-flow-counters', C.outboundFlow],
  ['export-counters', C.exportCounters],
  ['ma-discovery-counters', C.discoveryCounters],
]);

const SECTION_OF: Partial<Record<Container, ErrorSection>> = {
  [C.importError]: 'import',
  [C.exportError]: 'export',
  [C.retryError]: 'retry',
  [C.discoveryError]: 'discovery',
};

// ---- leaves: text fields, by the element they sit in

const F = {
  none: 0,
  maId: 1,
  maName: 2,
  runNumber: 3,
  runProfile: 4,
  securityId: 5,
  startDate: 6,
  endDate: 7,
  stepResult: 8,
  currentExport: 9,
  lastExport: 10,
  partition: 11,
  subtype: 12,
  connResult: 13,
  connServer: 14,
  incResult: 15,
  incServer: 16,
  incDate: 17,
  cdCode: 18,
  cdLiteral: 19,
  cdDetail: 20,
  extName: 21,
  extCallsite: 22,
  extContext: 23,
  extStack: 24,
  errType: 25,
  errFirst: 26,
  errDate: 27,
  errRetry: 28,
  errAlgorithm: 29,
  errEntry: 30,
  errLine: 31,
  errColumn: 32,
  errDn: 33,
  errAnchor: 34,
  errAttribute: 35,
  counter: 36,
} as const;
type Field = (typeof F)[keyof typeof F];

const ERROR_LEAVES = new Map<string, Field>([
  ['error-type', F.errType],
  ['first-occurred', F.errFirst],
  ['date-occurred', F.errDate],
  ['retry-count', F.errRetry],
  ['algorithm-step', F.errAlgorithm],
  ['entry-number', F.errEntry],
  ['line-number', F.errLine],
  ['column-number', F.errColumn],
  // Discovery errors carry the DN as a child element rather than an attribute.
  ['dn', F.errDn],
  ['anchor', F.errAnchor],
  ['attribute-name', F.errAttribute],
]);

const LEAVES: ReadonlyMap<string, ReadonlyMap<string, Field>> = new Map<string, ReadonlyMap<string, Field>>([
  [
    'run-details',
    new Map<string, Field>([
      ['ma-id', F.maId],
      ['ma-name', F.maName],
      ['run-number', F.runNumber],
      ['run-profile-name', F.runProfile],
      ['security-id', F.securityId],
    ]),
  ],
  [
    'step-details',
    new Map<string, Field>([
      ['start-date', F.startDate],
      ['end-date', F.endDate],
      ['step-result', F.stepResult],
      ['current-export-step-counter', F.currentExport],
      ['last-successful-export-step-counter', F.lastExport],
    ]),
  ],
  ['step-description', new Map<string, Field>([['partition', F.partition]])],
  [
    'ma-connection',
    new Map<string, Field>([
      ['connection-result', F.connResult],
      ['server', F.connServer],
    ]),
  ],
  [
    'incident',
    new Map<string, Field>([
      ['connection-result', F.incResult],
      ['server', F.incServer],
      ['date', F.incDate],
    ]),
  ],
  [
    'cd-error',
    new Map<string, Field>([
      ['error-code', F.cdCode],
      ['error-literal', F.cdLiteral],
      ['server-error-detail', F.cdDetail],
    ]),
  ],
  [
    'extension-error-info',
    new Map<string, Field>([
      ['extension-name', F.extName],
      ['extension-callsite', F.extCallsite],
      ['extension-context', F.extContext],
      ['call-stack', F.extStack],
    ]),
  ],
  ['import-error', ERROR_LEAVES],
  ['export-error', ERROR_LEAVES],
  ['retry-error', ERROR_LEAVES],
  ['ma-object-error', ERROR_LEAVES],
]);

/** Leaves whose text can be long (kept up to maxLongText); the others are kept up to SHORT_TEXT. */
const LONG_FIELDS: ReadonlySet<Field> = new Set<Field>([F.cdLiteral, F.cdDetail, F.extStack, F.extContext]);
const SHORT_TEXT = 2048;

// ---- what is built

interface RunAcc {
  maId: string | null;
  maName: string | null;
  runNumber: number | null;
  runProfile: string | null;
  securityId: string | null;
  steps: StepAcc[];
  /** Where blocks go that were pasted without their step-details. */
  looseStep: StepAcc | null;
  fromFragment: boolean;
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
  staging: Record<string, number> | null;
  inboundFlow: Record<string, number> | null;
  outboundFlow: OutboundFlowCounters[];
  exportCounters: Record<string, number> | null;
  discoveryCounters: Record<string, number> | null;
  errors: ErrorGroups;
}

export class RunHistoryBuilder implements IslandHandlers {
  /** Top-level element names read, in order of first appearance. */
  readonly roots: string[] = [];
  private readonly runs: RunAcc[] = [];
  private readonly stack: string[] = [];
  private looseRun: RunAcc | null = null;
  private run: RunAcc | null = null;
  private step: StepAcc | null = null;
  private connection: ConnectionAcc | null = null;
  private incident: ConnectionIncident | null = null;
  private error: ErrorAcc | null = null;
  private errorStep: StepAcc | null = null;
  /** Set when a cd-error or extension-error-info came without an error around it. */
  private implicitFor: Container | null = null;
  private cd: CdError | null = null;
  private ext: ExtensionErrorInfo | null = null;
  private counters: Record<string, number> | null = null;
  // The leaf being read (one at a time: leaves do not nest).
  private capField: Field = F.none;
  private capDepth = 0;
  private capLimit = 0;
  private capBuf = '';
  private capName = '';

  constructor(private readonly opt: BuilderOptions) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
    this.stack.push(name);
    if (parent === null && !this.roots.includes(name)) this.roots.push(name);
    if (this.capField !== F.none) return;
    const container = CONTAINERS.get(name);
    if (container !== undefined) {
      this.openContainer(container, attributes);
      return;
    }
    if (parent === null) return;
    let field: Field | undefined = LEAVES.get(parent)?.get(name);
    if (field === undefined) {
      if (this.counters !== null && isCounterContainer(CONTAINERS.get(parent))) field = F.counter;
      else if (parent === 'step-type' && name.endsWith('-subtype')) field = F.subtype;
      else return;
    }
    this.capField = field;
    this.capDepth = this.stack.length;
    this.capLimit = LONG_FIELDS.has(field) ? this.opt.maxLongText : SHORT_TEXT;
    this.capBuf = '';
    this.capName = name;
  }

  text(data: string): void {
    if (this.capField === F.none) return;
    const room = this.capLimit - this.capBuf.length;
    if (room > 0) this.capBuf += data.length > room ? data.slice(0, room) : data;
  }

  close(name: string): void {
    const depth = this.stack.length;
    this.stack.pop();
    if (this.capField !== F.none) {
      if (depth === this.capDepth) this.endCapture();
      return;
    }
    const container = CONTAINERS.get(name);
    if (container !== undefined) this.closeContainer(container);
  }

  /** Ends what a cut-off paste left open, so its partial last error still counts. */
  finish(): RunDetails[] {
    if (this.capField !== F.none) this.endCapture();
    this.finishError();
    this.stack.length = 0;
    return this.runs.map(toRunDetails);
  }

  // ---- containers

  private openContainer(container: Container, attributes: Readonly<Record<string, string>>): void {
    const section = SECTION_OF[container];
    if (section !== undefined) {
      this.finishError();
      this.errorStep = this.ensureStep();
      this.error = newErrorAcc(section, attributes['dn'] ?? null, attributes['cs-guid'] ?? null);
      return;
    }
    switch (container) {
      case C.runDetails:
        this.run = newRun(false);
        this.runs.push(this.run);
        this.step = null;
        return;
      case C.stepDetails: {
        const step = newStep(this.opt);
        step.stepNumber = toInt(attributes['step-number']);
        step.stepId = attributes['step-id'] ?? null;
        this.ensureRun().steps.push(step);
        this.step = step;
        return;
      }
      case C.stepType:
        this.ensureStep().stepType = attributes['type'] ?? null;
        return;
      case C.maConnection:
      case C.connectionLog:
        this.connection = this.ensureConnection();
        return;
      case C.incident:
        this.connection = this.ensureConnection();
        this.incident = { connectionResult: null, date: null, server: null, cdError: null };
        return;
      case C.errorList:
        this.ensureStep();
        return;
      case C.cdError:
        this.cd = { code: null, literal: null, serverErrorDetail: null };
        if (this.incident) this.incident.cdError = this.cd;
        else this.errorOrImplicit(container).cdError = this.cd;
        return;
      case C.extensionErrorInfo:
        this.ext = { extensionName: null, callsite: null, context: null, callStack: null };
        this.errorOrImplicit(container).extensionError = this.ext;
        return;
      case C.rulesErrorInfo:
        if (this.error) this.error.hasRulesErrorInfo = true;
        return;
      case C.changeNotReimported:
        if (this.error) this.error.changeNotReimported = true;
        return;
      case C.staging:
        this.counters = this.ensureStep().staging = {};
        return;
      case C.inboundFlow:
        this.counters = this.ensureStep().inboundFlow = {};
        return;
      case C.exportCounters:
        this.counters = this.ensureStep().exportCounters = {};
        return;
      case C.discoveryCounters:
        this.counters = this.ensureStep().discoveryCounters = {};
        return;
      case C.outboundFlow: {
        const counters: Record<string, number> = {};
        this.ensureStep().outboundFlow.push({
          ma: attributes['ma'] ?? null,
          maId: attributes['ma-id'] ?? null,
          counters,
        });
        this.counters = counters;
        return;
      }
    }
  }

  private closeContainer(container: Container): void {
    if (SECTION_OF[container] !== undefined) {
      this.finishError();
      return;
    }
    switch (container) {
      case C.runDetails:
        this.run = null;
        this.step = null;
        return;
      case C.stepDetails:
        this.step = null;
        return;
      case C.maConnection:
        this.connection = null;
        return;
      case C.incident:
        if (this.incident && this.connection)
          addIncident(this.connection, this.incident, this.opt.maxIncidents);
        this.incident = null;
        return;
      case C.cdError:
        this.cd = null;
        if (this.implicitFor === container) this.finishError();
        return;
      case C.extensionErrorInfo:
        this.ext = null;
        if (this.implicitFor === container) this.finishError();
        return;
      case C.staging:
      case C.inboundFlow:
      case C.outboundFlow:
      case C.exportCounters:
      case C.discoveryCounters:
        this.counters = null;
        return;
    }
  }

  private endCapture(): void {
    const field = this.capField;
    const v = this.capBuf.trim();
    this.capField = F.none;
    this.capBuf = '';
    if (v !== '') this.setField(field, v);
  }

  /** The context a leaf belongs to is still open when the leaf closes: leaves do not open contexts. */
  private setField(field: Field, v: string): void {
    const { run, step, connection: conn, incident: inc, cd, ext, error: err } = this;
    switch (field) {
      case F.maId:
        if (run) run.maId = v;
        return;
      case F.maName:
        if (run) run.maName = v;
        return;
      case F.runNumber:
        if (run) run.runNumber = toInt(v);
        return;
      case F.runProfile:
        if (run) run.runProfile = v;
        return;
      case F.securityId:
        if (run) run.securityId = v;
        return;
      case F.startDate:
        if (step) step.startDate = runHistoryDateToIso(v);
        return;
      case F.endDate:
        if (step) step.endDate = runHistoryDateToIso(v);
        return;
      case F.stepResult:
        if (step) step.result = v;
        return;
      case F.currentExport:
        if (step) step.currentExportStepCounter = toInt(v);
        return;
      case F.lastExport:
        if (step) step.lastSuccessfulExportStepCounter = toInt(v);
        return;
      case F.partition:
        this.ensureStep().partition = v;
        return;
      case F.subtype:
        this.ensureStep().stepSubtype = v;
        return;
      case F.connResult:
        if (conn) conn.connectionResult = v;
        return;
      case F.connServer:
        if (conn) conn.server = v;
        return;
      case F.incResult:
        if (inc) inc.connectionResult = v;
        return;
      case F.incServer:
        if (inc) inc.server = v;
        return;
      case F.incDate:
        if (inc) inc.date = runHistoryDateToIso(v);
        return;
      case F.cdCode:
        if (cd) cd.code = v;
        return;
      case F.cdLiteral:
        if (cd) cd.literal = v;
        return;
      case F.cdDetail:
        if (cd) cd.serverErrorDetail = v;
        return;
      case F.extName:
        if (ext) ext.extensionName = v;
        return;
      case F.extCallsite:
        if (ext) ext.callsite = v;
        return;
      case F.extContext:
        if (ext) ext.context = v;
        return;
      case F.extStack:
        if (ext) ext.callStack = v;
        return;
      case F.counter: {
        const n = toInt(v);
        if (this.counters && n !== null) this.counters[this.capName] = n;
        return;
      }
    }
    if (!err) return;
    switch (field) {
      case F.errType:
        err.errorType = v;
        return;
      case F.errFirst:
        err.firstOccurred = v;
        return;
      case F.errDate:
        err.dateOccurred = v;
        return;
      case F.errRetry:
        err.retryCount = toInt(v);
        return;
      case F.errAlgorithm:
        err.algorithmStep = v;
        return;
      case F.errEntry:
        err.entryNumber = toInt(v);
        return;
      case F.errLine:
        err.lineNumber = toInt(v);
        return;
      case F.errColumn:
        err.columnNumber = toInt(v);
        return;
      case F.errDn:
        err.dn = v;
        return;
      case F.errAnchor:
        err.anchor = v;
        return;
      case F.errAttribute:
        err.attributeName = v;
        return;
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
      run.looseStep = newStep(this.opt);
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

  private errorOrImplicit(container: Container): ErrorAcc {
    if (this.error) return this.error;
    this.errorStep = this.ensureStep();
    this.error = newErrorAcc('unknown', null, null);
    this.implicitFor = container;
    return this.error;
  }

  private finishError(): void {
    if (this.error && this.errorStep) this.errorStep.errors.add(this.error);
    this.error = null;
    this.errorStep = null;
    this.implicitFor = null;
  }
}

function isCounterContainer(c: Container | undefined): boolean {
  return (
    c === C.staging ||
    c === C.inboundFlow ||
    c === C.outboundFlow ||
    c === C.exportCounters ||
    c === C.discoveryCounters
  );
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

function newStep(caps: GroupCaps): StepAcc {
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
    staging: null,
    inboundFlow: null,
    outboundFlow: [],
    exportCounters: null,
    discoveryCounters: null,
    errors: new ErrorGroups(caps),
  };
}

function addIncident(conn: ConnectionAcc, incident: ConnectionIncident, max: number): void {
  conn.incidentCount++;
  // Keep the first ones, and the latest apart: a failing run ends with the failure.
  if (conn.incidents.length < max - 1) conn.incidents.push(incident);
  else conn.lastIncident = incident;
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (!/^-?\d{1,15}$/.test(v)) return null;
  return Number(v);
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
      staging: step.staging,
      inboundFlow: step.inboundFlow,
      outboundFlow: step.outboundFlow,
      export: step.exportCounters,
      discovery: step.discoveryCounters,
    },
    errorCounts: { ...step.errors.counts },
    errorGroups: step.errors.toGroups(),
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
