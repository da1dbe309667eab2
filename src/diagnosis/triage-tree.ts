import { STEPS } from './knowledge/steps';
import type { ConnectorId, Localized, StepId } from './types';

/**
 * The triage tree as data: each question fills one slot of the case. One generic dialog walks it;
 * adding a question means adding a node here, not a dialog.
 */
export type Slot = 'step' | 'mimBuild' | 'connector' | 'statusCode';

/** What answering a choice puts into the case. `null` means "I don't know" / "something else". */
export type AnswerValue =
  | { slot: 'step'; value: StepId | null }
  | { slot: 'mimBuild'; value: string | null }
  | { slot: 'connector'; value: ConnectorId | null }
  | { slot: 'statusCode'; value: string | null };

/**
 * The words a question or a choice shows, named by key: src/i18n holds them (its `t` accepts only
 * keys it has, so the compiler checks every one). Labels that are data carry their own `Localized`.
 */
export type TreeText =
  | `question.${QuestionId}.${'title' | 'prompt'}`
  | `question.${'symptom' | 'connector' | 'runStatus'}.other`
  | `question.mimBuild.${'sp2' | 'sp1' | 'rtm' | 'fim'}`
  | 'question.unknown'
  | `connector.${ConnectorId}`;

export interface Choice {
  id: string;
  label: TreeText | Localized;
  answer: AnswerValue;
}

export type QuestionId = 'symptom' | 'clarify' | 'mimBuild' | 'connector' | 'runStatus';

export interface QuestionNode {
  id: QuestionId;
  slot: Slot;
  title: TreeText;
  prompt: TreeText;
  choices: readonly Choice[];
  /** How many buttons share one row of the card (Teams shows at most 6 in an action set). */
  perGroup: number;
}

const stepChoices: Choice[] = STEPS.map((s) => ({
  id: s.id,
  label: s.symptom,
  answer: { slot: 'step', value: s.id },
}));

export const QUESTIONS: Readonly<Record<Exclude<QuestionId, 'clarify'>, QuestionNode>> = {
  symptom: {
    id: 'symptom',
    slot: 'step',
    title: 'question.symptom.title',
    prompt: 'question.symptom.prompt',
    choices: [
      ...stepChoices,
      { id: 'other', label: 'question.symptom.other', answer: { slot: 'step', value: null } },
    ],
    perGroup: 4,
  },
  mimBuild: {
    id: 'mimBuild',
    slot: 'mimBuild',
    title: 'question.mimBuild.title',
    prompt: 'question.mimBuild.prompt',
    choices: [
      { id: 'sp2', label: 'question.mimBuild.sp2', answer: { slot: 'mimBuild', value: '4.6' } },
      { id: 'sp1', label: 'question.mimBuild.sp1', answer: { slot: 'mimBuild', value: '4.5' } },
      { id: 'rtm', label: 'question.mimBuild.rtm', answer: { slot: 'mimBuild', value: '4.3' } },
      { id: 'fim', label: 'question.mimBuild.fim', answer: { slot: 'mimBuild', value: '4.1' } },
      { id: 'unknown', label: 'question.unknown', answer: { slot: 'mimBuild', value: null } },
    ],
    perGroup: 5,
  },
  connector: {
    id: 'connector',
    slot: 'connector',
    title: 'question.connector.title',
    prompt: 'question.connector.prompt',
    choices: [
      ...(['generic-ldap', 'generic-sql', 'lotus-domino', 'web-services'] as const).map((c) => ({
        id: c,
        label: `connector.${c}` as const,
        answer: { slot: 'connector' as const, value: c },
      })),
      { id: 'other', label: 'question.connector.other', answer: { slot: 'connector', value: 'other' } },
    ],
    perGroup: 5,
  },
  runStatus: {
    id: 'runStatus',
    slot: 'statusCode',
    title: 'question.runStatus.title',
    prompt: 'question.runStatus.prompt',
    choices: [
      ...[
        'stopped-server',
        'stopped-connectivity',
        'stopped-extension-dll-exception',
        'completed-sync-errors',
        'completed-export-errors',
        'no-start-ma-already-running',
      ].map((code) => ({
        id: code,
        label: { en: code, da: code },
        answer: { slot: 'statusCode' as const, value: code },
      })),
      { id: 'other', label: 'question.runStatus.other', answer: { slot: 'statusCode', value: null } },
    ],
    perGroup: 4,
  },
};

/** A question offering only the steps the message could mean. */
export function clarifyQuestion(candidates: readonly StepId[]): QuestionNode {
  return {
    id: 'clarify',
    slot: 'step',
    title: 'question.clarify.title',
    prompt: 'question.clarify.prompt',
    // In the order the bot ranked them, most likely first.
    choices: [
      ...candidates.flatMap((step) => stepChoices.filter((c) => c.id === step)),
      { id: 'other', label: 'question.symptom.other', answer: { slot: 'step', value: null } },
    ],
    perGroup: 4,
  };
}

/**
 * Which question refines the advice of each step once it has been given, and the slot that,
 * when already filled, makes the question unnecessary.
 */
export const REFINE_AFTER: Readonly<Partial<Record<StepId, Exclude<QuestionId, 'clarify' | 'symptom'>>>> = {
  'update-mim': 'mimBuild',
  'update-connectors': 'connector',
  'run-error-codes': 'runStatus',
};
