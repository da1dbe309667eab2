import type { ClickTurn, Turn } from '../triage/turn';

/** A card's data as it arrives: from the client, so possibly tampered with. */
export type Fields = Record<string, unknown>;

interface VerbBase<A> {
  /** The action from the card's data (its `verb` already matched), or null when malformed. */
  read(data: Fields): A | null;
}

/** A verb the triage dialog answers, on the clicker's case. */
export interface DialogVerb<A> extends VerbBase<A> {
  scope: 'dialog';
  handle(turn: Turn, action: A): Promise<void>;
}

/** A verb answered without any dialog state (support card buttons): the card carries all it needs. */
export interface ClickVerb<A> extends VerbBase<A> {
  scope: 'click';
  handle(turn: ClickTurn, action: A): Promise<void>;
}

export type Verb<A> = DialogVerb<A> | ClickVerb<A>;

const MAX_FIELD = 200;
/** Free text typed into a card; the case core caps and redacts it further. */
const MAX_INPUT = 4000;

/** A typed input: absent or empty is "not given"; too long or not text is a tampered payload. */
export function optionalInput(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && value.length <= MAX_INPUT ? value : null;
}

/** A short identifier from the bot's own card (a question id, a choice id). */
export function shortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD;
}
