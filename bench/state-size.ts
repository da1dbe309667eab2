/**
 * In-process phase of `npm run bench`: runs the bot class (src, through tsx) on a MemoryStorage with
 * botbuilder's TestAdapter, no HTTP. It
 *   - learns the script: how the dialog numbers its questions (`symptom#<seq>`), so the load can click
 *     answers, and which vague message the current recognizer answers with a clarifying question;
 *   - checks that every scripted turn gets the kind of reply it is meant to (advice card, symptom
 *     question, clarifying question), with no stale-card or bad-click text;
 *   - counts the outbound calls per turn (sent activities and card updates);
 *   - measures the stored state per conversation: the JSON MemoryStorage holds after one full cycle of
 *     the script, divided by the number of conversations.
 */
import {
  MemoryStorage,
  TestAdapter,
  type Activity,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import { MimSyncDoctorBot } from '../src/teams/bot';
import { t } from '../src/i18n';
import {
  BenchConversation,
  CLARIFY_CANDIDATES,
  TURN_KINDS,
  activityFor,
  type ScriptPlan,
  type TurnKind,
} from './conversation';

/** Texts the bot sends only when a scripted turn went wrong; the connector counts them too. */
export function failureMarkers(): string[] {
  // Looked up by name: a key the tree does not have (yet) is skipped.
  const lookup = t as unknown as (lang: 'en', key: string) => string;
  const keys = ['reply.staleCard', 'reply.badAction', 'reply.empty', 'error.title', 'reply.slowDown'];
  const markers: string[] = [];
  for (const key of keys) {
    try {
      const text = lookup('en', key);
      if (typeof text === 'string' && text.length >= 8) markers.push(text.slice(0, 28));
    } catch {
      // Not a string key in this version.
    }
  }
  return markers;
}

type ReplyKind = 'advice' | 'question:symptom' | 'question:clarify' | 'question:other' | 'update' | 'other';

/** What each scripted turn must produce (among its replies). */
const EXPECTED: Record<TurnKind, ReplyKind> = {
  'status-code': 'advice',
  'show-step': 'advice',
  greeting: 'question:symptom',
  'answer-click': 'advice',
  clarify: 'question:clarify',
};

export interface TurnShape {
  kind: TurnKind;
  /** Outbound calls: activities sent plus card updates. */
  replies: number;
  shape: ReplyKind[];
}

export interface StateReport {
  plan: ScriptPlan;
  turns: TurnShape[];
  conversations: number;
  /** Mean bytes per conversation in MemoryStorage (keys + JSON values) after one full cycle. */
  stateBytesPerConversation: number;
  /** Same, after only the first turn (the pasted status code). */
  stateBytesAfterFirstTurn: number;
  stateBytesMax: number;
}

interface Harness {
  storage: MemoryStorage;
  adapter: TestAdapter;
  bot: MimSyncDoctorBot;
  updates: Partial<Activity>[];
}

function harness(): Harness {
  const storage = new MemoryStorage();
  const bot = new MimSyncDoctorBot(storage);
  const adapter = new TestAdapter(async (context) => bot.run(context));
  const updates: Partial<Activity>[] = [];
  // TestAdapter drops updates of activities it no longer queues; on the wire each is a PUT.
  adapter.updateActivity = async (_context: TurnContext, activity: Partial<Activity>) => {
    updates.push(activity);
    return { id: activity.id } as ResourceResponse;
  };
  return { storage, bot, adapter, updates };
}

function memoryOf(storage: MemoryStorage): Record<string, string> {
  // MemoryStorage keeps each item as a JSON string in its protected `memory` map.
  return (storage as unknown as { memory: Record<string, string> }).memory;
}

function storedBytes(storage: MemoryStorage): { total: number; max: number } {
  let total = 0;
  let max = 0;
  for (const [key, value] of Object.entries(memoryOf(storage))) {
    const bytes = Buffer.byteLength(key) + Buffer.byteLength(value);
    total += bytes;
    max = Math.max(max, bytes);
  }
  return { total, max };
}

interface Replies {
  sent: Partial<Activity>[];
  updated: Partial<Activity>[];
}

async function send(h: Harness, activity: Record<string, unknown>): Promise<Replies> {
  await h.adapter.processActivity(activity as Partial<Activity>, async (context) => h.bot.run(context));
  const queue = (h.adapter as unknown as { activeQueue: Partial<Activity>[] }).activeQueue;
  return { sent: queue.splice(0, queue.length), updated: h.updates.splice(0, h.updates.length) };
}

function classify(reply: Partial<Activity>): ReplyKind {
  const json = JSON.stringify(reply.attachments ?? reply.text ?? '');
  const question = /"questionId":"([a-zA-Z]+)#\d+"/.exec(json);
  if (question) {
    return question[1] === 'symptom' || question[1] === 'clarify'
      ? (`question:${question[1]}` as ReplyKind)
      : 'question:other';
  }
  if (json.includes('"verb":"stillFailing"') || json.includes('"verb":"fixed"')) return 'advice';
  return 'other';
}

function shapeOf(replies: Replies): ReplyKind[] {
  return [...replies.sent.map(classify), ...replies.updated.map((): ReplyKind => 'update')];
}

function check(kind: TurnKind, replies: Replies, markers: string[]): ReplyKind[] {
  const shape = shapeOf(replies);
  const json = JSON.stringify(replies.sent);
  const bad = markers.find((m) => json.includes(m));
  if (bad !== undefined || !shape.includes(EXPECTED[kind])) {
    throw new Error(
      `scripted turn "${kind}" should get ${EXPECTED[kind]}, got [${shape.join(', ')}]` +
        (bad ? ` with "${bad}"` : ''),
    );
  }
  return shape;
}

function symptomQuestionNumber(replies: Replies): number | undefined {
  const ids = [...JSON.stringify(replies.sent).matchAll(/"questionId":"symptom#(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  return ids.length > 0 ? ids[0] : undefined;
}

const WHO = { serviceUrl: 'http://127.0.0.1:9/', user: 0 };

/**
 * Runs three cycles of the script in one conversation with a clarify text; returns the plan when the
 * bot answered every turn as intended and numbered its symptom questions regularly.
 */
async function tryPlan(clarifyText: string, markers: string[]): Promise<ScriptPlan | string> {
  const h = harness();
  const seen: number[] = [];
  const who = { ...WHO, conversationId: 'a:bench-learn' };
  try {
    for (let cycle = 0; cycle < 3; cycle++) {
      for (const kind of TURN_KINDS) {
        const questionId = seen.length === cycle + 1 ? `symptom#${seen[cycle]}` : 'symptom#0';
        const replies = await send(h, activityFor(kind, who, questionId, clarifyText));
        check(kind, replies, markers);
        if (kind === 'greeting') seen.push(symptomQuestionNumber(replies) as number);
      }
    }
  } catch (err) {
    return (err as Error).message;
  }
  const [a, b, c] = seen as [number, number, number];
  if (b - a !== c - b) return `question numbers are not regular: ${seen.join(', ')}`;
  return { base: a, stride: b - a, clarifyText };
}

export async function learnPlan(): Promise<ScriptPlan> {
  const markers = failureMarkers();
  const problems: string[] = [];
  for (const text of CLARIFY_CANDIDATES) {
    const plan = await tryPlan(text, markers);
    if (typeof plan !== 'string') return plan;
    problems.push(`"${text}": ${plan}`);
  }
  throw new Error(`no usable turn script for this version of the bot:\n  ${problems.join('\n  ')}`);
}

export async function measureState(conversations = 200): Promise<StateReport> {
  const plan = await learnPlan();
  const markers = failureMarkers();
  const h = harness();
  const turns: TurnShape[] = [];
  let afterFirst = 0;
  const all = Array.from(
    { length: conversations },
    (_, i) => new BenchConversation(`a:bench-state-${i}`, i, WHO.serviceUrl, plan),
  );
  for (let step = 0; step < TURN_KINDS.length; step++) {
    for (const [i, conversation] of all.entries()) {
      const { kind, activity } = conversation.nextActivity();
      const replies = await send(h, activity);
      const shape = check(kind, replies, markers);
      if (i === 0) turns.push({ kind, replies: shape.length, shape });
    }
    if (step === 0) afterFirst = storedBytes(h.storage).total / conversations;
  }
  const { total, max } = storedBytes(h.storage);
  return {
    plan,
    turns,
    conversations,
    stateBytesPerConversation: Math.round(total / conversations),
    stateBytesAfterFirstTurn: Math.round(afterFirst),
    stateBytesMax: max,
  };
}
