import { startNewCase } from '../triage/state';
import { tell } from '../triage/turn';
import { plain, type CommandDef } from './command';

export interface DeleteMyDataCommand {
  id: 'deleteMyData';
}

/** The right to be forgotten: the user's cases, their queued messages, and their bot state here. */
export const deleteMyData: CommandDef<DeleteMyDataCommand> = {
  pattern: /^(?:delete my data|forget me|slet mine data|glem mig)$/i,
  read: plain('deleteMyData'),
  danish: ['slet', 'glem'],
  async handle(turn) {
    const { context, state, services } = turn;
    const removed = services.desk ? await services.desk.forget(context.activity.from?.id ?? '') : 0;
    startNewCase(state, null);
    await services.forgetUserState(context);
    tell(turn, 'reply.deleted', { n: removed });
  },
};
