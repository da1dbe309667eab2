/**
 * Readers of what MIM writes: run-history XML, Application-log events and stack traces, turned into
 * typed facts (codes, names, counts). Pure functions: no I/O, no botbuilder, no user-facing text.
 */
export { decodeText, type DecodedText, type TextEncodingName, type TextInput } from './decode-text';
export type { ReadIssue, ReadIssueKind } from './read-issues';

export { readRunHistory } from './run-history-reader';
export { summarizeRunHistory, UNSPECIFIED_ERROR_TYPE, type RunSummary } from './run-history-summary';
export { STEP_RESULT_RANKS, stepResultRank, worstStepResult, type StepResultRank } from './step-results';
export type {
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
  RunHistoryReading,
  RunHistoryReadOptions,
  StepCounters,
  StepDetails,
} from './run-history-types';

export { readEventLog } from './event-log-reader';
export { eventTimeToIso } from './event-time';
export { normaliseEventLevel, type EventLevel } from './event-level';
export {
  readRunProfileEvent,
  type RunProfileEventCounts,
  type RunProfileEventFacts,
} from './run-profile-event';
export type { EventFormat, EventLogReading, EventLogReadOptions, EventRecord } from './event-log-types';

export {
  readStackTrace,
  type EntryPoint,
  type ExceptionInfo,
  type PowerShellSignal,
  type StackTraceReading,
} from './stack-trace-reader';
export type { StackFrame } from './stack-frames';
export {
  callsiteOf,
  type CallsiteMatch,
  type ExtensionCallsite,
  type ExtensionKind,
} from './extension-entry-points';
export { readPowerShellErrorRecords, type PowerShellErrorRecord } from './powershell-error-records';
