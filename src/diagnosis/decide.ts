import { EMPHASIS } from './emphasis';
import { KNOWN_ISSUES, getEventId, getObjectError, getRunStatus } from './knowledge';
import wordModelData from './knowledge/word-model.json';
import { loadWordModel, type WordModelData } from './word-model';
import { SPECIFIC_KINDS, disclaimsMim, productInQuestion, productNamed } from './product-context';
import {
  COMBO_SIGNALS,
  CONNECTOR_WEIGHTS,
  EXCEPTION_WEIGHTS,
  GENERIC_CONNECTORS,
  PHRASE_SIGNALS,
  UNKNOWN_EXCEPTION_WEIGHTS,
  hresultWeights,
  type Weights,
} from './knowledge/signals';
import {
  STEP_IDS,
  type Candidate,
  type ConnectorId,
  type Decision,
  type Finding,
  type Recognition,
  type Route,
  type StepId,
} from './types';

/** How much each kind of evidence counts; a code the user pasted outweighs any wording. */
const EVIDENCE = {
  runStatus: 4,
  objectError: 4.5,
  event: 3,
  pcns6025: 6,
  unknownEvent: 1,
  mimBuild: 1.5,
  /** The build named as the one in use ("Environment: MIM 4.6.607.0"), nothing asked about it. */
  backgroundBuild: 0.5,
  severalMimBuilds: 2.5,
  connectorBuild: 2.5,
  stackTrace: 2.5,
  /** A status that is a listed known issue of the named build. */
  knownIssue: 5,
} as const;

/** Thresholds of the decision. */
const DECIDE = {
  /** Below this the message says nothing specific. */
  minimum: 1,
  /** An answer needs at least this much evidence… */
  answer: 2,
  /** …and the runner-up at most this share of the top score. */
  runnerUpShare: 0.6,
  /**
   * A long post whose best step has less evidence than this, and no code or build in it, is about
   * something else: in-scope posts of that length quote what failed (a status, an event, an
   * exception with what threw it), posts about a neighbouring tool only brush past the Sync engine's words.
   */
  weakInLongPost: 3,
  /** How long a post is "long" (characters of the cleaned text). */
  longPost: 200,
  /** How sure the bot is when it abstains on such a post: as unsure as sure. */
  abstainConfidence: 0.5,
  /** A second problem worth offering after the answer. */
  secondary: 2.5,
  /** Below this a step is not offered at all. */
  candidate: 0.5,
  /** How sure the word model must be to answer a message the tables found nothing in. */
  wordModelSure: 0.75,
  /** ...and it must know a fair share of the message's words (pasted noise is mostly unknown). */
  wordModelCoverage: 0.3,
  /** ...and how sure for its guess to be the batch route of a message about MIM. */
  wordModelGuess: 0.4,
  /** How sure an answer is when a neighbouring product decides (routing rules 2, 9, 10). */
  productConfidence: 0.9,
} as const;

/** How much the word model's probabilities add to the evidence (at most this much per route). */
const WORD_MODEL_WEIGHT = 2;
const WORDS = loadWordModel(wordModelData as WordModelData);

/** Every finding key a combination looks at; other findings need no bookkeeping. */
const COMBO_KEYS = new Set(COMBO_SIGNALS.flatMap((c) => [...c.all.flat(), ...(c.none ?? [])]));
const SIGNAL_WEIGHTS = new Map<string, Weights>(PHRASE_SIGNALS.map((s) => [s.id, s.weights]));
const STACK_TRACE_WEIGHTS: Weights = { 'extension-dll-exception': EVIDENCE.stackTrace };

