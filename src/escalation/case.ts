/**
 * The escalation case: what support receives when the recommended steps did not help, and the
 * pure rules for moving it from open to taken to resolved. No storage here (see case-store.ts).
 */
import type { CaseFacts } from '../diagnosis/advise';
import { isStepId, type Finding, type Lang, type StepId } from '../diagnosis/types';
import { redact } from './redact';

export type CaseStatus = 'open' | 'taken' | 'resolved';

export type Impact = 'all-runs-blocked' | 'one-ma-failing' | 'question';
export const IMPACTS: readonly Impact[] = ['all-runs-blocked', 'one-ma-failing', 'question'];

/** What the user said after a step was shown. */
export type StepOutcome = 'fixed' | 'still-failing' | 'no answer';
const STEP_OUTCOMES: readonly StepOutcome[] = ['fixed', 'still-failing', 'no answer'];

export interface Person {
  id: string;
  name: string;
}

export interface Requester extends Person {
  aadObjectId: string | null;
  tenantId: string | null;
  /** Whatever the edge needs to message the requester later (a Bot Framework ConversationReference). */
  conversationReference: unknown;
}

/** The recognised facts support needs first; codes stay as MIM shows them. */
export interface FindingsSummary {
  /** The step the bot settled on, if any. */
  stepId: StepId | null;
  /** Symptom ids the recognizer found (including step ids named by the user's words). */
  symptoms: string[];
  statusCodes: string[];
  objectCodes: string[];
  eventIds: number[];
  exceptions: string[];
  mimBuild: string | null;
  connector: string | null;
  connectorBuilds: string[];
}

export interface StepShown {
  step: StepId;
  outcome: StepOutcome;
}

export interface TranscriptLine {
  text: string;
  /** True when the message was cut to the per-message cap. */
  truncated: boolean;
}

/** Where the edge posted things about this case, so it can update them in place later. */
export interface CaseDelivery {
  supportActivityId: string | null;
  supportConversationId: string | null;
  requesterActivityId: string | null;
}

export interface EscalationCase {
  /** Read-out id, e.g. MSD-1042. */
  id: string;
  number: number;
  /** The one-time id of the submit that opened the case (double clicks and redeliveries share it). */
  submissionId: string;
  status: CaseStatus;
  requester: Requester;
  lang: Lang;
  /** The user's one-line description, redacted. */
  description: string;
  impact: Impact;
  findings: FindingsSummary;
  steps: StepShown[];
  /** The last user messages, redacted and capped. */
  transcript: TranscriptLine[];
  takenBy: Person | null;
  resolvedBy: Person | null;
  resolution: string | null;
  /** ISO 8601 timestamps. */
  createdAt: string;
  takenAt: string | null;
  resolvedAt: string | null;
  updatedAt: string;
  delivery: CaseDelivery;
}

/** What the edge collects to open a case. Free text in it is redacted and capped on the way in. */
export interface CaseInput {
  requester: Requester;
  lang: Lang;
  description: string;
  impact: Impact;
  findings: FindingsSummary;
  steps: readonly StepShown[];
  /** The user's messages in this case, oldest first; only the last few are kept. */
  userMessages: readonly string[];
}

export interface TranscriptLimits {
  /** Messages kept (the last ones; default 10). */
  maxMessages: number;
  /** Characters kept per message (default 500). */
  maxChars: number;
}

export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = { maxMessages: 10, maxChars: 500 };

/** The case form's description input says the same (maxLength in cards/case-form.json). */
export const MAX_DESCRIPTION = 200;
const MAX_NOTE = 2000;
const MAX_NAME = 200;

const CASE_PREFIX = 'MSD';
const CASE_ID = /^MSD-(\d{1,9})$/;

export function formatCaseId(n: number): string {
  return `${CASE_PREFIX}-${n}`;
}

/** Case ids arrive in card data and commands: check the shape before using one as a storage key. */
export function isCaseId(value: unknown): value is string {
  return typeof value === 'string' && CASE_ID.test(value);
}

/** Thrown for input the edge should have rejected: a clear message, never a half-made case. */
/** Thrown by createCase when the requester already opened their cases for the day. */
export class CaseLimitError extends Error {
  constructor(readonly perDay: number) {
    super(`The requester opened ${perDay} cases in the last 24 hours already.`);
    this.name = 'CaseLimitError';
  }
}

export class CaseInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseInputError';
  }
}

/** The findings summary from what the diagnosis knows about the case. */
export function summarizeFindings(facts: CaseFacts, stepId: StepId | null): FindingsSummary {
  const values = (kind: Finding['kind']): string[] =>
    unique(facts.findings.filter((f) => f.kind === kind).map((f) => f.value));
  const statusCodes = unique([...(facts.statusCode ? [facts.statusCode] : []), ...values('run-status')]);
  return {
    stepId,
    symptoms: values('symptom'),
    statusCodes,
    objectCodes: values('object-error'),
    eventIds: unique(values('event-id').map(Number).filter(Number.isInteger)),
    exceptions: values('exception'),
    mimBuild: facts.mimBuild ?? values('mim-build')[0] ?? null,
    connector: facts.connector ?? values('connector')[0] ?? null,
    connectorBuilds: values('connector-build'),
  };
}

