import type { Activity } from 'botbuilder';

/** The attachment Teams sends for a file in a 1:1 chat with a bot whose manifest has `supportsFiles`. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** How the bot treats a file, by its extension. */
export type FileKind = 'text' | 'evtx' | 'zip' | 'other';

export interface SentFile {
  name: string;
  downloadUrl: string;
  kind: FileKind;
}

const KINDS: Record<string, FileKind> = {
  xml: 'text',
  txt: 'text',
  log: 'text',
  evtx: 'evtx',
  zip: 'zip',
};

/** Longest file name kept; it is shown back to the user. */
const MAX_NAME_CHARS = 120;

export function fileKind(name: string, fileType?: unknown): FileKind {
  const fromName = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1];
  const extension = (fromName ?? (typeof fileType === 'string' ? fileType : '')).toLowerCase();
  return KINDS[extension] ?? 'other';
}

/** The first file of a message, if Teams handed one over with a download link. */
export function sentFile(activity: Partial<Activity>): SentFile | undefined {
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) continue;
    const content: unknown = attachment.content;
    if (typeof content !== 'object' || content === null) continue;
    const { downloadUrl, fileType } = content as { downloadUrl?: unknown; fileType?: unknown };
    if (typeof downloadUrl !== 'string' || downloadUrl === '') continue;
    const name = (typeof attachment.name === 'string' ? attachment.name : '').slice(0, MAX_NAME_CHARS);
    return { name, downloadUrl, kind: fileKind(name, fileType) };
  }
  return undefined;
}

/**
 * A file posted in a channel or group chat reaches the bot only as a reference in the message's
 * HTML (`<attachment id="...">`), without a download link.
 */
export function mentionsUnsentFile(activity: Partial<Activity>): boolean {
  const html = [
    typeof activity.text === 'string' ? activity.text : '',
    ...(activity.attachments ?? [])
      .filter((a) => a.contentType === 'text/html' && typeof a.content === 'string')
      .map((a) => a.content as string),
  ];
  return (
    html.some((part) => /<attachment\s+id=/i.test(part)) ||
    (activity.attachments ?? []).some((a) => a.contentType === 'reference')
  );
}
