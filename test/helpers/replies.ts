import type { Activity } from 'botbuilder';
import type { CardNodeJson } from '../../src/teams/views/cards';
import type { ConnectorStub, RecordedRequest } from './connector-stub';

/** A button as a Teams user meets it: its title, and the data a click sends. */
export interface SeenButton {
  title: string;
  data: Record<string, unknown>;
}

/** What a Teams user sees of one reply: its text, the card's heading, body text, buttons and links. */
export interface Seen {
  text: string;
  title: string;
  body: string;
  buttons: SeenButton[];
  links: string[];
}

export interface SeeOptions {
  /** Also read the card's FactSets into `body`, a "title: value" line a fact, in card order. */
  facts?: boolean;
}

/** Every element and action of a card, depth first; button data is not walked into. */
export function* cardNodes(value: unknown): Generator<CardNodeJson> {
  if (Array.isArray(value)) {
    for (const item of value) yield* cardNodes(item);
  } else if (typeof value === 'object' && value !== null) {
    const node = value as CardNodeJson;
    if (typeof node.type === 'string') yield node;
    // Button payloads are not shown to the user.
    for (const [key, child] of Object.entries(node)) if (key !== 'data') yield* cardNodes(child);
  }
}

/** The lines of text one card node shows. */
function visibleLines(node: CardNodeJson, options: SeeOptions): string[] {
  if (node.type === 'TextBlock') return [String(node.text)];
  if (options.facts && node.type === 'FactSet' && Array.isArray(node.facts)) {
    return (node.facts as { title: string; value: string }[]).map((fact) => `${fact.title}: ${fact.value}`);
  }
  return [];
}

export function seeActivity(activity: Partial<Activity>, options: SeeOptions = {}): Seen {
  const card = activity.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;
  const nodes = [...cardNodes(card)];
  return {
    text: activity.text ?? '',
    title: String(nodes.find((n) => n.type === 'TextBlock' && n.style === 'heading')?.text ?? ''),
    body: nodes.flatMap((n) => visibleLines(n, options)).join('\n'),
    buttons: nodes
      .filter((n) => n.type === 'Action.Execute' || n.type === 'Action.Submit')
      .map((n) => ({ title: String(n.title), data: n.data as Record<string, unknown> })),
    links: nodes.filter((n) => n.type === 'Action.OpenUrl').map((n) => String(n.url)),
  };
}

export function see(request: RecordedRequest): Seen {
  return seeActivity(request.body as Partial<Activity>);
}

/**
 * The new messages among what the bot sent to the connector: typing indicators come and go, and a
 * clicked card may be updated in place (PUT).
 */
export function postedMessages(stub: Pick<ConnectorStub, 'activities'>): RecordedRequest[] {
  return stub.activities.filter(
    (r) => r.method === 'POST' && (r.body as Partial<Activity> | undefined)?.type === 'message',
  );
}
