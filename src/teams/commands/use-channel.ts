import type { StringKey } from '../../i18n';
import type { EscalationDesk } from '../escalation/desk';
import { tell } from '../triage/turn';
import { plain, type CommandDef } from './command';

export interface UseChannelCommand {
  id: 'useChannel';
}

const REPLIES: Record<Awaited<ReturnType<EscalationDesk['registerChannel']>>, StringKey> = {
  registered: 'reply.channel.registered',
  'fixed-by-settings': 'reply.channel.configured',
  'not-admin': 'reply.channel.notAdmin',
  'not-a-channel': 'reply.channel.notChannel',
};

/** A support admin makes the channel they write in the support channel (unless the settings fix it). */
export const useChannel: CommandDef<UseChannelCommand> = {
  pattern:
    /^(?:use this channel for escalations|use this channel for support|brug denne kanal til eskaleringer|brug kanalen til eskaleringer|brug denne kanal til support)$/i,
  read: plain('useChannel'),
  danish: ['brug'],
  async handle(turn) {
    const { desk } = turn.services;
    if (!desk) return tell(turn, 'reply.casesUnavailable');
    tell(turn, REPLIES[await desk.registerChannel(turn.context.activity)]);
  },
};
