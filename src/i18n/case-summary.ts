import { getStep } from '../diagnosis/knowledge/steps';
import type { Lang } from '../diagnosis/types';
import { caseSummary, type EscalationCase } from '../escalation';
import { when } from './dates';
import { t } from './index';

/** The case as plain text to copy into a ticket or a mail, in `lang` (default: the case's own). */
export function caseSummaryText(c: EscalationCase, lang: Lang = c.lang): string {
  const s = caseSummary(c);
  const lines: string[] = [
    `${t(lang, 'caseText.case')} ${s.caseId} (${t(lang, `caseText.status.${s.status}`)})`,
    `${t(lang, 'caseText.requester')}: ${s.requester}`,
    `${t(lang, 'caseText.opened')}: ${when(s.openedAt)}`,
    `${t(lang, 'caseText.impact')}: ${t(lang, `caseText.impacts.${s.impact}`)}`,
  ];
  if (s.description) lines.push(`${t(lang, 'caseText.description')}: ${s.description}`);
  const nothing = s.recognised.length === 0 ? ` ${t(lang, 'caseText.nothing')}` : '';
  lines.push(`${t(lang, 'caseText.recognised')}:${nothing}`);
  for (const { kind, value } of s.recognised) lines.push(`  ${t(lang, `caseText.${kind}`)}: ${value}`);
  if (s.steps.length > 0) {
    lines.push(`${t(lang, 'caseText.stepsShown')}:`);
    s.steps.forEach(({ step, outcome }, i) => {
      lines.push(
        `  ${i + 1}. ${getStep(step).title[lang]} (${step}): ${t(lang, `caseText.outcomes.${outcome}`)}`,
      );
    });
  }
  if (s.transcript.length > 0) {
    lines.push(`${t(lang, 'caseText.transcript')}:`);
    for (const text of s.transcript) lines.push(`  > ${text.replace(/\r?\n/g, '\n    ')}`);
  }
  const by = (person: { name: string; at: string | null }) =>
    `${person.name}${person.at ? ` (${when(person.at)})` : ''}`;
  if (s.takenBy) lines.push(`${t(lang, 'caseText.takenBy')}: ${by(s.takenBy)}`);
  if (s.resolvedBy) lines.push(`${t(lang, 'caseText.resolvedBy')}: ${by(s.resolvedBy)}`);
  if (s.resolution) lines.push(`${t(lang, 'caseText.resolution')}: ${s.resolution}`);
  return lines.join('\n');
}
