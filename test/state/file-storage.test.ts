import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreItem } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openStorage } from '../../src/storage';
import { StorageStartError } from '../../src/state/start-error';
import { isETagConflict } from '../../src/state/conflict';
import { acquireDirLock, DirLockError, LOCK_FILE } from '../../src/state/dir-lock';
import { FileStorage } from '../../src/state/file-storage';

/** FileStorage and the folder lock: what only the durable embedded store has to get right. */

let dir: string;
let logLines: string[];

function logger() {
  return createLogger(
    { logLevel: 'debug' },
    { destination: { write: (line: string) => void logLines.push(line) } },
  );
}

function store(): FileStorage {
  return new FileStorage({ dir, logger: logger() });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mim-file-store-'));
  logLines = [];
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const KEY = 'msteams/conversations/a:1Xy;messageid=42/users/29:1AbC';

describe('FileStorage', () => {
  it('survives a restart: a new instance on the folder reads the item and honours its eTag', async () => {
    await store().write({ [KEY]: { step: 'update-mim', seq: 3 } });

    const restarted = store();
    const item = (await restarted.read([KEY]))[KEY] as StoreItem;
    expect(item).toMatchObject({ step: 'update-mim', seq: 3 });
    await restarted.write({ [KEY]: { seq: 4, eTag: item.eTag } });
    const stale = restarted.write({ [KEY]: { seq: 5, eTag: item.eTag } });
    await expect(stale).rejects.toThrow(/eTag conflict/);
    expect((await store().read([KEY]))[KEY]).toMatchObject({ seq: 4 });
  });

  it('lets exactly one of many concurrent writers with the same eTag win, across instances', async () => {
    const first = store();
    await first.write({ [KEY]: { writer: 'initial' } });
    const { eTag } = (await first.read([KEY]))[KEY] as StoreItem;

    const instances = [first, store(), store(), store()];
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        instances[i % instances.length]!.write({ [KEY]: { writer: i, eTag } }),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isETagConflict(r.reason)).toBe(true);
    expect((await store().read([KEY]))[KEY]).toMatchObject({ writer: won[0] });
  });

  it('names files by a hash of the key: no key character reaches the file system', async () => {
    const keys = [KEY, 'msteams/users/../../etc/passwd', 'con', 'a'.repeat(5000), 'æøå/漢字\\:*?"<>|'];
    await store().write(Object.fromEntries(keys.map((key) => [key, { key }])));
    const names = readdirSync(dir);
    expect(names).toHaveLength(keys.length);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    const items = await store().read(keys);
    for (const key of keys) expect(items[key]).toMatchObject({ key });
  });

  it('leaves no temp files behind and keeps files private to the owner', async () => {
    const s = store();
    for (let i = 0; i < 5; i += 1) await s.write({ [KEY]: { i } });
    expect(readdirSync(dir)).toEqual([s.fileOf(KEY).slice(dir.length + 1)]);
    expect(statSync(s.fileOf(KEY)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['truncated JSON (a partial write)', '{"key":"x","eTag":"abc","item":{"dialogSt'],
    ['not JSON at all', '\u0000\u0000garbage'],
    ['JSON of the wrong shape', '{"hello":"world"}'],
    ['an item stored under another key', JSON.stringify({ key: 'other', eTag: 'e', item: {} })],
  ])(
    'reads a corrupt file (%s) as missing, logs it, and lets the next save replace it',
    async (_label, content) => {
      const s = store();
      await s.write({ [KEY]: { ok: true } });
      writeFileSync(s.fileOf(KEY), content);

      expect(await s.read([KEY])).toEqual({});
      const warning = logLines.find((line) => line.includes('state file is corrupt'));
      expect(warning).toBeDefined();
      expect(warning).toContain('"level":40');

      await s.write({ [KEY]: { repaired: true } });
      expect((await s.read([KEY]))[KEY]).toMatchObject({ repaired: true });
    },
  );

  it('refuses a conditional write over a corrupt file (the item read is gone)', async () => {
    const s = store();
    await s.write({ [KEY]: { ok: true } });
    const { eTag } = (await s.read([KEY]))[KEY] as StoreItem;
    writeFileSync(s.fileOf(KEY), '{"broken');
    await expect(s.write({ [KEY]: { ok: false, eTag } })).rejects.toThrow(/eTag conflict/);
  });

  describe('TTL sweep', () => {
    const HOUR = 3_600_000;
    const conversation = 'msteams/conversations/old-one';
    const privateState = 'msteams/conversations/old-two/users/29:u';
    const recent = 'msteams/conversations/recent';
    const user = 'msteams/users/29:u';
    const other = 'outbox/delivery-1';
    const advice = 'escalation/advice/conv/msg';
    const aCase = 'escalation/cases/MSD-1';

    function age(s: FileStorage, key: string, hours: number): void {
      const when = new Date(Date.now() - hours * HOUR);
      utimesSync(s.fileOf(key), when, when);
    }

    it('removes only conversation state and advice records older than the TTL, and stale temp files', async () => {
      const s = store();
      await s.write({
        [conversation]: { a: 1 },
        [privateState]: { a: 2 },
        [recent]: { a: 3 },
        [user]: { lang: 'da' },
        [other]: { x: 1 },
        [advice]: { m: 'msg' },
        [aCase]: { id: 'MSD-1' },
      });
      for (const key of [conversation, privateState, user, other, advice, aCase]) age(s, key, 800);
      age(s, recent, 700);
      const staleTemp = join(dir, 'abc.json.123.deadbeef.tmp');
      const freshTemp = join(dir, 'def.json.123.cafebabe.tmp');
      writeFileSync(staleTemp, 'half');
      writeFileSync(freshTemp, 'in flight');
      utimesSync(staleTemp, new Date(Date.now() - HOUR), new Date(Date.now() - HOUR));

      const result = await s.sweep({ olderThanMs: 720 * HOUR });

      expect(result).toEqual({ scanned: 7, removed: 3 });
      const left = await s.read([conversation, privateState, recent, user, other, advice, aCase]);
      expect(Object.keys(left).sort()).toEqual([other, recent, user, aCase].sort());
      expect(existsSync(staleTemp)).toBe(false);
      expect(existsSync(freshTemp)).toBe(true);
    });

    it('stops at maxRemovals, so one sweep of a big backlog stays short', async () => {
      const s = store();
      const keys = [1, 2, 3].map((i) => `msteams/conversations/c${i}`);
      await s.write(Object.fromEntries(keys.map((key) => [key, { v: 1 }])));
      for (const key of keys) age(s, key, 800);
      expect(await s.sweep({ olderThanMs: 720 * HOUR, maxRemovals: 2 })).toMatchObject({ removed: 2 });
      expect(Object.keys(await s.read(keys))).toHaveLength(1);
    });

    it('sweeps a folder that does not exist yet without failing', async () => {
      const s = new FileStorage({ dir: join(dir, 'not-yet') });
      expect(await s.sweep({ olderThanMs: HOUR })).toEqual({ scanned: 0, removed: 0 });
    });
  });
});

describe('folder lock', () => {
  it('is taken once per folder, refused a second time, and released', () => {
    const lock = acquireDirLock(dir);
    const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string };
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => acquireDirLock(dir)).toThrow(DirLockError);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireDirLock(dir).release();
  });

  it('refuses, in one line, while another live process holds it', () => {
    // The jest parent process is alive and is not us.
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, host: hostname(), token: 'x', startedAt: '' }),
    );
    let message = '';
    try {
      acquireDirLock(dir);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(`Another MIM Sync Doctor process (pid ${process.ppid}) is using`);
    expect(message).toContain('DATA_DIR');
    expect(message).not.toContain('\n');
  });

  it('takes over a lock left by a process that is gone (crashed, killed)', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid ?? 0;
    await new Promise((resolve) => child.once('exit', resolve));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), token: 'x', startedAt: '' }));

    const lock = acquireDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('refuses a holder on another host (a shared folder): its pid cannot be checked from here', () => {
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 1, host: 'some-other-host', token: 'x', startedAt: '' }),
    );
    expect(() => acquireDirLock(dir)).toThrow(/pid 1 on host some-other-host/);
  });

  it('takes over an old unreadable lock file, but not one being written right now', () => {
    const file = join(dir, LOCK_FILE);
    writeFileSync(file, '');
    expect(() => acquireDirLock(dir)).toThrow(/being written/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    acquireDirLock(dir).release();
  });
});

