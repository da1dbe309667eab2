import { TurnContext, type Activity } from 'botbuilder';
import { toPlainText } from '../../diagnosis/plain-text';
import { parseCardAction, type CardAction } from '../actions';
import { mentionsUnsentFile, sentFile, type SentFile } from './file-attachment';

/** What the user sent this turn, as the dialog needs it. */
export type Input =
  | { kind: 'action'; action: CardAction }
  | { kind: 'badAction' }
  | { kind: 'text'; text: string }
  /** A file with a download link (1:1 chats), and whatever was typed with it. */
  | { kind: 'file'; file: SentFile; text: string }
  /** A file posted where Teams gives the bot no link to it (channels, most group chats). */
  | { kind: 'unsentFile'; text: string }
  | { kind: 'attachment' }
  | { kind: 'empty' };

/** Longest text we keep from one message; the recognizer reads its head and tail. */
const MAX_TEXT_CHARS = 100_000;

function htmlAttachmentText(activity: Partial<Activity>): string {
  const html = activity.attachments?.find(
    (a) => a.contentType === 'text/html' && typeof a.content === 'string',
  );
  return typeof html?.content === 'string' ? html.content : '';
}

function hasFileOrImage(activity: Partial<Activity>): boolean {
  return (activity.attachments ?? []).some(
    (a) =>
      typeof a.contentType === 'string' &&
      (a.contentType.startsWith('image/') ||
        a.contentType === 'application/vnd.microsoft.teams.file.download.info' ||
        a.contentType.startsWith('application/pdf') ||
        a.contentType.startsWith('application/octet-stream')),
  );
}

/**
 * A message's text as the bot reads it: capped, Teams' HTML and entities turned into plain lines.
 * `diagnose` and `eval` read their texts through this too, so they measure what the bot sees.
 */
export function cleanText(raw: string): string {
  return toPlainText(raw.slice(0, MAX_TEXT_CHARS));
}

const LEADING_GREETING = String.raw`(?:(?:hi|hello|hey|dear|hej|kære)[ \t,]+)?`;

/**
 * The bot's name typed as plain text to open a message ("MIM Sync Doctor, our export fails"), as
 * admins do where they cannot @mention it: an address, not what is asked. Left out like a mention,
 * so "MIM" in the bot's name is not read as a word about the Sync engine.
 */
export function withoutOwnName(text: string, name: string | undefined): string {
  if (!name?.trim()) return text;
  const rest = text.replace(openingWith(name.trim()), '$1');
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text;
}

/** A bot has one name: its pattern is built once, not per message. */
const openings = new Map<string, RegExp>();
function openingWith(name: string): RegExp {
  let opening = openings.get(name);
  if (!opening) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, String.raw`\s+`);
    opening = new RegExp(
      String.raw`^(\s*${LEADING_GREETING})@?${escaped}(?![\p{L}\p{N}])[ \t]*[,:;.!-]*\s*`,
      'iu',
    );
    if (openings.size > 16) openings.clear();
    openings.set(name, opening);
  }
  return opening;
}

/** Teams' placeholder for a file in a channel message; bounded so that no paste makes it slow. */
const FILE_REFERENCE = /<attachment\b[^<>]{0,200}>\s{0,20}<\/attachment>/gi;

/** Inputs already read, per activity: the bot and the dialog both look at a turn's input, once. */
const read = new WeakMap<Partial<Activity>, Input>();

/**
 * Normalise one activity: card data first (Action.Submit sends `value`), then the text without
 * the bot's own @mention and without Teams' HTML, then attachments the bot cannot read.
 */
export function readInput(activity: Partial<Activity>): Input {
  let input = read.get(activity);
  if (input === undefined) {
    input = readActivity(activity);
    read.set(activity, input);
  }
  return input;
}

function readActivity(activity: Partial<Activity>): Input {
  if (activity.type === 'invoke') return readCardInvoke(activity);
  const value: unknown = activity.value;
  if (value !== undefined && value !== null && typeof value === 'object') {
    const action = parseCardAction(value);
    return action ? { kind: 'action', action } : { kind: 'badAction' };
  }
  let raw = typeof activity.text === 'string' ? activity.text : '';
  // Card data that is not an object (a string, a number) is a click we cannot read.
  if (value !== undefined && value !== null && !raw.trim()) return { kind: 'badAction' };
  if (raw && activity.recipient?.id) raw = TurnContext.removeRecipientMention(activity) ?? raw;
  if (!raw.trim()) raw = htmlAttachmentText(activity);
  const text = withoutOwnName(cleanText(raw), activity.recipient?.name);
  const file = sentFile(activity);
  if (file) return { kind: 'file', file, text };
  if (activity.conversation?.conversationType !== 'personal' && mentionsUnsentFile(activity)) {
    const typed = cleanText(raw.replace(FILE_REFERENCE, ' '));
    return { kind: 'unsentFile', text: withoutOwnName(typed, activity.recipient?.name) };
  }
  if (text) return { kind: 'text', text };
  return hasFileOrImage(activity) ? { kind: 'attachment' } : { kind: 'empty' };
}

/** Action.Execute arrives as an `adaptiveCard/action` invoke: `{ action: { verb, data } }`. */
function readCardInvoke(activity: Partial<Activity>): Input {
  if (activity.name !== 'adaptiveCard/action') return { kind: 'badAction' };
  const value: unknown = activity.value;
  const action =
    typeof value === 'object' && value !== null ? (value as { action?: unknown }).action : undefined;
  if (typeof action !== 'object' || action === null) return { kind: 'badAction' };
  const { verb, data } = action as { verb?: unknown; data?: unknown };
  const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  // The verb on the action wins over one in the data: it is what Teams routes by.
  const parsed = parseCardAction({ ...fields, verb });
  return parsed ? { kind: 'action', action: parsed } : { kind: 'badAction' };
}
