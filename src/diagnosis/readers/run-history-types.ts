import type { TextEncodingName } from './decode-text';
import type { ReadIssue } from './read-issues';

/**
 * What the run-history reader returns: facts as MIM wrote them (codes, names, counts), never sentences.
 * A field MIM did not write (or a paste did not include) is null.
 */

/** Where an object error was listed: import-error, export-error, ma-object-error or retry-error. */
export type ErrorSection = 'import' | 'export' | 'discovery' | 'retry' | 'unknown';

export interface CdError {
  code: string | null;
  literal: string | null;
  serverErrorDetail: string | null;
}

export interface ExtensionErrorInfo {
  extensionName: string | null;
  /** extension-callsite as MIM wrote it: import-flow, provisioning, ... */
  callsite: string | null;
  context: string | null;
  callStack: string | null;
}

/** One object error, kept in full only for the first few of each group. */
export interface ObjectErrorExample {
  section: ErrorSection;
  errorType: string | null;
  dn: string | null;
  csGuid: string | null;
  /** Dates as written by MIM when not parseable, else ISO 8601 UTC. */
  dateOccurred: string | null;
  firstOccurred: string | null;
  retryCount: number | null;
  algorithmStep: string | null;
  /** Discovery errors: where in the input the bad entry was, and which attribute. */
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

/** How often one cd-error code occurred in a group, with the first text seen for it. */
export interface CdErrorTally {
  code: string | null;
  count: number;
  literal: string | null;
  serverErrorDetail: string | null;
}

/** All errors of one error-type in one section of a step. Counts are exact; lists are bounded. */
export interface ErrorGroup {
  section: ErrorSection;
  errorType: string | null;
  count: number;
  /** DNs of the first objects, in document order. */
  firstDns: readonly string[];
  /** Distinct cd-error codes, first seen first; beyond the cap they count in otherCdErrors. */
  cdErrors: readonly CdErrorTally[];
  otherCdErrors: number;
  /** algorithm-step values with how often each occurred. */
  algorithmSteps: Readonly<Record<string, number>>;
  maxRetryCount: number | null;
  earliestFirstOccurred: string | null;
  latestDateOccurred: string | null;
  /** Errors that carried extension-error-info. */
  extensionErrorCount: number;
  examples: readonly ObjectErrorExample[];
}

export interface ConnectionIncident {
  connectionResult: string | null;
  date: string | null;
  server: string | null;
  cdError: CdError | null;
}

export interface MaConnection {
  connectionResult: string | null;
  server: string | null;
  incidentCount: number;
  /** The first incidents, then the last one if there were more (it is usually the failure). */
  incidents: readonly ConnectionIncident[];
}

export type CounterSet = Readonly<Record<string, number>>;

export interface OutboundFlowCounters {
  /** The target MA named by the element's ma attribute. */
  ma: string | null;
  maId: string | null;
  counters: CounterSet;
}

/** Counter sets as present in the step (null when the element was absent). */
export interface StepCounters {
  staging: CounterSet | null;
  inboundFlow: CounterSet | null;
  outboundFlow: readonly OutboundFlowCounters[];
  export: CounterSet | null;
  discovery: CounterSet | null;
}

export interface StepDetails {
  stepNumber: number | null;
  stepId: string | null;
  /** step-type@type: full-import, delta-import, export, apply-rules, ... */
  stepType: string | null;
  /** The step type's *-subtype child (to-cs, apply-pending, reevaluate-flow-connectors, ...). */
  stepSubtype: string | null;
  partition: string | null;
  result: string | null;
  startDate: string | null;
  endDate: string | null;
  currentExportStepCounter: number | null;
  lastSuccessfulExportStepCounter: number | null;
  connection: MaConnection | null;
  counters: StepCounters;
  /** Object errors per section (exact). */
  errorCounts: Readonly<Record<ErrorSection, number>>;
  errorGroups: readonly ErrorGroup[];
}

export interface RunDetails {
  maId: string | null;
  maName: string | null;
  runNumber: number | null;
  runProfile: string | null;
  securityId: string | null;
  steps: readonly StepDetails[];
  /** The worst step-result of the run (see step-results.ts), null when no step has one. */
  worstResult: string | null;
  /** The run came from a fragment without run-details around it. */
  fromFragment: boolean;
}

export interface RunHistoryReading {
  encoding: TextEncodingName;
  bom: boolean;
  /** Something run-history shaped was found. */
  recognised: boolean;
  /** The top-level elements read, in order (run-history, step-details, export-error, ...). */
  roots: readonly string[];
  runs: readonly RunDetails[];
  truncated: boolean;
  dtdRefused: boolean;
  issues: readonly ReadIssue[];
}

export interface RunHistoryReadOptions {
  /** Full examples (and DNs) kept per error group. Default 5. */
  maxExamplesPerGroup?: number;
  /** Distinct cd-error codes kept per error group. Default 10. */
  maxCdErrorCodesPerGroup?: number;
  /** Connection incidents kept per step. Default 10. */
  maxIncidents?: number;
  /** Longest error-literal, server-error-detail or call-stack kept, in characters. Default 16384. */
  maxLongText?: number;
}
