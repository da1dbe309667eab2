/**
 * Optimistic concurrency at the framework edge: every botbuilder store rejects a write whose eTag is
 * no longer current, but each says so differently. One predicate hides that from the bot.
 */

/** HTTP status Azure Storage and Cosmos DB use for a failed If-Match precondition. */
const PRECONDITION_FAILED = 412;

/** Thrown by our stores when a conditional write loses the race: the item changed (or went) since it was read. */
export class ETagConflictError extends Error {
  readonly statusCode = PRECONDITION_FAILED;

  constructor(readonly key: string) {
    // Same wording as MemoryStorage and BlobsStorage, so logs read alike whichever store is used.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * True when `err` means "someone else wrote this item since you read it": our ETagConflictError,
 * MemoryStorage's and BlobsStorage's plain Error ("... due to eTag conflict."), or a raw 412 /
 * ConditionNotMet from an Azure SDK. Looks one `cause` deep, for wrappers that keep the original.
 */
export function isETagConflict(err: unknown): boolean {
  return matches(err) || (err instanceof Error && matches(err.cause));
}

function matches(err: unknown): boolean {
  if (err instanceof ETagConflictError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const { statusCode, code, message } = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (statusCode === PRECONDITION_FAILED || code === 'ConditionNotMet') return true;
  return typeof message === 'string' && /due to eTag conflict/i.test(message);
}