describe('openStorage with STORAGE=file', () => {
  const config = (extra: NodeJS.ProcessEnv = {}) => loadConfig({ STORAGE: 'file', DATA_DIR: dir, ...extra });

  it('locks the folder, proves it can write, and unlocks on close', async () => {
    const opened = await openStorage(config(), { logger: logger() });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await expect(openStorage(config(), { logger: logger() })).rejects.toThrow(StorageStartError);

    await opened.storage.write({ [KEY]: { v: 1 } });
    expect((await opened.storage.read([KEY]))[KEY]).toMatchObject({ v: 1 });
    await opened.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(readdirSync(join(dir, 'state'))).toHaveLength(1);
  });

  it('stops the start with one line when the folder cannot be written', async () => {
    writeFileSync(join(dir, 'state'), 'a file where the folder should be');
    const err = await openStorage(config(), { logger: logger() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageStartError);
    expect((err as Error).message).toMatch(/^Cannot write state to the data folder .*(ENOTDIR|EEXIST)/);
    expect((err as Error).message).not.toContain('\n');
    // The lock is not kept after a failed start.
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('sweeps expired conversation state at start', async () => {
    const old = new FileStorage({ dir: join(dir, 'state') });
    await old.write({ 'msteams/conversations/abandoned': { v: 1 } });
    const when = new Date(Date.now() - 3 * 3_600_000);
    utimesSync(old.fileOf('msteams/conversations/abandoned'), when, when);

    const opened = await openStorage(config({ STATE_TTL_HOURS: '2', LOG_LEVEL: 'debug' }), {
      logger: logger(),
    });
    try {
      await waitFor(() => logLines.some((line) => line.includes('expired conversation state removed')));
      expect(await opened.storage.read(['msteams/conversations/abandoned'])).toEqual({});
    } finally {
      await opened.close();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
