import type { StepId } from '../diagnosis/types';
import type { CaseStatus, EscalationCase, Impact, StepOutcome } from './case';

/** What a case summary lists as recognised, in this order; codes and builds stay as MIM shows them. */
export type RecognisedKind =
  | 'statusCodes'
  | 'objectCodes'
  | 'eventIds'
  | 'exceptions'
  | 'mimBuild'
  | 'connector'
  | 'connectorBuilds'
  | 'symptoms';

/** A case as a ticket or a mail needs it, for when no support channel is set up; src/i18n words it. */
export interface CaseSummary {
  caseId: string;
  status: CaseStatus;
  requester: string;
  openedAt: string;
  impact: Impact;
  /** Empty when the user gave none. */
  description: string;
  /** Only what was recognised, in the order above. */
  recognised: { kind: RecognisedKind; value: string }[];
  steps: { step: StepId; outcome: StepOutcome }[];
  transcript: string[];
  takenBy: { name: string; at: string | null } | null;
  resolvedBy: { name: string; at: string | null } | null;
  resolution: string | null;
}

export function caseSummary(c: EscalationCase): CaseSummary {
  const f = c.findings;
  const recognised: CaseSummary['recognised'] = (
    [
      ['statusCodes', f.statusCodes.join(', ')],
      ['objectCodes', f.objectCodes.join(', ')],
      ['eventIds', f.eventIds.join(', ')],
      ['exceptions', f.exceptions.join(', ')],
      ['mimBuild', f.mimBuild ?? ''],
      ['connector', f.connector ?? ''],
      ['connectorBuilds', f.connectorBuilds.join(', ')],
      ['symptoms', f.symptoms.join(', ')],
    ] as const
  )
    .filter(([, value]) => value !== '')
    .map(([kind, value]) => ({ kind, value }));
  return {
    caseId: c.id,
    status: c.status,
    requester: c.requester.name,
    openedAt: c.createdAt,
    impact: c.impact,
    description: c.description,
    recognised,
    steps: c.steps.map((s) => ({ step: s.step, outcome: s.outcome })),
    transcript: c.transcript.map((line) => line.text),
    takenBy: c.takenBy ? { name: c.takenBy.name, at: c.takenAt } : null,
    resolvedBy: c.resolvedBy ? { name: c.resolvedBy.name, at: c.resolvedAt } : null,
    resolution: c.resolution || null,
  };
}
