import type { Lang } from '../../diagnosis/types';
import { t, type StringKey } from '../../i18n';
import type { ClickTurn } from '../triage/turn';
import { expandCard } from '../views/cards';
import { caseCardView } from '../views/case-views';
import type { CaseClickResult } from './desk';

/** What the clicker is told when a support card click changes nothing. */
function refusalText(result: Exclude<CaseClickResult, { ok: true }>, lang: Lang): string {
  const keys: Record<typeof result.reason, StringKey> = {
    'not-support': 'reply.case.notSupport',
    'wrong-card': 'reply.case.wrongCard',
    'not-found': 'reply.case.notFound',
    'note-missing': 'reply.case.noteMissing',
    'already-resolved': 'reply.case.alreadyResolved',
    'taken-by-other': 'reply.case.takenByOther',
  };
  return t(lang, keys[result.reason], result.reason === 'taken-by-other' ? { name: result.by } : {});
}

/**
 * A Take case / Resolve click's answer: the clicker sees the new card at once, everyone else through
 * the outbox's card update; a refused click says why.
 */
export function answerCaseClick(turn: ClickTurn, result: CaseClickResult): void {
  if (result.ok) {
    turn.out.replace = {
      card: expandCard('case', caseCardView(result.case, { audience: 'support' })),
      everyone: false,
    };
    turn.out.note = 'done';
  } else {
    turn.out.note = { text: refusalText(result, turn.lang) };
  }
}
