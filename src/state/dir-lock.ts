import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** The lock file inside the data folder. */
export const LOCK_FILE = 'mim-sync-doctor.lock';

/** Another live process holds the folder, or the lock cannot be taken. The message is one line. */
export class DirLockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirLockError';
  }
}

export interface DirLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
  startedAt: string;
}

/** A lock file too fresh to hold a pid may belong to a process that is writing it right now. */
const UNWRITTEN_GRACE_MS = 5_000;

/** Folders locked by this process, so a second open here is refused rather than taken over. */
const heldHere = new Set<string>();

/**
 * Takes `<dir>/mim-sync-doctor.lock` for this process, so two processes never write one file store
 * (its eTag checks are only atomic within a process). A lock left by a process that is gone (kill -9,
 * power loss) is taken over; a live holder on this host, or any holder on another host sharing the
 * folder, makes this throw a DirLockError. Released on exit.
 */
export function acquireDirLock(dir: string): DirLock {
  const folder = resolve(dir);
  const file = join(folder, LOCK_FILE);
  if (heldHere.has(file)) {
    throw new DirLockError(`${folder} is already in use by this process (lock file ${file}).`);
  }
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new DirLockError(`Cannot create the data folder ${folder}: ${describeFsError(err)}.`);
  }
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    startedAt: new Date().toISOString(),
  };

  // Twice at most: once more after removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(file, me)) return held(file, me);
    const holder = readHolder(file);
    if (holder === 'gone') continue;
    if (holder === 'unwritten') {
      throw new DirLockError(
        `Another process is starting on ${folder} (lock file ${file} is being written); try again, or delete it if nothing runs.`,
      );
    }
    if (holder !== 'unreadable' && isLive(holder)) {
      const where =
        holder.host === me.host ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}`;
      throw new DirLockError(
        `Another MIM Sync Doctor process (${where}) is using ${folder}: stop it, or set DATA_DIR to another folder (lock file ${file}).`,
      );
    }
    // The holder is gone (or the file is garbage from a crash while writing it): take over.
    try {
      unlinkSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new DirLockError(`Cannot remove the stale lock file ${file}: ${describeFsError(err)}.`);
      }
    }
  }
  throw new DirLockError(`Cannot take the lock file ${file}: another process keeps creating it.`);
}

function tryCreate(file: string, me: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new DirLockError(`Cannot create the lock file ${file}: ${describeFsError(err)}.`);
  }
  try {
    writeSync(fd, JSON.stringify(me));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): Holder | 'gone' | 'unwritten' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw new DirLockError(`Cannot read the lock file ${file}: ${describeFsError(err)}.`);
  }
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return value as Holder;
    }
  } catch {
    // fall through
  }
  return isFresh(file) ? 'unwritten' : 'unreadable';
}

function isFresh(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < UNWRITTEN_GRACE_MS;
  } catch {
    return false;
  }
}

function isLive(holder: Holder): boolean {
  // A pid on another host cannot be checked from here: assume it runs.
  if (holder.host !== hostname()) return true;
  // Our own pid in the file: a previous life of this pid (containers restart as pid 1), not us,
  // since this process would have it in heldHere.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function held(file: string, me: Holder): DirLock {
  heldHere.add(file);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    process.removeListener('exit', release);
    try {
      const holder = readHolder(file);
      if (typeof holder === 'object' && holder.token === me.token) unlinkSync(file);
    } catch {
      // Best effort at exit; a leftover lock of a dead pid is taken over at the next start.
    }
  };
  process.once('exit', release);
  return { file, release };
}

function describeFsError(err: unknown): string {
  const { code, message } = err as NodeJS.ErrnoException;
  return code ?? message;
}
