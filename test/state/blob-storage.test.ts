import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openStorage } from '../../src/storage';
import { StorageStartError } from '../../src/state/start-error';
import { BlobStateStorage, checkBlobStorage, sweepBlobs } from '../../src/state/blob-storage';
import { PROBE_KEY } from '../../src/state/state-keys';
import {
  AZURITE_BLOB_ENDPOINT_ENV,
  azuriteConnectionString,
  connectionStringFor,
  freshContainer,
} from '../helpers/azurite';
import { freePort } from '../helpers/free-port';

/** The blob store's own duties, against the Azurite emulator: start-up check, TTL sweep, recovery. */

const endpoint = (): string => process.env[AZURITE_BLOB_ENDPOINT_ENV] ?? '';

async function startError(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StorageStartError);
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('checkBlobStorage (start-up check)', () => {
  it('creates the container, writes and removes a probe, and passes', async () => {
    const container = freshContainer('check');
    await checkBlobStorage({ connectionString: azuriteConnectionString(), container });
    const client = new ContainerClient(azuriteConnectionString(), container);
    expect(await client.exists()).toBe(true);
    expect(await client.getBlobClient(encodeURIComponent(PROBE_KEY)).exists()).toBe(false);
    // A second start finds the container already there.
    await checkBlobStorage({ connectionString: azuriteConnectionString(), container });
  });

  it('says "access denied" for a wrong account key, without echoing the key', async () => {
    const wrongKey = Buffer.from('not the emulator key, but well-formed base64 of 64 bytes......').toString(
      'base64',
    );
    const message = await startError(
      checkBlobStorage({
        connectionString: connectionStringFor(endpoint(), wrongKey),
        container: freshContainer('badkey'),
      }),
    );
    expect(message).toMatch(
      /access denied \(403 AuthorizationFailure\); check the account key or SAS in AZURE_STORAGE_CONNECTION_STRING/,
    );
    expect(message).not.toContain(wrongKey);
  });

  it('says "unreachable" for an account nobody listens at', async () => {
    const port = await freePort();
    const message = await startError(
      checkBlobStorage({
        connectionString: connectionStringFor(`http://127.0.0.1:${port}/devstoreaccount1`),
        container: freshContainer('down'),
      }),
    );
    expect(message).toContain(`at http://127.0.0.1:${port}`);
    expect(message).toMatch(/unreachable \(ECONNREFUSED\)/);
  });

  it('gives up after the timeout when the account accepts but never answers', async () => {
    const silent = await blackHole();
    try {
      const message = await startError(
        checkBlobStorage(
          {
            connectionString: connectionStringFor(`http://127.0.0.1:${silent.port}/devstoreaccount1`),
            container: freshContainer('slow'),
          },
          { timeoutMs: 300 },
        ),
      );
      expect(message).toMatch(/no answer within 0.3 s/);
    } finally {
      await silent.close();
    }
  });

  it('says the connection string is not one, without quoting it', async () => {
    for (const bad of ['not a connection string', 'AccountName=x;AccountKey=secret-ish']) {
      const message = await startError(
        checkBlobStorage({ connectionString: bad, container: 'mim-sync-doctor' }),
      );
      expect(message).toMatch(
        /^AZURE_STORAGE_CONNECTION_STRING is not a valid Azure Storage connection string/,
      );
      expect(message).not.toContain('secret-ish');
    }
  });

  it('is what openStorage runs for STORAGE=blob', async () => {
    const config = loadConfig({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: connectionStringFor(
        `http://127.0.0.1:${await freePort()}/devstoreaccount1`,
      ),
    });
    await startError(openStorage(config, { logger: createLogger({ logLevel: 'silent' }) }));

    const good = loadConfig({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(),
      AZURE_STORAGE_CONTAINER: freshContainer('open'),
    });
    const opened = await openStorage(good, { logger: createLogger({ logLevel: 'silent' }) });
    await opened.storage.write({ 'msteams/users/29:x': { language: 'da' } });
    expect((await opened.storage.read(['msteams/users/29:x']))['msteams/users/29:x']).toMatchObject({
      language: 'da',
    });
    await opened.close();
  });
});

describe('sweepBlobs (TTL)', () => {
  it('deletes only expirable blobs older than the TTL, bounded per sweep', async () => {
    const location = { connectionString: azuriteConnectionString(), container: freshContainer('sweep') };
    const storage = new BlobStateStorage(location);
    const conversations = [1, 2, 3].map((i) => `msteams/conversations/a:${i};messageid=9`);
    const kept = ['msteams/users/29:u', 'outbox/delivery-1'];
    await storage.write(Object.fromEntries([...conversations, ...kept].map((key) => [key, { key }])));

    // Nothing is a day old yet.
    expect(await sweepBlobs(location, { olderThanMs: 86_400_000 })).toEqual({ scanned: 5, removed: 0 });

    // Seen from two hours ahead with a one-hour TTL, all are old: the first sweep stops at its bound.
    const later = { olderThanMs: 3_600_000, now: Date.now() + 7_200_000 };
    expect(await sweepBlobs(location, { ...later, maxRemovals: 2 })).toMatchObject({ removed: 2 });
    expect(await sweepBlobs(location, later)).toMatchObject({ removed: 1 });
    const left = await storage.read([...conversations, ...kept]);
    expect(Object.keys(left).sort()).toEqual([...kept].sort());
  });
});

describe('BlobStateStorage', () => {
  it('recovers after the account was unreachable at first use (BlobsStorage alone stays broken)', async () => {
    const proxy = await toggleProxy(Number(new URL(endpoint()).port));
    try {
      const viaProxy = connectionStringFor(`http://127.0.0.1:${proxy.port}/devstoreaccount1`);
      const container = freshContainer('recover');
      const ours = new BlobStateStorage({ connectionString: viaProxy, container });
      const plain = new BlobsStorage(viaProxy, container, {
        storagePipelineOptions: { retryOptions: { maxTries: 1 } },
      });

      proxy.down = true;
      await expect(ours.read(['k'])).rejects.toBeDefined();
      await expect(plain.read(['k'])).rejects.toBeDefined();

      proxy.down = false;
      await ours.write({ k: { v: 1 } });
      expect((await ours.read(['k'])).k).toMatchObject({ v: 1 });
      // botbuilder's own BlobsStorage cached the failed container creation.
      await expect(plain.read(['k'])).rejects.toBeDefined();
    } finally {
      await proxy.close();
    }
  }, 60_000);
});

interface Listening {
  port: number;
  close(): Promise<void>;
}

/** Accepts connections and never answers. */
async function blackHole(): Promise<Listening> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  return listen(server, sockets);
}

interface Proxy extends Listening {
  down: boolean;
}

/** A TCP proxy to the emulator that drops every connection while `down`. */
async function toggleProxy(targetPort: number): Promise<Proxy> {
  const sockets = new Set<Socket>();
  const state = { down: false };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (state.down) {
      socket.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('error', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  const listening = await listen(server, sockets);
  return Object.assign(state, listening);
}

async function listen(server: Server, sockets: Set<Socket>): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