function weightsOf(f: Finding, all: readonly Finding[]): Weights {
  switch (f.kind) {
    case 'run-status': {
      const status = getRunStatus(f.value);
      if (!status) return {};
      // stopped-server on a FIM MA export is the failed-creation step when its objects say so.
      return f.value === 'stopped-server'
        ? { [status.step]: EVIDENCE.runStatus, 'fim-ma-failed-creation': 1 }
        : { [status.step]: EVIDENCE.runStatus };
    }
    case 'object-error': {
      const error = getObjectError(f.value);
      return error ? { [error.step]: EVIDENCE.objectError } : {};
    }
    case 'event-id': {
      const event = getEventId(Number(f.value));
      if (!event) return { 'run-error-codes': EVIDENCE.unknownEvent };
      // 6025 is the article's own step; the PCNS events it does not cover are as decisive the other way.
      if (event.id === 6025) return { 'pcns-6025': EVIDENCE.pcns6025 };
      // An informational event is no failure: it says little either way. So is an error event the
      // admin reads as information-level: something else wrote it under the same source.
      if (event.level === 'information' && event.step === 'out-of-scope')
        return { 'out-of-scope': EVIDENCE.unknownEvent };
      if (event.level !== 'information' && all.some(isInformationLevel))
        return { 'out-of-scope': EVIDENCE.unknownEvent };
      if (event.step === 'out-of-scope') return { 'out-of-scope': EVIDENCE.pcns6025 };
      return { [event.step]: event.meaning ? EVIDENCE.event : EVIDENCE.unknownEvent };
    }
    case 'mim-build': {
      const builds = all.filter((x) => x.kind === 'mim-build').length;
      if (builds > 1) return { 'update-mim': EVIDENCE.severalMimBuilds };
      return { 'update-mim': isBackgroundBuild(all) ? EVIDENCE.backgroundBuild : EVIDENCE.mimBuild };
    }
    case 'connector-build':
      return { 'update-connectors': EVIDENCE.connectorBuild };
    case 'connector':
      return CONNECTOR_WEIGHTS[f.value as ConnectorId] ?? {};
    case 'exception':
      return EXCEPTION_WEIGHTS[f.value] ?? UNKNOWN_EXCEPTION_WEIGHTS;
    case 'hresult':
      return hresultWeights(f.value);
    case 'symptom':
      if (f.value === 'stack-trace') return STACK_TRACE_WEIGHTS;
      // With a PCNS event in the message the event says what PCNS reported; the word "PCNS" adds nothing.
      if (f.value === 'pcns' && all.some(isPcnsEvent)) return {};
      return SIGNAL_WEIGHTS.get(f.value) ?? {};
    case 'out-of-scope':
      return { 'out-of-scope': 5 };
    case 'product':
    case 'not-product':
      // Products decide by context, not by weight (product-context.ts).
      return {};
  }
}

/** Words about builds, fixes and upgrades: what makes a named build part of the question. */
const BUILD_TALK = new Set(['upgrade', 'service-pack-name', 'which-build', 'known-bug', 'kb-reference']);

/** Said, not waved away. */
function isAsserted(f: Finding): boolean {
  return (f.emphasis ?? 1) >= 0.5;
}

function isBuildTalk(f: Finding): boolean {
  return f.kind === 'symptom' && BUILD_TALK.has(f.value) && isAsserted(f);
}

/** The generic connectors, their pack and their builds: what build talk may be about instead of MIM. */
const CONNECTOR_BUILD_CONTEXT = new Set([
  ...GENERIC_CONNECTORS,
  'connector-build',
  'symptom:connector-build-words',
  'symptom:generic-connector-family',
]);

function isConnectorBuildContext(f: Finding): boolean {
  return (
    isAsserted(f) &&
    (CONNECTOR_BUILD_CONTEXT.has(f.kind) || CONNECTOR_BUILD_CONTEXT.has(`${f.kind}:${f.value}`))
  );
}

/**
 * The one build the admin runs, with no word about builds, fixes or upgrades: background. So is it
 * when those words go with a generic connector ("which connector build", "after the pack upgrade")
 * and nothing asks about the MIM build itself.
 */
function isBackgroundBuild(findings: readonly Finding[]): boolean {
  const builds = findings.filter((f) => f.kind === 'mim-build');
  if (builds.length !== 1) return false;
  if (!findings.some(isBuildTalk)) return true;
  return (builds[0].emphasis ?? 1) < EMPHASIS.question && findings.some(isConnectorBuildContext);
}

function isInformationLevel(f: Finding): boolean {
  return f.kind === 'symptom' && f.value === 'information-level' && isAsserted(f);
}

function isPcnsEvent(f: Finding): boolean {
  return f.kind === 'event-id' && getEventId(Number(f.value))?.source === 'pcns';
}

function addWeights(scores: Map<Route, number>, weights: Weights, factor: number): void {
  for (const [route, weight] of Object.entries(weights) as [Route, number][]) {
    scores.set(route, (scores.get(route) ?? 0) + weight * factor);
  }
}

