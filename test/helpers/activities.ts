import type { Activity } from 'botbuilder';

/**
 * Builders for Teams-shaped inbound activities, as Teams posts them to /api/messages (JSON shape, no
 * Date objects). All ids are fake placeholders; none belongs to a real tenant, user or bot.
 */

export const FAKE = {
  tenantId: '00000000-0000-4000-8000-00000000aaaa',
  botId: '28:00000000-0000-4000-8000-00000000b0b0',
  botName: 'MIM Sync Doctor',
  userId: '29:fake-user-0001',
  userName: 'Ada Admin',
  userAadObjectId: '00000000-0000-4000-8000-00000000c0c0',
  personalConversationId: 'a:fake-personal-conversation-0001',
  teamId: '19:fake-team-0001@thread.tacv2',
  channelId: '19:fake-channel-0001@thread.tacv2',
  channelThreadId: '19:abc@thread.tacv2;messageid=123',
  serviceUrl: 'https://smba.example.invalid/emea/',
} as const;

export interface ActivityOptions {
  /** Where the bot sends replies; point it at the connector stub. */
  serviceUrl?: string;
  id?: string;
  locale?: string;
  userId?: string;
  userName?: string;
  userAadObjectId?: string;
  tenantId?: string;
}

let sequence = 0;
/** Unique per call, so replies can be matched to the message they answer. */
export function nextActivityId(): string {
  sequence += 1;
  return `fake-activity-${sequence}`;
}

/**
 * Teams JSON leaves out fields botbuilder's types call required (conversation.name, isGroup in a 1:1
 * chat), so the wire shape is cast rather than padded with values Teams never sends.
 */
function asActivity(json: Record<string, unknown>): Partial<Activity> {
  return json as Partial<Activity>;
}

function base(options: ActivityOptions) {
  const tenantId = options.tenantId ?? FAKE.tenantId;
  return {
    id: options.id ?? nextActivityId(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl ?? FAKE.serviceUrl,
    from: {
      id: options.userId ?? FAKE.userId,
      name: options.userName ?? FAKE.userName,
      aadObjectId: options.userAadObjectId ?? FAKE.userAadObjectId,
    },
    recipient: { id: FAKE.botId, name: FAKE.botName },
    locale: options.locale ?? 'en-US',
    tenantId,
  };
}

/** A 1:1 chat message. */
export function personalMessage(text: string, options: ActivityOptions = {}): Partial<Activity> {
  const { tenantId, ...common } = base(options);
  return asActivity({
    ...common,
    type: 'message',
    text,
    textFormat: 'plain',
    conversation: { id: FAKE.personalConversationId, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  });
}

export interface ChannelOptions extends ActivityOptions {
  conversationId?: string;
  teamId?: string;
  channelId?: string;
  /** The bot's display name in the mention; Teams puts it in `<at>...</at>`. */
  mentionName?: string;
}

/** A channel thread message that @mentions the bot, as Teams delivers it (mention text included). */
export function channelMessage(text: string, options: ChannelOptions = {}): Partial<Activity> {
  const { tenantId, ...common } = base(options);
  const mentionName = options.mentionName ?? 'Bot';
  const mentionText = `<at>${mentionName}</at>`;
  const teamId = options.teamId ?? FAKE.teamId;
  const channelId = options.channelId ?? FAKE.channelId;
  return asActivity({
    ...common,
    type: 'message',
    text: `${mentionText} ${text}`,
    textFormat: 'plain',
    conversation: {
      id: options.conversationId ?? FAKE.channelThreadId,
      conversationType: 'channel',
      isGroup: true,
      tenantId,
    },
    entities: [
      {
        type: 'mention',
        text: mentionText,
        mentioned: { id: FAKE.botId, name: mentionName },
      },
    ],
    channelData: {
      tenant: { id: tenantId },
      team: { id: teamId, name: 'Identity Support', aadGroupId: '00000000-0000-4000-8000-00000000d0d0' },
      channel: { id: channelId, name: 'MIM' },
      teamsTeamId: teamId,
      teamsChannelId: channelId,
    },
  });
}

export interface CardSubmitOptions extends ActivityOptions {
  /** The card message the button sat on. */
  replyToId?: string;
  /** Send it in the channel thread instead of the 1:1 chat. */
  inChannel?: boolean;
}

/** An Action.Submit click: a message with no text and the card data in `value`. */
export function cardSubmit(
  value: Record<string, unknown>,
  options: CardSubmitOptions = {},
): Partial<Activity> {
  const message = options.inChannel ? channelMessage('', options) : personalMessage('', options);
  // Teams sends a submit with no text and no mention, even in a channel.
  const submit: Partial<Activity> = { ...message };
  delete submit.text;
  delete submit.entities;
  delete submit.textFormat;
  return {
    ...submit,
    type: 'message',
    replyToId: options.replyToId ?? 'fake-card-activity-1',
    value,
    channelData: { ...(message.channelData as Record<string, unknown>), postBack: true },
  };
}

export interface CardInvokeOptions extends CardSubmitOptions {
  /** Defaults to Action.Execute; anything else is what an old or tampered card would send. */
  actionType?: string;
}

/** A Universal Action (Action.Execute) click: an `adaptiveCard/action` invoke the bot must answer. */
export function cardInvoke(
  verb: string,
  data: Record<string, unknown> = {},
  options: CardInvokeOptions = {},
): Partial<Activity> {
  const message = options.inChannel ? channelMessage('', options) : personalMessage('', options);
  const invoke: Partial<Activity> = { ...message };
  delete invoke.text;
  delete invoke.entities;
  delete invoke.textFormat;
  return {
    ...invoke,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: options.replyToId ?? 'fake-card-activity-1',
    value: { action: { type: options.actionType ?? 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
