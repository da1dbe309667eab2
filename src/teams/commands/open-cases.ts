import type { Lang } from '../../diagnosis/types';
import type { OutboxItem } from '../../escalation';
import { t } from '../../i18n';
import { sendCard, tell } from '../triage/turn';
import { caseListItem, listView, MAX_LISTED } from '../views/case-views';
import { plain, type CommandDef } from './command';

export interface OpenCasesCommand {
  id: 'openCases';
}

/** Why a case card has not reached the support channel, for the list. */
function deliveryWarning(item: OutboxItem, lang: Lang): string {
  const error =
    [item.lastError?.status, item.lastError?.code]
      .filter((part) => part !== null && part !== undefined)
      .join(' ') ||
    (item.lastError?.message ?? '?');
  return item.status === 'failed'
    ? t(lang, 'list.deliveryFailed', { error })
    : t(lang, 'list.deliveryPending', { n: item.attempts, error });
}

/** Open and taken cases, for the support channel and support admins, with undelivered cards flagged. */
export const openCases: CommandDef<OpenCasesCommand> = {
  pattern: /^(?:open cases|åbne sager|aabne sager)$/i,
  read: plain('openCases'),
  danish: ['åbne', 'aabne', 'sager'],
  async handle(turn) {
    const { desk } = turn.services;
    if (!desk) return tell(turn, 'reply.casesUnavailable');
    if (!(await desk.isSupport(turn.context.activity))) return tell(turn, 'reply.supportOnly');
    const { lang } = turn;
    const { items, total } = await desk.openCases(MAX_LISTED);
    const views = items.map(({ case: c, cardProblem }) =>
      caseListItem(c, lang, {
        showRequester: true,
        warning: cardProblem ? deliveryWarning(cardProblem, lang) : '',
      }),
    );
    sendCard(
      turn,
      'list',
      listView(t(lang, 'list.openCases.title'), t(lang, 'list.openCases.empty'), views, total, lang),
    );
  },
};
