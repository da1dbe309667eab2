import { lookUpBuild } from '../../diagnosis/look-up';
import { shownAsText } from '../../lib/shown-as-text';
import { showLookUp } from '../triage/show';
import { tell } from '../triage/turn';
import type { CommandDef } from './command';

export interface VersionCommand {
  id: 'version';
  build: string;
}

/** `version <build>`: where a MIM or connector build stands. */
export const version: CommandDef<VersionCommand> = {
  pattern: /^(?:version|build|versionen) (\S{1,40})$/i,
  read: (m) => ({ id: 'version', build: m[1] }),
  danish: ['versionen'],
  async handle(turn, { build }) {
    const found = lookUpBuild(build);
    if (!found) return tell(turn, 'reply.unknownBuild', { build: shownAsText(build.slice(0, 40)) });
    return showLookUp(turn, found);
  },
};
