import { decide } from '../diagnosis/decide';
import { recognize } from '../diagnosis/recognize';
import type { Decision, Recognition } from '../diagnosis/types';
import { deepFreeze } from '../edge/deep-freeze';
import { LruCache } from '../edge/lru-cache';

/**
 * What the bot read in a message, kept for identical messages: a failed overnight run brings a
 * whole team with the same paste, and reading a message (recognizer, decision, word model) was one
 * of the larger costs of a turn. Both are pure functions of the text. Results are frozen because
 * they are shared: a caller that edits one fails loudly instead of changing the next user's answer.
 */
const recognitions = new LruCache<string, Recognition>(512);
const decisions = new WeakMap<Recognition, Decision>();
/** Longer messages are pastes that hardly repeat; they would only crowd out the short ones. */
const MAX_CACHED_CHARS = 2000;

export function readMessage(text: string): Recognition {
  if (text.length > MAX_CACHED_CHARS) return recognize(text);
  let recognition = recognitions.get(text);
  if (recognition === undefined) {
    recognition = deepFreeze(recognize(text));
    recognitions.set(text, recognition);
  }
  return recognition;
}

export function decideOn(recognition: Recognition): Decision {
  const known = decisions.get(recognition);
  if (known !== undefined) return known;
  const decision = decide(recognition);
  // Only shared (frozen) recognitions are worth remembering a decision for.
  if (Object.isFrozen(recognition)) decisions.set(recognition, deepFreeze(decision));
  return decision;
}
