import type { Activity } from 'botbuilder';
import type { Lang } from '../../diagnosis/types';
import type { OutboxItem } from '../../escalation';
import { t, type StringKey } from '../../i18n';
import type { ListView } from '../views/card-views';
import { caseListItem, listView, MAX_LISTED, statsView } from '../views/case-views';
import type { EscalationDesk } from './desk';

/** What a case command answers: a list card, or one line of text. */
export type CaseReply = { list: ListView } | { text: string };

/** The commands about cases that need no dialog state: `my cases`, `open cases`, `stats`, the channel. */
export type CaseCommand = 'myCases' | 'openCases' | 'stats' | 'useChannel';

const CHANNEL_REPLIES: Record<Awaited<ReturnType<EscalationDesk['registerChannel']>>, StringKey> = {
  registered: 'reply.channel.registered',
  'fixed-by-settings': 'reply.channel.configured',
  'not-admin': 'reply.channel.notAdmin',
  'not-a-channel': 'reply.channel.notChannel',
};

export async function caseCommandReply(
  desk: EscalationDesk,
  command: CaseCommand,
  activity: Partial<Activity>,
  lang: Lang,
): Promise<CaseReply> {
  switch (command) {
    case 'myCases': {
      const cases = await desk.myCases(activity.from?.id ?? '', MAX_LISTED + 1);
      const items = cases.slice(0, MAX_LISTED).map((c) => caseListItem(c, lang, { showRequester: false }));
      return {
        list: listView(
          t(lang, 'list.myCases.title'),
          t(lang, 'list.myCases.empty'),
          items,
          cases.length,
          lang,
        ),
      };
    }
    case 'openCases':
    case 'stats': {
      // For the support channel and support admins only.
      if (!(await desk.isSupport(activity))) return { text: t(lang, 'reply.supportOnly') };
      if (command === 'stats') return { list: statsView(await desk.stats(), lang) };
      const { items, total } = await desk.openCases(MAX_LISTED);
      const views = items.map(({ case: c, cardProblem }) =>
        caseListItem(c, lang, {
          showRequester: true,
          warning: cardProblem ? deliveryWarning(cardProblem, lang) : '',
        }),
      );
      return {
        list: listView(t(lang, 'list.openCases.title'), t(lang, 'list.openCases.empty'), views, total, lang),
      };
    }
    case 'useChannel':
      return { text: t(lang, CHANNEL_REPLIES[await desk.registerChannel(activity)]) };
  }
}

/** Why a case card has not reached the support channel, for the `open cases` list. */
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
