import { MessageFactory } from 'botbuilder';
import { t, type StringKey } from '../i18n';
import type { CardName, CardViews } from './card-views';
import { cardAttachment } from './cards';
import type { Turn } from './triage-state';

/** Sends one of the bot's cards as the turn's reply. */
export async function sendCard<N extends CardName>(turn: Turn, name: N, view: CardViews[N]): Promise<void> {
  await turn.context.sendActivity(MessageFactory.attachment(cardAttachment(name, view)));
}

/** Sends a plain text reply in the turn's language. */
export async function tell(
  turn: Turn,
  key: StringKey,
  vars: Record<string, string | number> = {},
): Promise<void> {
  await turn.context.sendActivity(t(turn.lang, key, vars));
}
