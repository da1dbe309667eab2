import type { MessagingExtensionAction, MessagingExtensionActionResponse } from 'botbuilder';
import { diagnose } from '../../diagnosis/diagnose';
import type { Lang } from '../../diagnosis/types';
import { cleanText } from '../input/read-input';
import { stepCard, stepOfDiagnosis } from './diagnosis-card';

export const DIAGNOSE_MESSAGE_COMMAND = 'diagnoseMessage';

/** The message the action was started on, as plain text: Teams sends its body as HTML (or text). */
export function messageText(action: MessagingExtensionAction): string {
  const content: unknown = action.messagePayload?.body?.content;
  return typeof content === 'string' ? cleanText(content) : '';
}

/**
 * "Diagnose with MIM Sync Doctor" on a message: the message is read as the chat reads a paste and
 * the answer comes back as a result card for the user to post. Nothing to place gives the
 * out-of-scope card, which says what the bot covers: an answer, not an error.
 */
export function diagnoseMessage(
  action: MessagingExtensionAction,
  userLang: Lang | null,
  escalation: boolean,
): MessagingExtensionActionResponse {
  const text = messageText(action);
  const diagnosis = text ? diagnose(text) : null;
  const lang = diagnosis?.recognition.lang ?? userLang ?? 'en';
  const card = diagnosis
    ? stepCard(stepOfDiagnosis(diagnosis), lang, escalation, diagnosis)
    : stepCard('out-of-scope', lang, escalation);
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [card] } };
}
