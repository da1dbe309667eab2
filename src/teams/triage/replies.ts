import { MessageFactory } from 'botbuilder';
import { t, type StringKey } from '../../i18n';
import type { CardName, CardViews } from '../views/card-views';
import { cardAttachment } from '../views/cards';
import type { Turn } from './state';
import { say } from '../turn-outcome';

/** Adds one of the bot's cards to the turn's replies. */
export function sendCard<N extends CardName>(turn: Turn, name: N, view: CardViews[N]): void {
  turn.out.replies.push(MessageFactory.attachment(cardAttachment(name, view)));
}

/** Adds a plain-text reply in the turn's language. */
export function tell(turn: Turn, key: StringKey, vars: Record<string, string | number> = {}): void {
  say(turn.out, t(turn.lang, key, vars));
}
