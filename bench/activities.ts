/**
 * Teams-shaped inbound activities for the load bench, as Teams posts them to /api/messages in a 1:1
 * chat (JSON wire shape, no Date objects). Adapted from test/helpers/activities.ts, with one
 * conversation and one user per bench conversation. All ids are fake placeholders.
 */

export const BENCH_TENANT = '00000000-0000-4000-8000-00000000aaaa';
export const BENCH_BOT = { id: '28:00000000-0000-4000-8000-00000000b0b0', name: 'MIM Sync Doctor' };

export type WireActivity = Record<string, unknown>;

export interface Who {
  /** Conversation id, distinct per bench conversation (Teams personal chats look like `a:...`). */
  conversationId: string;
  /** Index of the user; each conversation gets its own user. */
  user: number;
  /** Where the bot sends its replies: the local connector stand-in. */
  serviceUrl: string;
  /** Activity id, unique per request. */
  activityId: string;
}

function base(who: Who): WireActivity {
  return {
    id: who.activityId,
    channelId: 'msteams',
    serviceUrl: who.serviceUrl,
    timestamp: '2024-05-01T08:00:00.000Z',
    localTimestamp: '2024-05-01T10:00:00.000+02:00',
    localTimezone: 'Europe/Copenhagen',
    from: {
      id: `29:bench-user-${who.user}`,
      name: 'Bench Admin',
      aadObjectId: `00000000-0000-4000-8000-${String(who.user).padStart(12, '0')}`,
    },
    recipient: BENCH_BOT,
    conversation: { id: who.conversationId, conversationType: 'personal', tenantId: BENCH_TENANT },
    locale: 'en-US',
    entities: [
      { type: 'clientInfo', locale: 'en-US', country: 'DK', platform: 'Web', timezone: 'Europe/Copenhagen' },
    ],
    channelData: { tenant: { id: BENCH_TENANT } },
  };
}

/** A typed 1:1 chat message. */
export function textMessage(text: string, who: Who): WireActivity {
  return { ...base(who), type: 'message', text, textFormat: 'plain' };
}

/** An Action.Submit click: a message with no text and the card's data in `value`. */
export function cardSubmit(value: Record<string, unknown>, who: Who): WireActivity {
  const activity = base(who);
  return {
    ...activity,
    type: 'message',
    replyToId: `bench-card-${who.activityId}`,
    value,
    channelData: { ...(activity.channelData as Record<string, unknown>), postBack: true },
  };
}
