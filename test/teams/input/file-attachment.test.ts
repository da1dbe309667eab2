import type { Activity } from 'botbuilder';
import { fileKind, mentionsUnsentFile, sentFile } from '../../../src/teams/input/file-attachment';
import { readInput } from '../../../src/teams/input/read-input';
import { channelMessage, personalMessage } from '../../helpers/activities';

const download = (name: string, downloadUrl = 'https://contoso-my.sharepoint.com/f') => ({
  contentType: 'application/vnd.microsoft.teams.file.download.info',
  name,
  content: { downloadUrl, uniqueId: 'u-1', fileType: name.split('.').pop() },
});

describe('files in a message', () => {
  it('are read by their extension: run histories and logs as text, event logs and archives not', () => {
    expect(['a.xml', 'B.TXT', 'c.log'].map((name) => fileKind(name))).toEqual(['text', 'text', 'text']);
    expect(fileKind('Application.evtx')).toBe('evtx');
    expect(fileKind('logs.zip')).toBe('zip');
    expect(fileKind('run.pdf')).toBe('other');
    expect(fileKind('no-extension', 'xml')).toBe('text');
  });

  it('with a download link are taken from the download-info attachment, the first with a link', () => {
    const activity: Partial<Activity> = {
      attachments: [{ contentType: download('x.xml').contentType, content: {} }, download('run.xml')],
    };
    expect(sentFile(activity)).toEqual({
      name: 'run.xml',
      downloadUrl: 'https://contoso-my.sharepoint.com/f',
      kind: 'text',
    });
    expect(
      sentFile({ attachments: [{ contentType: 'image/png', contentUrl: 'https://x.example/i' }] }),
    ).toBeUndefined();
  });

  it('posted in a channel show only as an <attachment> reference in the HTML', () => {
    expect(mentionsUnsentFile({ text: '<p>see</p><attachment id="abc"></attachment>' })).toBe(true);
    expect(
      mentionsUnsentFile({ attachments: [{ contentType: 'text/html', content: '<p>no file</p>' }] }),
    ).toBe(false);
  });

  it('become their own kinds of input, with what was typed beside them', () => {
    const file = { ...personalMessage('see the attached run'), attachments: [download('run.xml')] };
    expect(readInput(file)).toMatchObject({
      kind: 'file',
      text: 'see the attached run',
      file: { kind: 'text' },
    });
    const channel = channelMessage('here <attachment id="1"></attachment>');
    expect(readInput(channel)).toMatchObject({ kind: 'unsentFile', text: 'here' });
    // In a 1:1 chat a reference without a link is no file the bot was meant to get.
    expect(readInput(personalMessage('here <attachment id="1"></attachment>')).kind).toBe('text');
  });
});
