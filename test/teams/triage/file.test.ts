import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity, Attachment } from 'botbuilder';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { decodeText } from '../../../src/diagnosis/readers/decode-text';
import { getStep } from '../../../src/diagnosis/knowledge/steps';
import { channelMessage, personalMessage, type ActivityOptions } from '../../helpers/activities';
import { useConnectorStub } from '../../helpers/connector-stub';
import { postActivity, startEdgeBot, type EdgeHarness } from '../../helpers/edge-harness';
import {
  bytesRoute,
  slowRoute,
  startFileServer,
  streamRoute,
  type FileServer,
} from '../../helpers/file-server';
import { postedMessages, see } from '../../helpers/replies';

/**
 * A file sent in a 1:1 chat is fetched from a listed host and read like a paste; what cannot be read
 * gets a clear answer. Over HTTP: the bot as src/index.ts composes it, the connector stub for replies,
 * a loopback server where Teams would keep the file.
 */

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/readers', name));
const ONE_RUN = fixture('run-history-one-run.xml');
const UTF16 = fixture('run-history-several-runs.utf16le-bom.xml');
const BOMB = fixture('run-history-doctype-billion-laughs.xml');

const stub = useConnectorStub();
let files: FileServer;
let bot: EdgeHarness;

beforeAll(async () => {
  files = await startFileServer({
    '/one-run.xml': bytesRoute(ONE_RUN),
    '/utf16.xml': bytesRoute(UTF16),
    '/bomb.xml': bytesRoute(BOMB),
    '/slow.xml': slowRoute(1500, ONE_RUN),
    '/huge.log': streamRoute(100 * 1024 * 1024),
    '/binary.xml': bytesRoute(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))),
    '/empty.txt': bytesRoute(Buffer.alloc(0)),
  });
  // Many turns from one user in a few seconds: the limits are not what this file is about.
  bot = await startEdgeBot({
    FILE_DOWNLOAD_HOSTS: files.hostRule,
    FILE_MAX_MB: '1',
    RATE_LIMIT_PER_USER: 'off',
    RATE_LIMIT_PER_CONVERSATION: 'off',
  });
});
afterAll(async () => {
  await bot.close();
  await files.close();
});
beforeEach(() => {
  files.hits.length = 0;
});

function fileAttachment(name: string, downloadUrl: string): Attachment {
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    contentUrl: downloadUrl,
    name,
    content: { downloadUrl, uniqueId: `u-${name}`, fileType: name.split('.').pop() },
  };
}

async function send(activity: Partial<Activity>) {
  stub.reset();
  const res = await postActivity(bot.baseUrl, activity);
  await res.text();
  expect(res.status).toBe(200);
  return postedMessages(stub).map(see);
}

function sendFile(name: string, path: string, text = '', options: ActivityOptions = {}) {
  return send({
    ...personalMessage(text, { serviceUrl: stub.serviceUrl, ...options }),
    attachments: [fileAttachment(name, `${files.origin}${path}`)],
  });
}

describe('a file sent in a 1:1 chat', () => {
  it('is fetched and read like a pasted run history: the advice of the step its errors call for', async () => {
    const expected = diagnose(decodeText(ONE_RUN).text).reply;
    expect(expected.kind).toBe('answer');
    const replies = await sendFile('run-history.xml', '/one-run.xml');
    expect(files.hits).toEqual(['/one-run.xml']);
    const step = expected.kind === 'answer' ? expected.step : null;
    expect(replies.at(-1)?.title).toBe(getStep(step!).title.en);
  });

  it('is read in UTF-16 with a BOM, as Windows saves it', async () => {
    const replies = await sendFile('runs.xml', '/utf16.xml');
    expect(replies.at(-1)?.buttons.length).toBeGreaterThan(0);
    expect(replies.map((r) => r.text).join(' ')).not.toMatch(/cannot|binary/i);
  });

  it('says "Reading your run history…" first when the download takes a while', async () => {
    const replies = await sendFile('slow.xml', '/slow.xml');
    expect(replies[0].text).toBe('Reading your run history…');
    expect(replies.at(-1)?.title).not.toBe('');
  });

  it('refuses a file over the size limit without reading it all', async () => {
    const replies = await sendFile('sync.log', '/huge.log');
    expect(replies[0].text).toMatch(/^sync\.log is larger than the 1 MB I read\./);
  });

  it('says an .evtx or .zip file cannot be opened, and how to save it instead, without fetching it', async () => {
    const evtx = await sendFile('Application.evtx', '/one-run.xml');
    expect(evtx[0].text).toMatch(/Copy details as text/);
    const zip = await sendFile('logs.zip', '/one-run.xml');
    expect(zip[0].text).toMatch(/^I do not open \.zip archives\./);
    expect(files.hits).toEqual([]);
  });

  it('answers binary data with an .xml name, an empty file and an XML bomb clearly, and keeps serving', async () => {
    expect((await sendFile('run.xml', '/binary.xml'))[0].text).toMatch(/does not look like text/);
    expect((await sendFile('empty.txt', '/empty.txt'))[0].text).toMatch(/^empty\.txt is empty\./);
    const bomb = await sendFile('bomb.xml', '/bomb.xml');
    expect(bomb.length).toBeGreaterThan(0);
    expect((await send(personalMessage('hi', { serviceUrl: stub.serviceUrl })))[0]).toBeDefined();
  });

  it('is not fetched from a host outside FILE_DOWNLOAD_HOSTS', async () => {
    const replies = await send({
      ...personalMessage('', { serviceUrl: stub.serviceUrl }),
      attachments: [fileAttachment('run.xml', 'https://files.example.invalid/run.xml')],
    });
    expect(replies[0].text).toMatch(/^That file is not stored where I am allowed to fetch files from/);
  });

  it('gets its answers in Danish for a Danish user', async () => {
    const replies = await sendFile('logs.zip', '/one-run.xml', '', {
      locale: 'da-DK',
      userId: '29:fake-user-danish',
    });
    expect(replies[0].text).toMatch(/^Jeg åbner ikke \.zip-arkiver\./);
  });

  it('shows its name as text, not as a link', async () => {
    const replies = await sendFile('[reset](https://evil.example).zip.pdf', '/one-run.xml');
    expect(replies[0].text).not.toContain('](https://');
  });
});

describe('a file posted in a channel', () => {
  it('is not given to the bot by Teams: the bot says to paste it or send it 1:1, and still reads what was typed', async () => {
    const message = channelMessage('here is the log', { serviceUrl: stub.serviceUrl });
    const replies = await send({
      ...message,
      attachments: [
        {
          contentType: 'text/html',
          content: '<p><at>Bot</at> here is the log</p><attachment id="5d1a2b3c"></attachment>',
        },
      ],
    });
    expect(replies[0].text).toMatch(/^Teams does not give me files posted in a channel or a group chat\./);
    expect(replies.length).toBeGreaterThan(1);
  });
});
