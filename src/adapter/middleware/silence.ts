import { INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';

/**
 * Ends a turn without a reply. For an invoke botbuilder would answer 501 when no invoke response was
 * set, so set an empty 200: the sender learns nothing and nothing looks like a server failure.
 */
export function endQuietly(context: TurnContext): void {
  if (context.activity.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
    context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: { status: 200 } });
  }
}
