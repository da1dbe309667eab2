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
 * conversation state (it holds what users pasted), and which advice each bot message gave
 * (`<prefix>/advice/...`, for the thumbs under it: rated while the conversation is live). User
 * state (a language choice), cases and the outbox of deliveries that must not be lost are never swept.
 */
export function expiresWithTtl(key: string): boolean {
  return /^[^/]+\/(?:conversations|advice)\//.test(key);
}