/** The last messages, each redacted before it is cut (a cut could split a secret past the pattern). */
export function transcriptExcerpt(
  messages: readonly string[],
  limits: TranscriptLimits = DEFAULT_TRANSCRIPT_LIMITS,
): TranscriptLine[] {
  return messages
    .filter((m) => typeof m === 'string' && m.trim() !== '')
    .slice(-limits.maxMessages)
    .map((message) => {
      const clean = redact(message.trim());
      const truncated = clean.length > limits.maxChars;
      return { text: truncated ? `${clean.slice(0, limits.maxChars)}…` : clean, truncated };
    });
}

/** A new open case from validated input. Pure: the store supplies the number and the time. */
export function newCase(
  input: CaseInput,
  number: number,
  submissionId: string,
  now: Date,
  limits: TranscriptLimits = DEFAULT_TRANSCRIPT_LIMITS,
): EscalationCase {
  validateInput(input);
  const at = now.toISOString();
  const { requester } = input;
  return {
    id: formatCaseId(number),
    number,
    submissionId,
    status: 'open',
    requester: {
      id: requester.id,
      name: cap(requester.name, MAX_NAME),
      aadObjectId: requester.aadObjectId ?? null,
      tenantId: requester.tenantId ?? null,
      conversationReference: requester.conversationReference ?? null,
    },
    lang: input.lang,
    description: cap(redact(input.description.trim()), MAX_DESCRIPTION),
    impact: input.impact,
    findings: cleanFindings(input.findings),
    steps: input.steps.map((s) => ({ step: s.step, outcome: s.outcome })),
    transcript: transcriptExcerpt(input.userMessages, limits),
    takenBy: null,
    resolvedBy: null,
    resolution: null,
    createdAt: at,
    takenAt: null,
    resolvedAt: null,
    updatedAt: at,
    delivery: { supportActivityId: null, supportConversationId: null, requesterActivityId: null },
  };
}

function validateInput(input: CaseInput): void {
  const { requester } = input;
  if (!requester || typeof requester.id !== 'string' || requester.id === '') {
    throw new CaseInputError('A case needs the requester id.');
  }
  if (typeof requester.name !== 'string') throw new CaseInputError('A case needs the requester name.');
  if (input.lang !== 'en' && input.lang !== 'da')
    throw new CaseInputError(`Unknown language "${String(input.lang)}".`);
  if (typeof input.description !== 'string')
    throw new CaseInputError('A case needs a description (may be empty).');
  if (!IMPACTS.includes(input.impact)) throw new CaseInputError(`Unknown impact "${String(input.impact)}".`);
  for (const shown of input.steps) {
    if (!isStepId(shown.step)) throw new CaseInputError(`Unknown step "${String(shown.step)}".`);
    if (!STEP_OUTCOMES.includes(shown.outcome)) {
      throw new CaseInputError(`Unknown outcome "${String(shown.outcome)}" for step ${shown.step}.`);
    }
  }
}

/** Findings are recognizer output (canonical codes), but capped all the same: they are shown on a card. */
function cleanFindings(f: FindingsSummary): FindingsSummary {
  const list = (values: readonly string[]): string[] =>
    unique(values.map((v) => cap(String(v), 100))).slice(0, 20);
  return {
    stepId: f.stepId && isStepId(f.stepId) ? f.stepId : null,
    symptoms: list(f.symptoms),
    statusCodes: list(f.statusCodes),
    objectCodes: list(f.objectCodes),
    eventIds: f.eventIds.filter((id) => Number.isInteger(id)).slice(0, 20),
    exceptions: list(f.exceptions),
    mimBuild: f.mimBuild ? cap(f.mimBuild, 40) : null,
    connector: f.connector ? cap(f.connector, 40) : null,
    connectorBuilds: list(f.connectorBuilds),
  };
}

export type RefusalReason = 'taken-by-other' | 'already-resolved' | 'not-found';

/** The result of a transition: the case after it, and whether anything changed (only then tell people). */
export type Transition =
  | { ok: true; changed: boolean; case: EscalationCase }
  | { ok: false; reason: Exclude<RefusalReason, 'not-found'>; case: EscalationCase };

/** open -> taken. Taking your own case again is a no-op; someone else's is refused with who has it. */
export function takeCase(c: EscalationCase, by: Person, now: Date): Transition {
  if (c.status === 'resolved') return { ok: false, reason: 'already-resolved', case: c };
  if (c.status === 'taken') {
    if (c.takenBy?.id === by.id) return { ok: true, changed: false, case: c };
    return { ok: false, reason: 'taken-by-other', case: c };
  }
  const at = now.toISOString();
  return {
    ok: true,
    changed: true,
    case: { ...c, status: 'taken', takenBy: person(by), takenAt: at, updatedAt: at },
  };
}

/** open|taken -> resolved with a note. Resolving a resolved case is a no-op (the first note stays). */
export function resolveCase(c: EscalationCase, by: Person, note: string, now: Date): Transition {
  if (c.status === 'resolved') return { ok: true, changed: false, case: c };
  const at = now.toISOString();
  return {
    ok: true,
    changed: true,
    case: {
      ...c,
      status: 'resolved',
      resolvedBy: person(by),
      resolution: cap(redact(note.trim()), MAX_NOTE),
      resolvedAt: at,
      updatedAt: at,
    },
  };
}

/** Record where the edge posted the case; fields left out keep their value. */
export function withDelivery(c: EscalationCase, patch: Partial<CaseDelivery>, now: Date): EscalationCase {
  return { ...c, delivery: { ...c.delivery, ...patch }, updatedAt: now.toISOString() };
}

function person(p: Person): Person {
  return { id: p.id, name: cap(p.name, MAX_NAME) };
}

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
