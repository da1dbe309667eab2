import { EMPHASIS } from './emphasis';
import { getRunStatus } from './knowledge';
import { getProduct, type ProductId } from './knowledge/products';
import type { Finding } from './types';

/** Evidence that the Sync engine itself failed: a tool named in passing cannot outweigh it (routing rule 10). */
const SYNC_FAILURE_KINDS = new Set<Finding['kind']>(['run-status', 'object-error', 'event-id']);
/**
 * What makes a question about the Sync engine even when it names a product, and ties a long post to
 * a step (decide.ts): a status, an object error, an event, a build. Not an exception or an HRESULT
 * alone: the tools and products around the Sync engine throw their own.
 */
export const SPECIFIC_KINDS: ReadonlySet<Finding['kind']> = new Set<Finding['kind']>([
  ...SYNC_FAILURE_KINDS,
  'mim-build',
  'connector-build',
]);
/** What shows the Sync engine is in the message at all: its words, a connector, its codes or builds. */
const SYNC_PRESENCE_KINDS = new Set<Finding['kind']>([...SPECIFIC_KINDS, 'connector']);
/** What an MA does: named with the Service's MA, they make it the MA's failure, not the Service's. */
const SERVICE_MA_WORK = new Set([
  'export-words',
  'full-sync',
  'slow',
  'hang',
  'service-rejects',
  'service-validation',
  'creation-refused',
]);
/** Below this a finding was waved away ("no errors", "not the problem"). */
const ASSERTED = 0.5;
/** Below this a code is a guess read from prose. */
const SURE = 0.6;
/** Named this often, a tool is what the message is about. */
const DWELLS_ON = 3;

const emphasis = (f: Finding): number => f.emphasis ?? EMPHASIS.plain;
const asked = (f: Finding): boolean => emphasis(f) >= EMPHASIS.question;
const asserted = (f: Finding): boolean => emphasis(f) >= ASSERTED;

/**
 * The neighbouring product the message is about, if the product decides (routing rules 2, 8, 9, 10):
 * - a product named only in an aside or waved away never decides;
 * - another sync engine (Entra Connect, SharePoint's profile sync) decides whenever it is named;
 * - a tool or part of MIM around the Sync engine decides when the message does not mention the Sync
 *   engine at all (by name, connector, code or build); otherwise only where it holds no failure of
 *   the Sync engine (a run status, an object error, a Sync event): when the question names the tool,
 *   or, where no question names anything else, when the tool is what the message is about. A run
 *   status quoted in passing (not asked about) does not count as such a failure when the question
 *   names the tool or the message names it again and again.
 * `weighsForAStep` says whether a finding is evidence for one of the seven steps.
 */
export function productInQuestion(
  findings: readonly Finding[],
  weighsForAStep: (f: Finding) => boolean,
): ProductId | null {
  const ruledOut = new Set(findings.filter((f) => f.kind === 'not-product').map((f) => f.value));
  // Named only on the side ("we also have Entra Connect, …") or waved away: context (rule 10).
  const named = findings
    .filter((f) => f.kind === 'product' && !ruledOut.has(f.value) && emphasis(f) >= EMPHASIS.plain)
    .sort((a, b) => emphasis(b) - emphasis(a));
  if (named.length === 0) return null;
  // The tool is named and the Sync engine is not, not even by name: the error is the tool's own.
  if (!findings.some(namesTheSyncEngine)) return named[0].value as ProductId;
  const engine = named.find((f) => getProduct(f.value)?.reach === 'engine');
  if (engine) return engine.value as ProductId;

  const failures = findings.filter(
    (f) =>
      SYNC_FAILURE_KINDS.has(f.kind) &&
      f.confidence >= SURE &&
      asserted(f) &&
      weighsForAStep(f) &&
      !succeeded(f),
  );
  const top = named[0];
  // A FIM/MIM Service MA failure reads in the MIM Service's terms (rule 8): then the Service never decides.
  if (top.value === 'mim-service' && findings.some((f) => isServiceMaFailure(f, findings))) return null;
  const specificAsked = findings.some(
    (f) => asked(f) && (SPECIFIC_KINDS.has(f.kind) || (f.kind === 'symptom' && f.value === 'kb-reference')),
  );
  // The question names the tool and asks about no Sync failure: a run status or event quoted as
  // background ("the run ends completed-export-errors, which we expect", "we will alert on 6100")
  // does not make it a Sync question (rule 10). Failed objects, or a failure asked about, still get
  // the step the bot covers (dev set u026, u061).
  const background = (f: Finding): boolean => (f.kind === 'run-status' || f.kind === 'event-id') && !asked(f);
  if (asked(top) && !specificAsked && failures.every(background)) return top.value as ProductId;
  const askedElse = findings.some(
    (f) => asked(f) && f.kind !== 'product' && f.kind !== 'not-product' && weighsForAStep(f),
  );
  if (askedElse) return null;
  // A message that keeps coming back to the tool is about the tool; a run status it quotes in
  // passing is context (rule 10 still holds: a status asked about is no background).
  if ((top.mentions ?? 1) >= DWELLS_ON && failures.every(background)) return top.value as ProductId;
  const thrown = findings.some(
    (f) =>
      (f.kind === 'exception' && f.confidence >= 0.9) || (f.kind === 'symptom' && f.value === 'stack-trace'),
  );
  return failures.length === 0 && !thrown ? (top.value as ProductId) : null;
}

/**
 * The admin says outright that MIM is not what the question is about ("MIM isn't involved", "lidt off
 * topic", "not a MIM question"), even waving it away as they say it. Only a failure of the Sync engine
 * read as a code (a status, an object error, a Sync event) outweighs their word.
 */
export function disclaimsMim(findings: readonly Finding[]): boolean {
  if (!findings.some((f) => f.kind === 'symptom' && f.value === 'not-mim')) return false;
  return !findings.some((f) => SYNC_FAILURE_KINDS.has(f.kind) && f.confidence >= SURE && asserted(f));
}

function namesTheSyncEngine(f: Finding): boolean {
  return SYNC_PRESENCE_KINDS.has(f.kind) || (f.kind === 'symptom' && f.value === 'mim-sync');
}

/** "MIM shows success" is no failure: the tool around it is what went wrong. */
function succeeded(f: Finding): boolean {
  if (f.kind !== 'run-status') return false;
  const kind = getRunStatus(f.value)?.kind;
  return kind === 'success' || kind === 'in-progress' || f.value === 'completed-no-objects';
}

/** The FIM/MIM Service MA named with a run or an export of it, or an object error of its web service. */
function isServiceMaFailure(f: Finding, findings: readonly Finding[]): boolean {
  if (f.kind === 'object-error' && f.value.endsWith('-via-web-services')) return true;
  if (f.kind !== 'connector' || f.value !== 'fim-service') return false;
  // "FIM Service" alone is the Service itself (its event log, an XPath query against it).
  return findings.some(
    (g) => g.kind === 'run-status' || (g.kind === 'symptom' && SERVICE_MA_WORK.has(g.value)),
  );
}

/** A product named in a message the bot finds out of scope anyway, for the answer to name. */
export function productNamed(findings: readonly Finding[]): ProductId | null {
  const ruledOut = new Set(findings.filter((f) => f.kind === 'not-product').map((f) => f.value));
  const named = findings
    .filter((f) => f.kind === 'product' && !ruledOut.has(f.value))
    .sort((a, b) => emphasis(b) - emphasis(a));
  if (named.length > 0) return named[0].value as ProductId;
  return findings.some((f) => f.kind === 'symptom' && f.value === 'pcns') ? 'pcns-setup' : null;
}
