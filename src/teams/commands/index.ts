import type { Lang } from '../../diagnosis/types';
import type { Turn } from '../triage/turn';
import type { CommandDef } from './command';
import { deleteMyData, type DeleteMyDataCommand } from './delete-my-data';
import { escalate, type EscalateCommand } from './escalate';
import { fixed, type FixedCommand } from './fixed';
import { help, type HelpCommand } from './help';
import { language, type LanguageCommand } from './language';
import { myCases, type MyCasesCommand } from './my-cases';
import { runs, type RunsCommand } from './runs';
import { openCases, type OpenCasesCommand } from './open-cases';
import { startOver, type StartOverCommand } from './start-over';
import { stats, type StatsCommand } from './stats';
import { status, type StatusCommand } from './status';
import { stillFailing, type StillFailingCommand } from './still-failing';
import { useChannel, type UseChannelCommand } from './use-channel';
import { version, type VersionCommand } from './version';
import {
  stopWatchingRuns,
  watchRuns,
  type StopWatchingRunsCommand,
  type WatchRunsCommand,
} from './watch-runs';

/**
 * Commands that work anywhere in a conversation, in English and Danish: one file per command here
 * holds its pattern and its handler. Adding a command: its file, a member of this union and an
 * entry in COMMANDS, which the compiler asks for.
 */
export type Command =
  | HelpCommand
  | StartOverCommand
  | FixedCommand
  | StillFailingCommand
  | StatusCommand
  | VersionCommand
  | LanguageCommand
  | EscalateCommand
  | MyCasesCommand
  | DeleteMyDataCommand
  | OpenCasesCommand
  | StatsCommand
  | UseChannelCommand
  | WatchRunsCommand
  | StopWatchingRunsCommand
  | RunsCommand;

export type CommandId = Command['id'];

type CommandOf<Id extends CommandId> = Extract<Command, { id: Id }>;

/** In the order a line is matched against them. */
export const COMMANDS: { readonly [Id in CommandId]: CommandDef<CommandOf<Id>> } = {
  help,
  startOver,
  fixed,
  stillFailing,
  status,
  version,
  escalate,
  myCases,
  deleteMyData,
  openCases,
  stats,
  useChannel,
  watchRuns,
  stopWatchingRuns,
  runs,
  language,
};

const DEFINITIONS: readonly CommandDef<Command>[] = Object.values(COMMANDS);

/** The command a message is, or null when it is an ordinary message. */
export function parseCommand(text: string): Command | null {
  const line = text.trim().replace(/\s+/g, ' ').replace(/[.!]$/, '');
  if (line.length > 120) return null;
  for (const def of DEFINITIONS) {
    const m = line.match(def.pattern);
    if (m) return def.read(m);
  }
  return null;
}

const DANISH_COMMAND_WORDS = new Set(DEFINITIONS.flatMap((def) => def.danish));

/** A command's own language: "hjælp" is Danish whatever the locale says; "help" says nothing. */
export function commandLanguage(text: string): Lang | null {
  return text
    .toLowerCase()
    .split(/\s+/)
    .some((w) => DANISH_COMMAND_WORDS.has(w))
    ? 'da'
    : null;
}

/** Hands a typed command to its handler. */
export function runCommand(turn: Turn, command: Command): Promise<void> {
  // The registry pairs each id with the handler of its own command type; asserted once, here.
  return (COMMANDS[command.id] as CommandDef<Command>).handle(turn, command);
}
