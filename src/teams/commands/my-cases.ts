import { t } from '../../i18n';
import { sendCard, tell } from '../triage/turn';
import { caseListItem, listView, MAX_LISTED } from '../views/case-views';
import { plain, type CommandDef } from './command';

export interface MyCasesCommand {
  id: 'myCases';
}

/** The cases the user opened, newest first. */
export const myCases: CommandDef<MyCasesCommand> = {
  pattern: /^(?:my cases|mine sager)$/i,
  read: plain('myCases'),
  danish: ['sager'],
  async handle(turn) {
    const { desk } = turn.services;
    if (!desk) return tell(turn, 'reply.casesUnavailable');
    const { lang } = turn;
    const cases = await desk.myCases(turn.context.activity.from?.id ?? '', MAX_LISTED + 1);
    const items = cases.slice(0, MAX_LISTED).map((c) => caseListItem(c, lang, { showRequester: false }));
    sendCard(
      turn,
      'list',
      listView(t(lang, 'list.myCases.title'), t(lang, 'list.myCases.empty'), items, cases.length, lang),
    );
  },
};
