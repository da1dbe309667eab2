import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { supportEnv } from '../helpers/escalation-bot';
import { cardText, postedCards } from '../helpers/escalation-flow';
import { useEscalationRuntime } from '../helpers/escalation-runtime';
import { RUN_KEYS, RUN_WATCH_KEYS } from '../helpers/run-watch';
import { signedRequestFixture } from '../helpers/signed-request';

/** `npm run runs:send` end to end: the CLI as a child process, the bot in-process, the local connector. */

jest.setTimeout(30_000);

const ROOT = join(__dirname, '..', '..');
const { connector, startBot, running } = useEscalationRuntime();

function runsSend(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), 'src/cli/runs-send.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'mim-runs-send-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run runs:send', () => {
  it('posts a saved run history with "ø" in a DN; the alert card shows the DN as MIM wrote it', async () => {
    await startBot(supportEnv(connector.serviceUrl, { RUN_WATCH_KEYS }));
    const file = signedRequestFixture().bodyPath;
    const sent = await runsSend([
      '--url',
      running().baseUrl,
      '--key-id',
      RUN_KEYS.first.id,
      '--secret',
      RUN_KEYS.first.secret,
      file,
    ]);
    expect(sent.stderr).toBe('');
    expect(sent.stdout).toContain('202 {"accepted":1,"duplicates":0}');
    expect(sent.code).toBe(0);
    await connector.waitUntil(() => postedCards(connector).length === 1, 'the alert card');
    expect(cardText(postedCards(connector)[0].cardJson)).toContain('CN=Søren Ærø,OU=Staff');
  });

  it('takes the secret from RUN_WATCH_SECRET, and sends the same file again as a duplicate', async () => {
    await startBot(supportEnv(connector.serviceUrl, { RUN_WATCH_KEYS }));
    const file = signedRequestFixture().bodyPath;
    const args = ['--url', `${running().baseUrl}/api/runs`, '--key-id', RUN_KEYS.first.id, file];
    expect((await runsSend(args, { RUN_WATCH_SECRET: RUN_KEYS.first.secret })).code).toBe(0);
    const again = await runsSend(args, { RUN_WATCH_SECRET: RUN_KEYS.first.secret });
    expect(again.stdout).toContain('202 {"accepted":0,"duplicates":1}');
  });

  it('fails with the status and what to check on a wrong secret, and nothing is posted', async () => {
    await startBot(supportEnv(connector.serviceUrl, { RUN_WATCH_KEYS }));
    const sent = await runsSend([
      '--url',
      running().baseUrl,
      '--key-id',
      RUN_KEYS.first.id,
      '--secret',
      'not-the-right-secret-at-all',
      signedRequestFixture().bodyPath,
    ]);
    expect(sent.code).toBe(1);
    expect(sent.stderr).toContain('401 {"error":"unauthorized"} - check the key id and secret');
    expect(connector.threadPosts()).toHaveLength(0);
  });

  it('explains itself when arguments are missing or a file cannot be read', async () => {
    const usage = await runsSend(['--url', 'http://127.0.0.1:9']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run runs:send');
    const missing = join(folder, 'nope.xml');
    const unreadable = await runsSend([
      '--url',
      'http://127.0.0.1:9',
      '--key-id',
      'k',
      '--secret',
      's',
      missing,
    ]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('cannot read it (ENOENT)');
  });

  it('says when the bot cannot be reached', async () => {
    const file = join(folder, 'run.xml');
    writeFileSync(file, '<run-history/>');
    // Port 9 (discard) on loopback: nothing listens there in the test machine.
    const sent = await runsSend(['--url', 'http://127.0.0.1:9', '--key-id', 'k', '--secret', 's', file]);
    expect(sent.code).toBe(1);
    expect(sent.stderr).toContain('the bot cannot be reached at http://127.0.0.1:9');
  });
});