/**
 * A status the version history lists as a known issue of the build the admin names (routing rule 4:
 * stopped-extension-dll-load right after installing 4.5.286.0) is a build question.
 */
function knownIssueWeights(findings: readonly Finding[]): Weights {
  const builds = new Set(findings.filter((f) => f.kind === 'mim-build').map((f) => f.value));
  const statuses = new Set(findings.filter((f) => f.kind === 'run-status').map((f) => f.value));
  if (builds.size === 0 || statuses.size === 0) return {};
  const known = KNOWN_ISSUES.some(
    (issue) =>
      issue.statusCode !== null && statuses.has(issue.statusCode) && issue.builds.some((b) => builds.has(b)),
  );
  return known ? { 'update-mim': EVIDENCE.knownIssue } : {};
}

/** Sum the evidence of every finding per route, plus the combinations that only count together. */
export function scoreRoutes(findings: readonly Finding[]): Map<Route, number> {
  const scores = new Map<Route, number>();
  for (const f of findings) {
    // Only mim-build findings count per build; the weight already reflects how many there are.
    if (f.kind === 'mim-build' && findings.find((x) => x.kind === 'mim-build') !== f) continue;
    addWeights(scores, weightsOf(f, findings), f.confidence * (f.emphasis ?? 1));
  }
  addWeights(scores, knownIssueWeights(findings), 1);
  // Per finding key (`kind` and `kind:value`): the strongest emphasis it has anywhere in the message.
  // A combination counts as much as its weakest part (an aside's evidence stays an aside), and a
  // dismissed mention ("there is no custom code on that MA") does not rule a combination out.
  const emphasisOf = new Map<string, number>();
  // A background build neither makes a build question nor rules a design question out.
  const background = isBackgroundBuild(findings);
  for (const f of findings) {
    if (background && f.kind === 'mim-build') continue;
    const e = f.emphasis ?? 1;
    const key = `${f.kind}:${f.value}`;
    if (COMBO_KEYS.has(key)) emphasisOf.set(key, Math.max(emphasisOf.get(key) ?? 0, e));
    if (COMBO_KEYS.has(f.kind)) emphasisOf.set(f.kind, Math.max(emphasisOf.get(f.kind) ?? 0, e));
  }
  if (emphasisOf.size === 0) return scores;
  const present = (key: string) => emphasisOf.has(key);
  const asserted = (key: string) => (emphasisOf.get(key) ?? 0) >= 0.5;
  for (const combo of COMBO_SIGNALS) {
    if (!combo.all.every((anyOf) => anyOf.some(present))) continue;
    if (combo.none?.some(asserted)) continue;
    const factor = Math.min(
      ...combo.all.map((anyOf) => Math.max(...anyOf.map((key) => emphasisOf.get(key) ?? 0))),
    );
    addWeights(scores, combo.weights, factor);
    if (combo.moveFrom) {
      const moved = scores.get(combo.moveFrom) ?? 0;
      scores.delete(combo.moveFrom);
      for (const route of Object.keys(combo.weights) as Route[])
        scores.set(route, (scores.get(route) ?? 0) + moved);
    }
  }
  return scores;
}

/** Below this a code is a guess (e.g. "access denied" in prose) and is not reported as the code. */
const REPORT_CONFIDENCE = 0.6;

