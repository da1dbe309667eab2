/**
 * Which advice each bot message gave, so Teams' thumbs under it (which carry only the rated
 * message's id) count for the right step and code. One tiny document per advice message, written
 * once without reading anything: an advice reply costs one small write, not a read-modify-write of
 * a growing list. The documents expire with the conversation's own state (see expiresWithTtl).
 */
import { createHash } from 'node:crypto';
import { readDocs, writeAlways, type KeyValueStore, type Versioned } from './store';
import { isStepId, type StepId } from '../diagnosis/types';

export interface AdviceGiven {
  step: StepId;
  statusCode: string | null;
  objectCode: string | null;
}

interface AdviceEntry extends AdviceGiven {
  /** Digest of the message's activity id. */
  m: string;
}

/** What releases before this one kept: the latest advice messages of a conversation in one document. */
interface LegacyAdviceDoc {
  entries: AdviceEntry[];
}

const digest = (value: string, length: number): string =>
  createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, length);

export class AdviceLog {
  private readonly prefix: string;

  constructor(
    private readonly store: KeyValueStore,
    options: { keyPrefix?: string } = {},
  ) {
    this.prefix = options.keyPrefix ?? 'escalation';
  }

  /** The conversation's key; earlier releases kept all its advice messages in this one document. */
  private conversationKey(conversationId: string): string {
    return `${this.prefix}/advice/${digest(conversationId, 24)}`;
  }

  async remember(conversationId: string, activityId: string, advice: AdviceGiven): Promise<void> {
    const m = digest(activityId, 16);
    const entry: AdviceEntry = { m, ...advice };
    await writeAlways(this.store, `${this.conversationKey(conversationId)}/${m}`, entry);
  }

  async find(conversationId: string, activityId: string): Promise<AdviceGiven | undefined> {
    const m = digest(activityId, 16);
    const legacy = this.conversationKey(conversationId);
    const own = `${legacy}/${m}`;
    // One read for both: a thumb on a message an earlier release remembered still counts.
    const docs = await readDocs<AdviceEntry | LegacyAdviceDoc>(this.store, [own, legacy]);
    const entry = entryOf(docs.get(own), m) ?? legacyEntryOf(docs.get(legacy), m);
    if (!entry || !isStepId(entry.step)) return undefined;
    return { step: entry.step, statusCode: entry.statusCode, objectCode: entry.objectCode };
  }
}

function entryOf(
  doc: Versioned<AdviceEntry | LegacyAdviceDoc> | undefined,
  m: string,
): AdviceEntry | undefined {
  const value = doc?.value;
  return value && 'm' in value && value.m === m ? value : undefined;
}

function legacyEntryOf(
  doc: Versioned<AdviceEntry | LegacyAdviceDoc> | undefined,
  m: string,
): AdviceEntry | undefined {
  const value = doc?.value;
  if (!value || !('entries' in value) || !Array.isArray(value.entries)) return undefined;
  return value.entries.find((e) => e.m === m);
}
