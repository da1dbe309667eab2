import { ActivityTypes, type Activity } from 'botbuilder';
import { isRecord } from '../lib/is-record';
import { LruCache } from '../lib/lru-cache';

/**
 * The fields botbuilder relies on. Without them it throws outside the turn (a 500), or, for a missing
 * serviceUrl, sends the reply to api.botframework.com. The account fields and locale are copied into
 * every reply, and the connector client refuses to send a reply whose copies have the wrong type, so
 * a wrong type there would silence even the apology. Arrays botbuilder iterates must be arrays.
 * Everything else (text, value, card data) is the bot's business and gets a polite reply there.
 */
export type ShapeResult = { ok: true; activity: Activity } | { ok: false; problem: string };

const MAX_ID_LENGTH = 1024;
const MAX_TYPE_LENGTH = 64;
const MAX_URL_LENGTH = 2048;

const ACCOUNT_STRINGS = ['name', 'aadObjectId', 'role'] as const;
const CONVERSATION_STRINGS = ['name', 'conversationType', 'tenantId', 'aadObjectId', 'role'] as const;

export function checkActivityShape(value: unknown): ShapeResult {
  if (!isRecord(value)) return fail('body must be a Bot Framework activity: a JSON object with a "type"');
  if (!isShortString(value.type, MAX_TYPE_LENGTH)) return fail('"type" must be a non-empty string');
  if (!isShortString(value.channelId, MAX_TYPE_LENGTH)) return fail('"channelId" must be a non-empty string');
  if (!isServiceUrl(value.serviceUrl)) return fail('"serviceUrl" must be an http(s) URL');
  for (const field of ['conversation', 'from', 'recipient'] as const) {
    const problem = accountProblem(field, value[field]);
    if (problem) return fail(problem);
  }
  for (const field of ['id', 'replyToId'] as const) {
    if (value[field] !== undefined && !isShortString(value[field], MAX_ID_LENGTH)) {
      return fail(`"${field}" must be a non-empty string when present`);
    }
  }
  for (const field of ['locale', 'name'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') {
      return fail(`"${field}" must be a string when present`);
    }
  }
  if (value.channelData !== undefined && !isRecord(value.channelData)) {
    return fail('"channelData" must be an object when present');
  }
  const listProblem = listsProblem(value);
  if (listProblem) return fail(listProblem);
  // The wire shape is checked above as far as botbuilder depends on it; the rest stays as sent.
  return { ok: true, activity: value as unknown as Activity };
}

function accountProblem(field: 'conversation' | 'from' | 'recipient', account: unknown): string | undefined {
  if (!isRecord(account) || !isShortString(account.id, MAX_ID_LENGTH)) {
    return `"${field}.id" must be a non-empty string`;
  }
  const strings = field === 'conversation' ? CONVERSATION_STRINGS : ACCOUNT_STRINGS;
  const wrong = strings.find((key) => account[key] !== undefined && typeof account[key] !== 'string');
  if (wrong) return `"${field}.${wrong}" must be a string when present`;
  if (field === 'conversation' && account.isGroup !== undefined && typeof account.isGroup !== 'boolean') {
    return '"conversation.isGroup" must be a boolean when present';
  }
  return undefined;
}

/** entities (botbuilder lower-cases every type and reads mention.mentioned.id), attachments, members. */
function listsProblem(value: Record<string, unknown>): string | undefined {
  for (const field of [
    'entities',
    'attachments',
    'membersAdded',
    'membersRemoved',
    'reactionsAdded',
    'reactionsRemoved',
  ]) {
    const list = value[field];
    if (list !== undefined && !(Array.isArray(list) && list.every(isRecord))) {
      return `"${field}" must be an array of objects when present`;
    }
  }
  for (const entity of (value.entities ?? []) as Record<string, unknown>[]) {
    if (typeof entity.type !== 'string') return '"entities[].type" must be a string';
    const isMention = entity.type.toLowerCase() === 'mention';
    if (isMention && (!isRecord(entity.mentioned) || typeof entity.mentioned.id !== 'string')) {
      return 'a mention entity needs "mentioned.id"';
    }
    if (isMention && entity.text !== undefined && typeof entity.text !== 'string') {
      return 'a mention entity\'s "text" must be a string';
    }
  }
  for (const field of ['membersAdded', 'membersRemoved']) {
    for (const member of (value[field] ?? []) as Record<string, unknown>[]) {
      if (typeof member.id !== 'string') return `"${field}[].id" must be a string`;
    }
  }
  return undefined;
}

function fail(problem: string): ShapeResult {
  return { ok: false, problem };
}

function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

/** A tenant's activities come from a handful of service URLs: parse each once, not per activity. */
const checkedServiceUrls = new LruCache<string, boolean>(256);

function isServiceUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false;
  let ok = checkedServiceUrls.get(value);
  if (ok === undefined) {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    ok =
      url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    checkedServiceUrls.set(value, ok);
  }
  return ok;
}

const TIMESTAMP_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

/**
 * What CloudAdapter.process does before a turn (validateAndFixActivity, not exported): timestamps
 * arrive as strings and botbuilder expects Dates. A string that is no date is dropped rather than
 * turned into an Invalid Date, whose toISOString() throws wherever it is later serialised.
 */
export function fixTimestamps(activity: Activity): Activity {
  const record = activity as unknown as Record<string, unknown>;
  for (const [field, raw] of TIMESTAMP_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value === 'string') record[raw] = value;
    const date = typeof value === 'string' ? new Date(value) : undefined;
    record[field] = date !== undefined && !Number.isNaN(date.getTime()) ? date : undefined;
  }
  return activity;
}

/** Teams display names are far shorter; a longer one is cut, not copied into every reply. */
export const MAX_NAME_LENGTH = 100;
/** BCP 47 as Teams sends it (en-US, da-DK, zh-Hans-CN), at most 20 characters. */
const LOCALE = /^(?=.{2,20}$)[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

/**
 * Caps what a sender controls and the bot copies into replies, logs and cases: the account names
 * are cut to MAX_NAME_LENGTH and a locale that is not a language tag is dropped (the bot then
 * answers in English unless the text says otherwise). Done once, before anything reads them.
 */
export function capSenderFields(activity: Activity): Activity {
  for (const account of [activity.from, activity.recipient]) {
    if (typeof account?.name === 'string' && account.name.length > MAX_NAME_LENGTH) {
      account.name = cutAt(account.name, MAX_NAME_LENGTH);
    }
  }
  if (typeof activity.locale === 'string' && !LOCALE.test(activity.locale)) {
    delete (activity as Partial<Activity>).locale;
  }
  return activity;
}

/** Cut without leaving half of a surrogate pair at the end. */
function cutAt(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Activity types of the Bot Framework protocol that a channel may send (invokeResponse only goes out). */
const INBOUND_TYPES: ReadonlySet<string> = new Set(
  Object.values(ActivityTypes).filter((type) => type !== ActivityTypes.InvokeResponse),
);

export function isKnownActivityType(type: string): boolean {
  return INBOUND_TYPES.has(type);
}
