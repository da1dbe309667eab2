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

/**
 * Who a card was shown to, on the buttons of cards that belong to one user (the case form, a
 * question): the Teams user id (`from.id`) and the name, for the polite refusal to anyone else.
 * Cards sent before this existed carry neither, and keep working as they did.
 */
export interface Owned {
  for?: string;
  forName?: string;
}

const MAX_OWNER_NAME = 100;

/** The owner fields of a card's data: absent is an older card; malformed is a tampered one (null). */
export function readOwner(data: Fields): Owned | null {
  if (data.for === undefined) return {};
  if (!shortString(data.for)) return null;
  const name = typeof data.forName === 'string' ? data.forName.slice(0, MAX_OWNER_NAME) : '';
  return name ? { for: data.for, forName: name } : { for: data.for };
}

/** The owner fields for a card shown to the sender of this activity. */
export function ownerOf(activity: { from?: { id?: string; name?: string } }): Owned {
  const id = activity.from?.id;
  if (!id) return {};
  const name = activity.from?.name?.slice(0, MAX_OWNER_NAME);
  return name ? { for: id, forName: name } : { for: id };
}
