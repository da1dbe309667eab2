import * as fs from 'node:fs';
import * as path from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { CardName, CardViews } from './card-views';
import { deepFreeze } from '../../lib/deep-freeze';
import { LruCache } from '../../lib/lru-cache';

/** Any node of an Adaptive Card (element, action, fact, column...): only `type` is common to most. */
export interface CardNodeJson {
  type?: string;
  [key: string]: unknown;
}

/** An expanded card as plain JSON, ready for `CardFactory.adaptiveCard` or a renderer. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  body?: CardNodeJson[];
  actions?: CardNodeJson[];
  msteams?: { width?: string; entities?: CardNodeJson[] };
  [key: string]: unknown;
}

/** Teams rejects messages over about 28 KB; the card is most of the message. */
export const MAX_CARD_BYTES = 28 * 1024;

/** Recognised values echo what the user pasted (log lines, stack traces): keep them short. */
const MAX_FACT_VALUE = 300;
/** Everything else is our own text; this only guards against a runaway string. */
const MAX_TEXT = 2000;
/** A case summary to copy: longer than any label, still far under the card limit. */
const MAX_DETAIL = 8000;
/** A pasted log can yield many findings; a fact list longer than this is no longer readable. */
const MAX_FACTS = 15;

let cachedCardsDir: string | undefined;

/**
 * The `cards/` folder beside package.json. Found by walking up from this file because it runs
 * from `src/teams/views` (tsx, jest) and from `dist/teams/views` (compiled), at different depths.
 */
