// Turn-state keys the dialog sets and the bot reads back when it answers an invoke.

/** Set in turn state when a question card was answered: the card as it should now look, buttons gone. */
export const ANSWERED_CARD_KEY = Symbol('answeredCard');
/** Set in turn state when a click came from a card the conversation has moved past. */
export const STALE_CLICK_KEY = Symbol('staleClick');
/** The case this turn opened; kept when the turn runs again after a state conflict. */
export const CASE_OPENED_THIS_TURN_KEY = Symbol('caseOpenedThisTurn');
/** Set in turn state when a click's data could not be read (tampered, unknown verb). */
export const BAD_CLICK_KEY = Symbol('badClick');
/** Set in turn state when a click is best answered with a short message in the invoke response. */
export const INVOKE_MESSAGE_KEY = Symbol('invokeMessage');
