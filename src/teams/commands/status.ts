import { lookUpCode } from '../../diagnosis/look-up';
import { shownAsText } from '../../lib/shown-as-text';
import { showLookUp } from '../triage/show';
import { tell } from '../triage/turn';
import type { CommandDef } from './command';

export interface StatusCommand {
  id: 'status';
  code: string;
}

/** `status <code>`: what a run status or an object error code means, and its step. */
export const status: CommandDef<StatusCommand> = {
  pattern: /^(?:status|code|kode|statuskode|fejlkode) ([\w -]{2,80})$/i,
  read: (m) => ({ id: 'status', code: m[1].trim() }),
  danish: ['kode', 'statuskode', 'fejlkode'],
  async handle(turn, { code }) {
    const found = lookUpCode(code);
    if (!found) return tell(turn, 'reply.unknownCode', { code: shownAsText(code.slice(0, 80)) });
    return showLookUp(turn, found);
  },
};
