import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The Azure Storage emulator for the blob tests. jest's globalSetup starts one `azurite-blob` per
 * `npm test` run and hands its endpoint to the test workers through this variable.
 */
export const AZURITE_BLOB_ENDPOINT_ENV = 'MIM_TEST_AZURITE_BLOB_ENDPOINT';

const load = createRequire(__filename);

interface EmulatorAccount {
  name: string;
  key: string;
}

/** The emulator's well-known development account, read from the installed azurite package. */
export function emulatorAccount(): EmulatorAccount {
  const constants: unknown = load('azurite/dist/src/blob/utils/constants');
  const { EMULATOR_ACCOUNT_NAME: name, EMULATOR_ACCOUNT_KEY_STR: key } = constants as Record<string, unknown>;
  if (typeof name !== 'string' || typeof key !== 'string') {
    throw new Error('azurite no longer exports EMULATOR_ACCOUNT_NAME / EMULATOR_ACCOUNT_KEY_STR');
  }
  return { name, key };
}

/** A connection string for the emulator at `blobEndpoint` (http://127.0.0.1:<port>/<account>). */
export function connectionStringFor(blobEndpoint: string, accountKey = emulatorAccount().key): string {
  const { name } = emulatorAccount();
  return `DefaultEndpointsProtocol=http;AccountName=${name};AccountKey=${accountKey};BlobEndpoint=${blobEndpoint};`;
}

/** The connection string of the run's emulator; fails clearly when globalSetup did not start one. */
export function azuriteConnectionString(): string {
  const endpoint = process.env[AZURITE_BLOB_ENDPOINT_ENV];
  if (!endpoint) {
    throw new Error(
      `${AZURITE_BLOB_ENDPOINT_ENV} is not set: run the blob tests through jest (test/global-setup.ts starts Azurite)`,
    );
  }
  return connectionStringFor(endpoint);
}

/** A container name no other test or run uses (Azure rules: lower case, digits, hyphens, <= 63). */
export function freshContainer(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`.toLowerCase().slice(0, 63);
}

export interface RunningAzurite {
  /** http://127.0.0.1:<port>/devstoreaccount1 */
  blobEndpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts `azurite-blob` as a child process: 127.0.0.1 only, a free port, a fresh temporary folder,
 * and always `--disableTelemetry` (without it Azurite phones home and probes the cloud metadata
 * address). Resolves once it listens.
 */
export async function startAzurite(timeoutMs = 30_000): Promise<RunningAzurite> {
  const location = mkdtempSync(join(tmpdir(), 'mim-azurite-'));
  const bin = join(dirname(load.resolve('azurite/package.json')), 'dist', 'src', 'blob', 'main.js');
  // A developer's custom accounts would replace the well-known one the tests use.
  const env = { ...process.env };
  delete env.AZURITE_ACCOUNTS;
  const child = spawn(
    process.execPath,
    [
      bin,
      '--disableTelemetry',
      '--silent',
      '--loose',
      '--skipApiVersionCheck',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--location',
      location,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  // Should jest exit without running globalTeardown, do not leave the emulator behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let port: number;
  try {
    port = await listeningPort(child, timeoutMs);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(location, { recursive: true, force: true });
    throw err;
  }
  const { name } = emulatorAccount();
  return {
    blobEndpoint: `http://127.0.0.1:${port}/${name}`,
    async stop(): Promise<void> {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
      rmSync(location, { recursive: true, force: true });
    },
  };
}

/** Azurite prints "Azurite Blob service successfully listens on http://127.0.0.1:<port>". */
function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`Azurite did not start within ${timeoutMs} ms: ${output.slice(-500)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) finish(Number(match[1]));
    };
    const onExit = (code: number | null): void =>
      fail(new Error(`Azurite exited with ${code} before listening: ${output.slice(-500)}`));
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining so a chatty emulator never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const finish = (port: number): void => {
      cleanup();
      resolve(port);
    };
    const fail = (err: Error): void => {
      cleanup();
      reject(err);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
