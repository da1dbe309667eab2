import type { ProductId } from './knowledge/products';
/** Shared types of the diagnosis core. Nothing here may import botbuilder. */

export const LANGS = ['en', 'da'] as const;
export type Lang = (typeof LANGS)[number];

/** A sentence in every language the bot speaks. */
export type Localized = Record<Lang, string>;
/** A list of sentences (numbered actions, causes) in every language. */
export type LocalizedList = Record<Lang, readonly string[]>;

/** The seven recommended steps of the source article; stable public ids, never rename one. */
export const STEP_IDS = [
  'update-mim',
  'update-connectors',
  'run-error-codes',
  'extension-dll-exception',
  'pcns-6025',
  'fim-ma-slow-full-sync',
  'fim-ma-failed-creation',
] as const;
export type StepId = (typeof STEP_IDS)[number];
export type Route = StepId | 'out-of-scope';
export const ROUTES: readonly Route[] = [...STEP_IDS, 'out-of-scope'];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export interface Step {
  id: StepId;
  /** Position in the source article (1..7). */
  order: number;
  /** Card title. */
  title: Localized;
  /** Short label for the symptom choice that leads here. */
  symptom: Localized;
  /** What to do, in order. */
  actions: LocalizedList;
  /** Why the step helps. */
  why: Localized;
  docUrl: string;
  docTitle: Localized;
  /** Further pages on the same step, shown after the main one. */
  moreDocs?: readonly DocLink[];
}

/** A documentation page and its title. */
export interface DocLink {
  url: string;
  title: Localized;
}

export type RunStatusKind = 'success' | 'completed' | 'in-progress' | 'stopped' | 'no-start' | 'other';

/** A run-level status (the result of a run profile step). */
export interface RunStatus {
  code: string;
  kind: RunStatusKind;
  step: Route;
  meaning: Localized;
  causes: LocalizedList;
  actions: LocalizedList;
  /** The meaning is inferred from the code's name or not confirmed by a source. */
  unverified?: boolean;
}

export type ObjectErrorGroup =
  'connection' | 'discovery' | 'synchronization' | 'export' | 'sync-rule' | 'fim-service-ma';

/** An object-level error shown in Synchronization Service Manager. */
export interface ObjectError {
  code: string;
  group: ObjectErrorGroup;
  step: Route;
  meaning: Localized;
  causes: LocalizedList;
  actions: LocalizedList;
  unverified?: boolean;
}

export interface EventIdInfo {
  id: number;
  source: 'sync' | 'pcns';
  level: 'information' | 'warning' | 'error' | 'unknown';
  /** null when no source that was read gives the meaning: say so plainly. */
  meaning: Localized | null;
  step: Route;
  /** The meaning comes from community scripts or the brief, not from a confirmed source. */
  unverified?: boolean;
}

export type ProductLine =
  'FIM 2010' | 'FIM 2010 R2' | 'MIM 2016 RTM' | 'MIM 2016 SP1' | 'MIM 2016 SP2' | 'MIM 2016 SP3';

export interface MimBuild {
  build: string;
  /** ISO date (yyyy-mm or yyyy-mm-dd), null when the history gives none. */
  date: string | null;
  kb: string | null;
  line: ProductLine;
  /** Contains Synchronization Service fixes. */
  syncFixes: boolean;
  notes: Localized;
  /** Build number not confirmed by the official history (e.g. SP3). */
  unconfirmed?: boolean;
}

export const CONNECTOR_IDS = [
  'generic-ldap',
  'generic-sql',
  'lotus-domino',
  'web-services',
  'powershell',
  'graph',
  'generic-csv',
  'ad',
  'fim-service',
  'other',
] as const;
export type ConnectorId = (typeof CONNECTOR_IDS)[number];

export interface ConnectorBuild {
  build: string;
  date: string | null;
  notes: Localized;
  /** Entra Connect only, not for MIM. */
  notForMim?: boolean;
}

export type FindingKind =
  | 'run-status'
  | 'object-error'
  | 'event-id'
  | 'mim-build'
  | 'connector-build'
  | 'connector'
  | 'exception'
  | 'hresult'
  | 'symptom'
  | 'out-of-scope'
  /** A neighbouring product (knowledge/products.ts), and a phrase that rules one out. */
  | 'product'
  | 'not-product';

/** Something the recognizer found in a message. */
export interface Finding {
  kind: FindingKind;
  /** Canonical value: a status code, an event id, a build, a connector id, a symptom id. */
  value: string;
  /** The text that matched, as the user wrote it. */
  raw: string;
  /** 0..1: how sure the recognizer is that this is what the user meant. */
  confidence: number;
  /** How much the sentence it stands in counts (a question counts more, a dismissed remark less). */
  emphasis?: number;
  /** How often the message names it, where more than once. */
  mentions?: number;
}

export interface Recognition {
  text: string;
  findings: Finding[];
  /** Language the message is written in, null when not confident. */
  lang: Lang | null;
  /** The message's own words, lower-cased, for the word model: no quoted lines, signature or asides. */
  words?: readonly string[];
  /** Characters of the admin's own account: the text without quoted lines, signature, remarks waved away. */
  ownLength?: number;
}

export interface Candidate {
  step: StepId;
  score: number;
}

export type DecisionKind = 'answer' | 'clarify' | 'out-of-scope' | 'no-signal';

export interface Decision {
  kind: DecisionKind;
  /** Top route: a step, or out-of-scope. Always set, even when the bot would ask. */
  route: Route;
  /** Ranked steps the bot would offer. */
  candidates: Candidate[];
  /** 0..1 */
  confidence: number;
  statusCode: string | null;
  objectCode: string | null;
  /** A second problem in the same message, offered after the answer. */
  secondary: StepId | null;
  /** The neighbouring product an out-of-scope message is about, when one is named (knowledge/products.ts). */
  product?: ProductId | null;
  /** Out of scope because the message says too little for any step, not because it is about something else. */
  unsure?: boolean;
}
