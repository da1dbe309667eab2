import {
  CardFactory,
  type MessagingExtensionAttachment,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { getStep } from '../../diagnosis/knowledge/steps';
import { searchKnowledge, type KnowledgeHit } from '../../diagnosis/search-knowledge';
import { isStepId, type Lang } from '../../diagnosis/types';
import { t } from '../../i18n';
import { stepCard } from './diagnosis-card';

export const SEARCH_KNOWLEDGE_COMMAND = 'searchKnowledge';

/** The query text; Teams' first open of the command (`initialRun`) and an empty box send none. */
export function queryText(query: MessagingExtensionQuery): string {
  const parameter = (query.parameters ?? []).find((p) => p.name === 'query');
  return typeof parameter?.value === 'string' ? parameter.value : '';
}

function previewTitle(hit: KnowledgeHit, lang: Lang): string {
  const { kind } = hit;
  if (kind === 'step') return isStepId(hit.step) ? getStep(hit.step).title[lang] : hit.id;
  return t(lang, `search.kind.${kind}`, { id: hit.id });
}

/**
 * A compose-box search: each hit is a one-line preview in the list and, once picked, the full card
 * (the step's advice card, or the out-of-scope card for codes the bot does not cover).
 */
export function searchKnowledgeResponse(
  query: MessagingExtensionQuery,
  userLang: Lang | null,
  escalation: boolean,
): MessagingExtensionResponse {
  const { skip, count } = query.queryOptions ?? {};
  const found = searchKnowledge(queryText(query), { skip, count });
  const lang = found.lang ?? userLang ?? 'en';
  const attachments: MessagingExtensionAttachment[] = found.hits.map((hit) => ({
    ...stepCard(hit.step, lang, escalation),
    preview: CardFactory.thumbnailCard(previewTitle(hit, lang), hit.about[lang]),
  }));
  if (attachments.length === 0) {
    return { composeExtension: { type: 'message', text: t(lang, 'search.nothing') } };
  }
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}
