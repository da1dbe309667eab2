/**
 * Which advice each bot message gave, so Teams' thumbs under it (which carry only the rated
 * message's id) count for the right step and code. One small document per conversation holding its
 * latest advice messages: bounded, and read only when someone rates.
 */
import { createHash } from 'node:crypto';
import { updateDoc, type CasOptions } from './cas';
import { readDoc, type KeyValueStore } from './store';
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

interface AdviceDoc {
  entries: AdviceEntry[];
}

/** Older messages can still be rated, but not counted: a user rates what they just read. */
export const ADVICE_PER_CONVERSATION = 50;

const digest = (value: string, length: number): string =>
  createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, length);

export class AdviceLog {
  private readonly prefix: string;

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: { keyPrefix?: string; cas?: CasOptions } = {},
  ) {
    this.prefix = options.keyPrefix ?? 'escalation';
  }

  private key(conversationId: string): string {
    return `${this.prefix}/advice/${digest(conversationId, 24)}`;
  }

  async remember(conversationId: string, activityId: string, advice: AdviceGiven): Promise<void> {
    const m = digest(activityId, 16);
    await updateDoc<AdviceDoc, void>(
      this.store,
      this.key(conversationId),
      () => ({ entries: [] }),
      (doc) => ({
        write: {
          entries: [...doc.entries.filter((e) => e.m !== m), { m, ...advice }].slice(
            -ADVICE_PER_CONVERSATION,
          ),
        },
        result: undefined,
      }),
      this.options.cas,
    );
  }

  async find(conversationId: string, activityId: string): Promise<AdviceGiven | undefined> {
    const doc = await readDoc<AdviceDoc>(this.store, this.key(conversationId));
    const m = digest(activityId, 16);
    const entry = doc?.value.entries.find((e) => e.m === m);
    if (!entry || !isStepId(entry.step)) return undefined;
    return { step: entry.step, statusCode: entry.statusCode, objectCode: entry.objectCode };
  }
}
