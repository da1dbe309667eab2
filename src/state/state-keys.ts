/**
 * What the stored keys mean, for the parts that treat kinds of state differently (expiry).
 * botbuilder's key formats: ConversationState `<channel>/conversations/<conversation id>`,
 * PrivateConversationState `<channel>/conversations/<conversation id>/users/<user id>`,
 * UserState `<channel>/users/<user id>`.
 */

/** Where start-up checks write and delete a small item; never expires, never collides with bot state. */
export const PROBE_KEY = 'mim-sync-doctor/probe';

/**
 * Keys whose items expire after STATE_TTL_HOURS without a write: conversation and per-user-in-
 * conversation state (it holds what users pasted). User state (a language choice) and anything
 * else, such as a future outbox of deliveries that must not be lost, is never swept.
 */
export function expiresWithTtl(key: string): boolean {
  return /^[^/]+\/conversations\//.test(key);
}
