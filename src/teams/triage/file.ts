import { MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { Lang } from '../../diagnosis/types';
import { t, type StringKey } from '../../i18n';
import { shownAsText } from '../../lib/shown-as-text';
import type { FileSettings } from '../../config/files';
import type { SentFile } from '../input/file-attachment';
import { readSentFile, type FileProblem } from '../input/read-file';

/** A download that lasts longer than this gets a "Reading your run history…" message. */
export const PROGRESS_AFTER_MS = 700;

const PROBLEM_TEXT: Record<FileProblem, StringKey> = {
  evtx: 'file.evtx',
  zip: 'file.zip',
  'other-kind': 'file.otherKind',
  'host-refused': 'file.hostRefused',
  'too-large': 'file.tooLarge',
  timeout: 'file.timeout',
  failed: 'file.failed',
  empty: 'file.emptyFile',
  'not-text': 'file.notText',
};

export interface ReadFile {
  /** The file's text, to be read like a paste; null when it could not be read. */
  text: string | null;
  /** What to tell the user first when the file could not be read. */
  notice: string | null;
}

/**
 * Reads a file sent in the chat. The progress message goes out at once, past the turn's held
 * replies (src/state/turn-commit.ts): it is only worth sending while the user waits.
 */
export async function readFileOfTurn(
  context: TurnContext,
  file: SentFile,
  settings: FileSettings,
  lang: Lang,
): Promise<ReadFile> {
  const name = shownAsText(file.name) || 'file';
  let finished = false;
  const progress = setTimeout(() => {
    if (finished) return;
    const key: StringKey = /\.xml$/i.test(file.name) ? 'file.readingRunHistory' : 'file.reading';
    void sendNow(context, t(lang, key, { name }));
  }, PROGRESS_AFTER_MS);
  try {
    const reading = await readSentFile(file, settings);
    if (reading.ok) return { text: reading.text, notice: null };
    const mb = Math.round(settings.maxBytes / (1024 * 1024));
    return { text: null, notice: t(lang, PROBLEM_TEXT[reading.problem], { name, mb }) };
  } finally {
    finished = true;
    clearTimeout(progress);
  }
}

async function sendNow(context: TurnContext, text: string): Promise<void> {
  const activity: Partial<Activity> = TurnContext.applyConversationReference(
    MessageFactory.text(text),
    TurnContext.getConversationReference(context.activity),
  );
  try {
    await context.adapter.sendActivities(context, [activity]);
  } catch {
    // Best effort, like typing: the answer itself still follows.
  }
}
