import { isRecord } from '../../lib/is-record';
import type { ClickTurn, Turn } from '../triage/turn';
import { answer, type AnswerAction } from './answer';
import { escalate, type EscalateAction } from './escalate';
import { fixed, type FixedAction } from './fixed';
import { help, type HelpAction } from './help';
import { openCase, type OpenCaseAction } from './open-case';
import { resolveCase, type ResolveCaseAction } from './resolve-case';
import {
  runAlertCase,
  runAlertMute,
  runAlertOnIt,
  type RunAlertCaseAction,
  type RunAlertMuteAction,
  type RunAlertOnItAction,
} from './run-alert';
import { showStep, type ShowStepAction } from './show-step';
import { startOver, type StartOverAction } from './start-over';
import { stillFailing, type StillFailingAction } from './still-failing';
import { takeCase, type TakeCaseAction } from './take-case';
import type { Verb } from './verb';

/**
 * Every card button sends `{ verb, ...context }`: one file per verb here reads its payload and
 * handles the click. Adding a verb: its file, a member of this union and an entry in ACTIONS, which
 * the compiler asks for.
 */
export type CardAction =
  | AnswerAction
  | ShowStepAction
  | FixedAction
  | StillFailingAction
  | StartOverAction
  | HelpAction
  | EscalateAction
  | OpenCaseAction
  | TakeCaseAction
  | ResolveCaseAction
  | RunAlertOnItAction
  | RunAlertMuteAction
  | RunAlertCaseAction;

export type CardVerb = CardAction['verb'];

type ActionOf<V extends CardVerb> = Extract<CardAction, { verb: V }>;

export const ACTIONS: { readonly [V in CardVerb]: Verb<ActionOf<V>> } = {
  answer,
  showStep,
  fixed,
  stillFailing,
  startOver,
  help,
  escalate,
  openCase,
  takeCase,
  resolveCase,
  runAlertOnIt,
  runAlertMute,
  runAlertCase,
};

function isVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && Object.hasOwn(ACTIONS, value);
}

/** Card data comes from the client and may be tampered with: accept only well-formed payloads. */
export function parseCardAction(value: unknown): CardAction | null {
  if (!isRecord(value) || !isVerb(value.verb)) return null;
  return ACTIONS[value.verb].read(value);
}

/** Whether a click is answered without dialog state (a support card's button). */
export function isClickOnly(action: CardAction): boolean {
  return ACTIONS[action.verb].scope === 'click';
}

/** Hands a click to its verb's handler; a dialog verb needs the dialog's turn. */
export function runAction(turn: ClickTurn | Turn, action: CardAction): Promise<void> {
  // The registry pairs each verb with the handler of its own action type; TypeScript cannot follow
  // that correlation through the union, so the pairing is asserted once, here.
  const verb = ACTIONS[action.verb] as Verb<CardAction>;
  if (verb.scope === 'click') return verb.handle(turn, action);
  if (!('state' in turn)) throw new Error(`card verb ${action.verb} needs the triage dialog`);
  return verb.handle(turn, action);
}
