import {
  BotState,
  type ConversationState,
  type PrivateConversationState,
  type Storage,
  type StoreItem,
  type TurnContext,
  type UserState,
} from 'botbuilder';

interface Cached {
  state: StoreItem;
  /** The state as last read or written, without its eTag: what "changed" is measured against. */
  json: string;
}

/** The stock state classes, used here only for their storage key schemes. */
type KeyScheme = ConversationState | PrivateConversationState | UserState;

/**
 * BotState with a cheaper change check. Stock BotState hashes the state on every load and twice
 * on every save (a replacer-driven stringify plus SHA-256): with two states per turn that was the
 * largest cost of a turn left in our own hands. Our state is plain JSON, so comparing
 * `JSON.stringify` output tells the same thing for a fraction of the work. Loading, caching per
 * turn, `'*'` as the eTag of a save (which OptimisticStorage turns into a condition) and the
 * storage keys are as in botbuilder.
 */
export class JsonBotState extends BotState {
  private readonly cacheKey = Symbol('json-bot-state');

  /** Same storage keys as `scheme` (e.g. a PrivateConversationState on the same storage). */
  constructor(storage: Storage, scheme: KeyScheme) {
    super(storage, (context) => {
      const key = scheme.getStorageKey(context);
      return key ? Promise.resolve(key) : Promise.reject(new Error('no storage key for this activity'));
    });
  }

  override async load(context: TurnContext, force = false): Promise<StoreItem> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!force && cached) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as StoreItem | undefined) ?? {};
    context.turnState.set(this.cacheKey, { state, json: withoutETag(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached =
      (context.turnState.get(this.cacheKey) as Cached | undefined) ??
      (force ? { state: {}, json: '' } : undefined);
    if (!cached) return;
    const json = withoutETag(cached.state);
    if (!force && json === cached.json) return;
    const key = await this.storageKey(context);
    cached.state.eTag = '*';
    await this.storage.write({ [key]: cached.state });
    // What was just written, without the eTag (the only field the write changes).
    cached.json = json;
    context.turnState.set(this.cacheKey, cached);
  }

  override clear(context: TurnContext): Promise<void> {
    context.turnState.set(this.cacheKey, { state: {}, json: '' } satisfies Cached);
    return Promise.resolve();
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    const key = await this.storageKey(context);
    await this.storage.delete([key]);
  }

  override get(context: TurnContext): StoreItem | undefined {
    return (context.turnState.get(this.cacheKey) as Cached | undefined)?.state;
  }
}

/** The state's JSON without its eTag, which storage changes on every write. */
function withoutETag(state: StoreItem): string {
  const rest: StoreItem = { ...state };
  delete rest.eTag;
  return JSON.stringify(rest);
}
