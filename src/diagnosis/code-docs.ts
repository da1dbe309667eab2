import { getEventId, getStep } from './knowledge';
import { EVENT_DOCS, OBJECT_ERROR_DOCS, PCNS_GENERAL_DOC, RUN_STATUS_DOC } from './knowledge/code-docs';
import type { DocLink, Finding, Route } from './types';

/** At most this many pages beside the step's own: a card is not a reading list. */
const MAX_CODE_DOCS = 2;

/**
 * Pages for the codes a message carries that the route's own page does not cover, most specific
 * first (an event's own page, an object error's, then the run-status list), without repeats.
 */
export function codeDocs(findings: readonly Finding[], route: Route): DocLink[] {
  const own = new Set<string>();
  if (route !== 'out-of-scope') {
    const step = getStep(route);
    own.add(step.docUrl);
    for (const doc of step.moreDocs ?? []) own.add(doc.url);
  }
  const docs: DocLink[] = [];
  const add = (doc: DocLink | undefined) => {
    if (doc && !own.has(doc.url) && !docs.some((d) => d.url === doc.url)) docs.push(doc);
  };
  for (const f of findings) if (f.kind === 'event-id') add(EVENT_DOCS[Number(f.value)]);
  for (const f of findings) {
    if (f.kind !== 'event-id') continue;
    const event = getEventId(Number(f.value));
    if (event?.source === 'pcns' && event.step !== 'pcns-6025') add(PCNS_GENERAL_DOC);
  }
  for (const f of findings) if (f.kind === 'object-error') add(OBJECT_ERROR_DOCS[f.value]);
  if (route === 'run-error-codes' && findings.some((f) => f.kind === 'run-status')) add(RUN_STATUS_DOC);
  return docs.slice(0, MAX_CODE_DOCS);
}
