/**
 * The state store cannot be used, found at start: a wrong setting, an unreachable account, a folder
 * another process holds. The message is one line that names the setting to fix and never holds a
 * secret; src/index.ts prints it and exits non-zero instead of failing at the first user turn.
 */
export class StorageStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageStartError';
  }
}
