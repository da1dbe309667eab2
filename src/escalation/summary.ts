/**
 * A case as plain text to copy into a ticket or a mail, for when no support channel is set up.
 * Labels are translated; codes, builds and event IDs stay as MIM shows them.
 */
import { getStep } from '../diagnosis/knowledge/steps';
import type { Lang } from '../diagnosis/types';
import type { CaseStatus, EscalationCase, Impact, StepOutcome } from './case';

interface SummaryLabels {
  case: string;
  status: Record<CaseStatus, string>;
  requester: string;
  opened: string;
  impact: string;
  impacts: Record<Impact, string>;
  description: string;
  recognised: string;
  statusCodes: string;
  objectCodes: string;
  eventIds: string;
  exceptions: string;
  mimBuild: string;
  connector: string;
  connectorBuilds: string;
  symptoms: string;
  stepsShown: string;
  outcomes: Record<StepOutcome, string>;
  transcript: string;
  takenBy: string;
  resolvedBy: string;
  resolution: string;
  nothing: string;
}

/** The wording table; candidates for src/i18n once the edge shows these on cards too. */
export const SUMMARY_LABELS: Record<Lang, SummaryLabels> = {
  en: {
    case: 'Case',
    status: { open: 'open', taken: 'taken', resolved: 'resolved' },
    requester: 'Requester',
    opened: 'Opened',
    impact: 'Impact',
    impacts: {
      'all-runs-blocked': 'All runs are blocked',
      'one-ma-failing': 'One management agent is failing',
      question: 'A question',
    },
    description: 'Description',
    recognised: 'Recognised',
    statusCodes: 'Run status',
    objectCodes: 'Object errors',
    eventIds: 'Event IDs',
    exceptions: 'Exceptions',
    mimBuild: 'MIM build',
    connector: 'Connector',
    connectorBuilds: 'Connector builds',
    symptoms: 'Symptoms',
    stepsShown: 'Steps shown',
    outcomes: { fixed: 'fixed it', 'still-failing': 'still failing', 'no answer': 'no answer' },
    transcript: 'What the user wrote',
    takenBy: 'Taken by',
    resolvedBy: 'Resolved by',
    resolution: 'Resolution',
    nothing: 'nothing recognised',
  },
  da: {
    case: 'Sag',
    status: { open: 'åben', taken: 'under behandling', resolved: 'løst' },
    requester: 'Anmoder',
    opened: 'Oprettet',
    impact: 'Omfang',
    impacts: {
      'all-runs-blocked': 'Alle kørsler er blokeret',
      'one-ma-failing': 'Én management agent fejler',
      question: 'Et spørgsmål',
    },
    description: 'Beskrivelse',
    recognised: 'Genkendt',
    statusCodes: 'Kørselsstatus',
    objectCodes: 'Objektfejl',
    eventIds: 'Hændelses-id’er',
    exceptions: 'Undtagelser',
    mimBuild: 'MIM-build',
    connector: 'Connector',
    connectorBuilds: 'Connector-builds',
    symptoms: 'Symptomer',
    stepsShown: 'Viste trin',
    outcomes: { fixed: 'løste det', 'still-failing': 'fejler stadig', 'no answer': 'intet svar' },
    transcript: 'Hvad brugeren skrev',
    takenBy: 'Taget af',
    resolvedBy: 'Løst af',
    resolution: 'Løsning',
    nothing: 'intet genkendt',
  },
};

/** The case as plain text, in `lang` (default: the case's own language). */
export function caseSummaryText(c: EscalationCase, lang: Lang = c.lang): string {
  const l = SUMMARY_LABELS[lang];
  const f = c.findings;
  const lines: string[] = [
    `${l.case} ${c.id} (${l.status[c.status]})`,
    `${l.requester}: ${c.requester.name}`,
    `${l.opened}: ${when(c.createdAt)}`,
    `${l.impact}: ${l.impacts[c.impact]}`,
  ];
  if (c.description) lines.push(`${l.description}: ${c.description}`);

  const recognised: [string, string][] = [
    [l.statusCodes, f.statusCodes.join(', ')],
    [l.objectCodes, f.objectCodes.join(', ')],
    [l.eventIds, f.eventIds.join(', ')],
    [l.exceptions, f.exceptions.join(', ')],
    [l.mimBuild, f.mimBuild ?? ''],
    [l.connector, f.connector ?? ''],
    [l.connectorBuilds, f.connectorBuilds.join(', ')],
    [l.symptoms, f.symptoms.join(', ')],
  ];
  const known = recognised.filter(([, value]) => value !== '');
  lines.push(`${l.recognised}:${known.length === 0 ? ` ${l.nothing}` : ''}`);
  for (const [label, value] of known) lines.push(`  ${label}: ${value}`);

  if (c.steps.length > 0) {
    lines.push(`${l.stepsShown}:`);
    c.steps.forEach((s, i) => {
      lines.push(`  ${i + 1}. ${getStep(s.step).title[lang]} (${s.step}): ${l.outcomes[s.outcome]}`);
    });
  }
  if (c.transcript.length > 0) {
    lines.push(`${l.transcript}:`);
    for (const line of c.transcript) lines.push(`  > ${line.text.replace(/\r?\n/g, '\n    ')}`);
  }
  if (c.takenBy) lines.push(`${l.takenBy}: ${c.takenBy.name}${c.takenAt ? ` (${when(c.takenAt)})` : ''}`);
  if (c.resolvedBy)
    lines.push(`${l.resolvedBy}: ${c.resolvedBy.name}${c.resolvedAt ? ` (${when(c.resolvedAt)})` : ''}`);
  if (c.resolution) lines.push(`${l.resolution}: ${c.resolution}`);
  return lines.join('\n');
}

/** "2024-05-01 10:00 UTC": one format for both languages, no locale data needed. */
function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
