import { MessageFactory, type TurnContext } from 'botbuilder';
import type { FileSettings } from '../../config/files';
import type { Lang, StepId } from '../../diagnosis/types';
import { t, type StringKey } from '../../i18n';
import type { EscalationDesk } from '../escalation/desk';
import type { RunAlerts } from '../run-watch/run-alerts';
import type { LanguagePreference } from '../language';
import { say, type TurnOutcome } from '../turn-outcome';
import type { CardName, CardViews } from '../views/card-views';
import { cardAttachment } from '../views/cards';
import type { TriageState } from './state';

/** What the handlers of a turn may use besides the turn itself; the bot builds it once. */
export interface TriageServices {
  /** Opens and lists support cases; undefined in the terminal chat, which offers no escalation. */
  desk: EscalationDesk | undefined;
  /** The user's explicit language choice. */
  languages: LanguagePreference;
  /** Deletes the user's own bot state (dialog and language) for "delete my data". */
  forgetUserState: (context: TurnContext) => Promise<void>;
  /** Where files sent in a 1:1 chat may be fetched from, and how much of them. */
  files: FileSettings;
  /** Failed MIM runs posted to the support channel (POST /api/runs); undefined when it is off. */
  runAlerts?: RunAlerts;
}

/** A turn without dialog state: a click on a support card, which needs no case of the clicker's own. */
export interface ClickTurn {
  context: TurnContext;
  /** The turn's language; handlers that change it set `out.lang` too. */
  lang: Lang;
  /** What the handlers decided to send and replace; the bot applies it. */
  out: TurnOutcome;
  services: TriageServices;
}

/** A turn of the triage dialog: the turn, the case it works on, and what it does, travel together. */
export interface Turn extends ClickTurn {
  state: TriageState;
}

/** Adds one of the bot's cards to the turn's replies. */
export function sendCard<N extends CardName>(turn: ClickTurn, name: N, view: CardViews[N]): void {
  turn.out.replies.push(MessageFactory.attachment(cardAttachment(name, view)));
}

/** Adds a plain-text reply in the turn's language. */
export function tell(turn: ClickTurn, key: StringKey, vars: Record<string, string | number> = {}): void {
  say(turn.out, t(turn.lang, key, vars));
}

/**
 * "That fixed it" / "Still failing" speak about the step the case is at; a click on an earlier
 * advice card would record a wrong outcome, so it is told the card is stale. Without a case
 * (expired, another user) the card's own step is taken at its word.
 */
export function isOldAdviceCard(turn: Turn, step: StepId): boolean {
  const { state } = turn;
  if (!state.current || state.current === step) return false;
  turn.out.note = 'stale';
  return true;
}
