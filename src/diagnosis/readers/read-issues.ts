import { lineAndColumn } from './xml-islands';

/** What got in a reader's way, as data: the readers never throw on what an admin pastes. */
export type ReadIssueKind =
  'dtd-refused' | 'truncated' | 'malformed' | 'invalid-encoding' | 'nothing-recognised';

export interface ReadIssue {
  kind: ReadIssueKind;
  /** Offset in the decoded text, and its line/column (1-based), where it applies. */
  offset: number | null;
  line: number | null;
  column: number | null;
  /** truncated: the elements that were open where the text ended, outermost first. */
  openElements?: readonly string[];
  /** malformed: how many errors, and the first parser messages. */
  errorCount?: number;
  messages?: readonly string[];
}

export function issueAt(kind: ReadIssueKind, offset: number | null, text: string): ReadIssue {
  if (offset === null) return { kind, offset: null, line: null, column: null };
  const { line, column } = lineAndColumn(text, offset);
  return { kind, offset, line, column };
}
