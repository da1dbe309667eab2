import { MessageFactory, type Activity } from 'botbuilder';
import type { Lang } from '../diagnosis/types';
import type { AdviceGiven, UnplacedKind } from '../escalation';
import type { AdaptiveCardJson } from './views/cards';

/**
 * What a card click is told when its card is not replaced: done, a card the conversation has moved
 * past, data that could not be read, or a sentence of its own. An Action.Execute click hears it in
 * the invoke response, an Action.Submit click as a reply.
 */
export type ClickNote = 'done' | 'stale' | 'unreadable' | { text: string };

/** What one turn does, returned by its handler and applied by the bot in one place. */
export interface TurnOutcome {
  /** The turn's language, resolved once; every reply of the turn, invoke responses included, uses it. */
  lang: Lang;
  /** Replies, in order. */
  replies: Partial<Activity>[];
  /** The clicked card as it should now look; `everyone`: also for the others in a group chat or channel. */
  replace?: { card: AdaptiveCardJson; everyone: boolean };
  note?: ClickNote;
  /** Replies that give advice: they carry Teams' feedback buttons, and a thumb on one counts for its step. */
  advice?: { reply: Partial<Activity>; given: AdviceGiven }[];
  /** A message the bot could not place in MIM Sync, for the support lead's figures. */
  unplaced?: { kind: UnplacedKind; text: string };
}

export function newOutcome(lang: Lang): TurnOutcome {
  return { lang, replies: [] };
}

/** Adds a plain-text reply. */
export function say(outcome: TurnOutcome, text: string): void {
  outcome.replies.push(MessageFactory.text(text));
}