function strongest(findings: readonly Finding[], kind: Finding['kind']): string | null {
  let best: Finding | null = null;
  for (const f of findings) {
    if (f.kind === kind && f.confidence >= REPORT_CONFIDENCE && (!best || f.confidence > best.confidence))
      best = f;
  }
  return best ? best.value : null;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Rank the steps and decide: answer, ask which of two, say it is out of scope, or ask for the symptom. */
export function decide(recognition: Recognition): Decision {
  const { findings } = recognition;
  const ruleScores = scoreRoutes(findings);
  const posterior = WORDS.posterior(recognition.words ?? recognition.text);
  const scores = new Map(ruleScores);
  for (const [route, p] of posterior) scores.set(route, (scores.get(route) ?? 0) + WORD_MODEL_WEIGHT * p);
  const ranked: Candidate[] = STEP_IDS.map((step: StepId) => ({ step, score: round(scores.get(step) ?? 0) }))
    .filter((c) => c.score >= DECIDE.candidate)
    .sort((a, b) => b.score - a.score || order(a.step) - order(b.step));
  const outOfScope = scores.get('out-of-scope') ?? 0;
  // A phase still in progress (completing-*) is not the result of a run.
  const statusCode = strongest(
    findings.filter((f) => f.kind !== 'run-status' || getRunStatus(f.value)?.kind !== 'in-progress'),
    'run-status',
  );
  const objectCode = strongest(findings, 'object-error');
  const base = { statusCode, objectCode, secondary: null };
  const top = ranked[0];
  const second = ranked[1];
  const total = ranked.reduce((sum, c) => sum + c.score, 0) + outOfScope;

  const product = productInQuestion(findings, (f) =>
    Object.keys(weightsOf(f, findings)).some((route) => route !== 'out-of-scope'),
  );
  if (
    product ||
    disclaimsMim(findings) ||
    (outOfScope >= DECIDE.answer && (!top || outOfScope > top.score))
  ) {
    return {
      ...base,
      kind: 'out-of-scope',
      route: 'out-of-scope',
      candidates: ranked.filter((c) => c.score >= DECIDE.answer).slice(0, 3),
      confidence: product ? DECIDE.productConfidence : round(outOfScope / total),
      product: product ?? productNamed(findings),
    };
  }
  // Out of scope, with the steps it came closest to for the card to offer.
  const abstain = (): Decision => ({
    ...base,
    kind: 'out-of-scope',
    route: 'out-of-scope',
    candidates: ranked.slice(0, 2),
    confidence: DECIDE.abstainConfidence,
    product: productNamed(findings),
    unsure: true,
  });
  const ruleTop = Math.max(0, ...STEP_IDS.map((step) => ruleScores.get(step) ?? 0));
  if (ruleTop < DECIDE.minimum && (ruleScores.get('out-of-scope') ?? 0) < DECIDE.answer) {
    // The tables saw nothing: the word model alone answers only when it is sure, and never silently.
    const [guess, p] = [...posterior].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    const known = WORDS.coverage(recognition.words ?? recognition.text) >= DECIDE.wordModelCoverage;
    // A long post in words the model knows, with nothing in the tables: not a guess for the model.
    if (known && top && isWeakLongPost(recognition, top.score)) return abstain();
    if (guess !== 'out-of-scope' && p >= DECIDE.wordModelSure && known) {
      return {
        ...base,
        kind: 'answer',
        route: guess,
        candidates: ranked.slice(0, 3),
        confidence: round(p / 2),
      };
    }
    // Not sure either: a batch caller still gets one route, the model's guess if the message is about MIM.
    const aboutMim = findings.some((f) => f.kind === 'symptom' && f.value === 'mim-sync');
    const route = aboutMim && known && p >= DECIDE.wordModelGuess ? guess : 'out-of-scope';
    return { ...base, kind: 'no-signal', route, candidates: [], confidence: 0 };
  }
  if (isWeakLongPost(recognition, top.score)) return abstain();
  const confidence = round(top.score / total);
  if (top.score >= DECIDE.answer && (!second || second.score <= top.score * DECIDE.runnerUpShare)) {
    const secondary =
      second && second.score >= DECIDE.secondary && second.score >= top.score * 0.4 ? second.step : null;
    return {
      ...base,
      kind: 'answer',
      route: top.step,
      candidates: ranked.slice(0, 3),
      confidence,
      secondary,
    };
  }
  const close = ranked.filter((c) => c.score >= top.score * DECIDE.runnerUpShare).slice(0, 3);
  return {
    ...base,
    kind: 'clarify',
    route: top.step,
    candidates: close.length >= 2 ? close : ranked.slice(0, 2),
    confidence,
  };
}

function isWeakLongPost(recognition: Recognition, topScore: number): boolean {
  const length = recognition.ownLength ?? recognition.text.length;
  if (topScore >= DECIDE.weakInLongPost || length < DECIDE.longPost) return false;
  // The build on an environment line ("MIM 4.6.607.0 on Windows Server 2019") is what the admin
  // runs, not a clue to what fails.
  const background = (f: Finding) =>
    f.kind === 'mim-build' && (f.emphasis ?? EMPHASIS.plain) <= EMPHASIS.background;
  return !recognition.findings.some(
    (f) => SPECIFIC_KINDS.has(f.kind) && f.confidence >= REPORT_CONFIDENCE && !background(f),
  );
}

function order(step: StepId): number {
  return STEP_IDS.indexOf(step);
}
