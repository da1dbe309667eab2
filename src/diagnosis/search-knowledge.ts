import { diagnose } from './diagnose';
import { editDistanceWithin } from './fuzzy';
import {
  CONNECTOR_BUILDS,
  EVENT_IDS,
  MIM_BUILDS,
  OBJECT_ERRORS,
  RUN_STATUSES,
  STEPS,
  getStep,
} from './knowledge';
import type { Lang, Localized, Route, StepId } from './types';
import { compactKey } from './words';

/** What the knowledge holds that a search can find. */
export type KnowledgeKind =
  'step' | 'run-status' | 'object-error' | 'event-id' | 'mim-build' | 'connector-build';

export interface KnowledgeHit {
  kind: KnowledgeKind;
  /** The step id, the code, the event id or the build. */
  id: string;
  /** Where the hit leads: its step, or out-of-scope for the codes the bot does not cover. */
  step: Route;
  /** The knowledge's own one line about it (a meaning, a step title, a build's notes). */
  about: Localized;
}

export interface KnowledgeSearch {
  hits: KnowledgeHit[];
  /** How many hits there are in all, for paging. */
  total: number;
  /** The language the query is written in, where it says. */
  lang: Lang | null;
}

/** Teams shows at most this many results a page. */
export const MAX_PAGE = 25;
/** Longer queries are pastes, not searches: read only the start. */
const MAX_QUERY_CHARS = 500;

interface Entry extends KnowledgeHit {
  key: string;
}

function stepAbout(id: StepId): Localized {
  return getStep(id).title;
}

// One flat list, built once: a search walks it with the compact key of the query.
const ENTRIES: readonly Entry[] = [
  ...RUN_STATUSES.map((s) => ({ kind: 'run-status' as const, id: s.code, step: s.step, about: s.meaning })),
  ...OBJECT_ERRORS.map((e) => ({
    kind: 'object-error' as const,
    id: e.code,
    step: e.step,
    about: e.meaning,
  })),
  ...EVENT_IDS.filter((e) => e.meaning !== null).map((e) => ({
    kind: 'event-id' as const,
    id: String(e.id),
    step: e.step,
    about: e.meaning as Localized,
  })),
  ...MIM_BUILDS.map((b) => ({
    kind: 'mim-build' as const,
    id: b.build,
    step: 'update-mim' as const,
    about: b.notes,
  })),
  ...CONNECTOR_BUILDS.filter((b) => !b.notForMim).map((b) => ({
    kind: 'connector-build' as const,
    id: b.build,
    step: 'update-connectors' as const,
    about: b.notes,
  })),
].map((e) => ({ ...e, key: compactKey(e.id) }));

/** How well a code matches the query: exact, a prefix of it, or a misspelling of it (lower is better). */
function codeDistance(query: string, entry: Entry): number | null {
  if (entry.key === query) return 0;
  if (entry.kind === 'event-id' || entry.kind === 'mim-build' || entry.kind === 'connector-build') {
    return entry.key.startsWith(query) && query.length >= 3 ? 1 : null;
  }
  if (query.length >= 4 && entry.key.startsWith(query)) return 1 + (entry.key.length - query.length) / 100;
  if (query.length >= 8) {
    const typos = editDistanceWithin(query, entry.key, 2);
    if (typos <= 2) return 2 + typos;
  }
  return null;
}

function allSteps(): KnowledgeHit[] {
  return STEPS.map((s) => ({ kind: 'step', id: s.id, step: s.id, about: stepAbout(s.id) }));
}

/**
 * Search the knowledge from the compose box: a code in any spelling (a prefix, a typo, CamelCase),
 * an event ID or a build gives that entry; words (English or Danish) give the steps they point to,
 * and the codes they name. An empty query lists the seven steps. `skip` and `count` page the hits.
 */
export function searchKnowledge(
  query: string,
  page: { skip?: number; count?: number } = {},
): KnowledgeSearch {
  const text = query.slice(0, MAX_QUERY_CHARS).trim();
  const skip = Math.max(0, Math.floor(page.skip ?? 0));
  const count = Math.min(MAX_PAGE, Math.max(1, Math.floor(page.count ?? MAX_PAGE)));
  let hits: KnowledgeHit[];
  let lang: Lang | null = null;
  const key = compactKey(text);
  if (text === '') {
    hits = allSteps();
  } else if (key === '') {
    // Only symbols or emoji: nothing to look for.
    hits = [];
  } else {
    const scored = ENTRIES.map((entry) => ({ entry, distance: codeDistance(key, entry) }))
      .filter((x): x is { entry: Entry; distance: number } => x.distance !== null)
      .sort((a, b) => a.distance - b.distance || a.entry.id.localeCompare(b.entry.id));
    hits = scored.map(({ entry: { key: _key, ...hit } }) => hit);
    // Words: what the recognizer reads in them, as the chat would.
    const { recognition, decision } = diagnose(text);
    lang = recognition.lang;
    const seen = new Set(hits.map((h) => `${h.kind}:${h.id}`));
    const steps = decision.candidates.map((c) => c.step);
    if (decision.route !== 'out-of-scope' && !steps.includes(decision.route)) steps.unshift(decision.route);
    for (const step of steps) {
      if (!seen.has(`step:${step}`)) hits.push({ kind: 'step', id: step, step, about: stepAbout(step) });
    }
  }
  return { hits: hits.slice(skip, skip + count), total: hits.length, lang };
}
