import type { AnswerValue, Choice, QuestionNode } from './triage-tree';
import type { ConnectorId, Recognition } from './types';

/** A longer message is a new description of the problem, even if it contains a build or a code. */
const MAX_ANSWER_WORDS = 8;

/** Lower case, words and numbers only: how a typed answer is compared with a choice. */
export function normaliseAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

/**
 * A typed answer to a question: a choice by number, a choice by its label (`isLabelOf` knows the
 * words, in every language, of a normalised text), or a value the recognizer found for the slot.
 */
export function typedAnswer(
  node: QuestionNode,
  recognition: Recognition,
  isLabelOf: (choice: Choice, text: string) => boolean,
): AnswerValue | null {
  const text = normaliseAnswer(recognition.text);
  const byNumber = /^\d{1,2}$/.test(text) ? node.choices[Number(text) - 1] : undefined;
  if (byNumber) return byNumber.answer;
  const byLabel = node.choices.find((c) => c.id === text || isLabelOf(c, text));
  if (byLabel) return byLabel.answer;
  if (text.split(' ').length > MAX_ANSWER_WORDS) return null;
  const find = (kind: string) => recognition.findings.find((f) => f.kind === kind);
  switch (node.slot) {
    case 'mimBuild': {
      const build = find('mim-build');
      return build ? { slot: 'mimBuild', value: build.value } : null;
    }
    case 'connector': {
      const connector = find('connector');
      return connector && isAskedConnector(connector.value)
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

/** The connectors the connector question is about (those that ship apart from MIM). */
function isAskedConnector(
  value: string,
): value is Extract<ConnectorId, 'generic-ldap' | 'generic-sql' | 'lotus-domino' | 'web-services'> {
  return ['generic-ldap', 'generic-sql', 'lotus-domino', 'web-services'].includes(value);
}