function cardsDir(): string {
  if (cachedCardsDir !== undefined) return cachedCardsDir;
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'cards'))) {
      cachedCardsDir = path.join(dir, 'cards');
      return cachedCardsDir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Card templates not found: no cards/ folder above ${__dirname}`);
    dir = parent;
  }
}

/**
 * Template instances are cached, not just the JSON: the constructor parses every `${...}` into an
 * expression tree, which costs far more than expanding it. `expand` resets its own state on each
 * call and is synchronous, so one instance per card is safe to reuse.
 */
const templates = new Map<CardName, Template>();

/**
 * Parse every template once; the server calls this right after it starts listening, so a broken
 * template shows at start and the first turn pays nothing.
 */
export function prepareCards(): void {
  for (const name of cardTemplateNames()) template(name as CardName);
}

/** The card templates there are: every `cards/<name>.json` (a test checks each has a view type). */
export function cardTemplateNames(): string[] {
  return fs
    .readdirSync(cardsDir())
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function template(name: CardName): Template {
  let t = templates.get(name);
  if (t === undefined) {
    const file = path.join(cardsDir(), `${name}.json`);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`Cannot load card template ${file}: ${(err as Error).message}`);
    }
    t = new Template(json);
    templates.set(name, t);
  }
  return t;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Copy of the view with over-long strings shortened, so that a huge paste ends in an ellipsis
 * instead of a card Teams refuses. Button payloads (`data`) and URLs are left exactly as they are.
 */
function clampView<T>(value: T, key?: string): T {
  if (typeof value === 'string') {
    return clip(value, key === 'value' ? MAX_FACT_VALUE : key === 'detail' ? MAX_DETAIL : MAX_TEXT) as T;
  }
  if (Array.isArray(value)) {
    const items = key === 'recognised' ? value.slice(0, MAX_FACTS) : value;
    return items.map((item: unknown) => clampView(item, key)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Button payloads, links and mention ids must arrive exactly as built.
      out[k] = k === 'data' || k === 'docUrl' || k === 'mentions' ? v : clampView(v, k);
    }
    return out as T;
  }
  return value;
}

function isCardJson(value: unknown): value is AdaptiveCardJson {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'AdaptiveCard' &&
    typeof (value as { version?: unknown }).version === 'string'
  );
}

/**
 * Expanded cards by template and view. A failed overnight run brings many admins with the same
 * paste, and every one of them gets the same advice card: expanding it again (each binding is an
 * adaptive-expressions evaluation) was the largest cost of a turn. Views are plain data, so the
 * view's JSON is a complete key. Cached cards are frozen: a caller that edits one fails loudly
 * instead of changing the next user's card.
 */
const expandedCards = new Map<CardName, LruCache<string, AdaptiveCardJson>>();
/** Per card: a burst's distinct views of one card (steps × languages × findings) fit easily. */
const CACHED_PER_CARD = 128;
/**
 * Views longer than this carry a paste (stack traces, case summaries) and hardly repeat. With the
 * per-card cap it also bounds the cache: 8 cards × 128 views × (key + card), about 15 MB at most.
 */
const MAX_KEY_CHARS = 6144;

/**
 * Who a card is for and which question it asks differ on every card (`questionId`, `for`,
 * `forName` in button payloads), so a view holding them would never be found in the cache. They
 * are expanded as stand-ins and put back into a copy of the cached card, a walk over plain JSON and
 * far cheaper than the template. The templates only carry these values through (a test compares
 * every sample view with a direct expansion).
 */
const STAMPED_KEYS = new Set(['questionId', 'for', 'forName']);
/** The cards that belong to one user (owner fields in `actions/verb.ts`); others skip the walk. */
const STAMPED_CARDS = new Set<CardName>(['question', 'case-form']);
const STAND_IN = /\uE000(\d+)\uE000/g;

/** Expands `cards/<name>.json` with a localised view model into plain card JSON (read-only). */
export function expandCard<N extends CardName>(name: N, view: CardViews[N]): AdaptiveCardJson {
  if (!STAMPED_CARDS.has(name)) return expandCached(name, view);
  const values: string[] = [];
  const general = withStandIns(view, values);
  if (values.length === 0 || general === undefined) return expandCached(name, view);
  const card = deepFreeze(stamp(expandCached(name, general), values));
  assertFits(name, card);
  return card;
}

/** A direct expansion, bypassing the stand-ins (tests compare the two). */
export function expandCardDirectly<N extends CardName>(name: N, view: CardViews[N]): AdaptiveCardJson {
  return expandCached(name, view);
}

function expandCached<N extends CardName>(name: N, view: CardViews[N]): AdaptiveCardJson {
  // One cache per card keeps the key the view's JSON itself, not a longer string built from it.
  let cache = expandedCards.get(name);
  if (cache === undefined) {
    cache = new LruCache<string, AdaptiveCardJson>(CACHED_PER_CARD);
    expandedCards.set(name, cache);
  }
  const key = JSON.stringify(view);
  const cacheable = key.length <= MAX_KEY_CHARS;
  const cached = cacheable ? cache.get(key) : undefined;
  if (cached !== undefined) return cached;
  const expanded: unknown = template(name).expand({ $root: clampView(view) });
  if (!isCardJson(expanded)) throw new Error(`Card template ${name} did not expand to an AdaptiveCard`);
  assertFits(name, expanded);
  const card = deepFreeze(expanded);
  if (cacheable) cache.set(key, card);
  return card;
}

function assertFits(name: CardName, card: AdaptiveCardJson): void {
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes > MAX_CARD_BYTES) {
    throw new Error(
      `Card ${name} is ${bytes} bytes after expansion; Teams accepts at most ${MAX_CARD_BYTES}`,
    );
  }
}

/**
 * Copy of the view with each stamped value replaced by a stand-in (its index in `values`), or
 * undefined when a string already holds the stand-in mark (then the view is expanded as it is).
 */
function withStandIns<T>(view: T, values: string[]): T | undefined {
  let marked = false;
  const general = mapStrings(view, (text, key) => {
    if (text.includes('\uE000')) marked = true;
    if (marked || key === undefined || !STAMPED_KEYS.has(key)) return text;
    let at = values.indexOf(text);
    if (at < 0) at = values.push(text) - 1;
    return `\uE000${at}\uE000`;
  });
  return marked ? undefined : general;
}

/** A copy of the expanded card with the stand-ins replaced by their values. */
function stamp<T>(card: T, values: readonly string[]): T {
  return mapStrings(card, (text) =>
    text.includes('\uE000') ? text.replace(STAND_IN, (_m, i: string) => values[Number(i)]) : text,
  );
}

/** A copy of plain JSON with every string passed through `map`, with the key it sits under. */
function mapStrings<T>(value: T, map: (text: string, key?: string) => string, key?: string): T {
  if (typeof value === 'string') return map(value, key) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, map, key)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v as unknown, map, k);
    return out as T;
  }
  return value;
}

/** The expanded card as a Bot Framework attachment. */
export function cardAttachment<N extends CardName>(name: N, view: CardViews[N]): Attachment {
  return CardFactory.adaptiveCard(expandCard(name, view));
}
