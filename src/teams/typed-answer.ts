import type { AnswerValue, Choice, QuestionNode } from '../diagnosis/triage-tree';
import type { Recognition } from '../diagnosis/types';
import { choiceLabel } from './question-view';

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

/** A typed answer to the pending question: a choice by number or label, or a value the recognizer found. */
export function answerFromText(node: QuestionNode, recognition: Recognition): AnswerValue | null {
  const text = normalise(recognition.text);
  const byNumber = /^\d{1,2}$/.test(text) ? node.choices[Number(text) - 1] : undefined;
  if (byNumber) return byNumber.answer;
  const byLabel = node.choices.find((c: Choice) =>
    (['en', 'da'] as const).some((lang) => normalise(choiceLabel(c, lang)) === text || c.id === text),
  );
  if (byLabel) return byLabel.answer;
  // A longer message is a new description of the problem, even if it contains a build or a code.
  if (text.split(' ').length > 8) return null;
  const find = (kind: string) => recognition.findings.find((f) => f.kind === kind);
  switch (node.slot) {
    case 'mimBuild': {
      const build = find('mim-build');
      return build ? { slot: 'mimBuild', value: build.value } : null;
    }
    case 'connector': {
      const connector = find('connector');
      return connector && connector.value !== 'other' && isConnector(connector.value)
        ? { slot: 'connector', value: connector.value }
        : null;
    }
    case 'statusCode': {
      const status = find('run-status');
      return status ? { slot: 'statusCode', value: status.value } : null;
    }
    case 'step':
      return null;
  }
}

function isConnector(
  value: string,
): value is 'generic-ldap' | 'generic-sql' | 'lotus-domino' | 'web-services' {
  return ['generic-ldap', 'generic-sql', 'lotus-domino', 'web-services'].includes(value);
}
