import type { Turn } from '../triage/turn';

/** A command that works anywhere in a conversation, typed in English or Danish. */
export interface CommandDef<C extends { id: string }> {
  /** Matched against the whole line; anchored and bounded, so a 100 KB paste cannot make it backtrack. */
  pattern: RegExp;
  /** The command from the match, or null when its argument is not one this command takes. */
  read(match: RegExpMatchArray): C | null;
  /** Words that make a typed command Danish whatever the locale says ("hjælp"; "help" says nothing). */
  danish: readonly string[];
  handle(turn: Turn, command: C): Promise<void>;
}

/** A command with no argument: the match is the command. */
export function plain<Id extends string>(id: Id): () => { id: Id } {
  return () => ({ id });
}
