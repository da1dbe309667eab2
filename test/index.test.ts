import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personalMessage } from './helpers/activities';
import { killBotProcesses, startBotProcess } from './helpers/bot-process';
import { startConnectorStub, type ConnectorStub } from './helpers/connector-stub';
import { postTo, repliesOf } from './helpers/state-bots';

/** The real entry point as a user starts it: what it says at start, and that it answers. */

jest.setTimeout(60_000);

let stub: ConnectorStub;
let dir: string;

beforeAll(async () => {
  stub = await startConnectorStub();
  dir = mkdtempSync(join(tmpdir(), 'mim-startup-'));
});

afterAll(async () => {
  killBotProcesses();
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('start-up', () => {
  it('names the Node version it runs on, prints no deprecation warning, and answers a message', async () => {
    const bot = await startBotProcess(dir, { STORAGE: 'memory', LOG_LEVEL: 'info' });
    // /healthz can answer a moment before the start-up line is written.
    const deadline = Date.now() + 5_000;
    let started = bot.lines.find((line) => line.msg === 'MIM Sync Doctor started');
    while (!started && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      started = bot.lines.find((line) => line.msg === 'MIM Sync Doctor started');
    }
    expect(started).toMatchObject({ node: process.version });

    expect(
      await postTo(bot.baseUrl, personalMessage('PCNS logs event 6025', { serviceUrl: stub.serviceUrl })),
    ).toBe(200);
    expect(repliesOf(stub.requests).length).toBeGreaterThan(0);

    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect(exit.stderr).not.toMatch(/DeprecationWarning|DEP0\d+/);
    expect(exit.stdout).not.toMatch(/DeprecationWarning|DEP0\d+/);
  });
});
