import type { Activity } from 'botbuilder';
import type { CardNodeJson } from '../../src/teams/cards';
import type { RecordedRequest } from './connector-stub';

/** What a Teams user sees of one reply: its text, the card's heading, body text, buttons and links. */
export interface Seen {
  text: string;
  title: string;
  body: string;
  buttons: { title: string; data: Record<string, unknown> }[];
  links: string[];
}

/** Every element and action of a card, depth first; button data is not walked into. */
export function* cardNodes(value: unknown): Generator<CardNodeJson> {
  if (Array.isArray(value)) {
    for (const item of value) yield* cardNodes(item);
  } else if (typeof value === 'object' && value !== null) {
    const node = value as CardNodeJson;
    if (typeof node.type === 'string') yield node;
    for (const [key, child] of Object.entries(node)) if (key !== 'data') yield* cardNodes(child);
  }
}

export function seeActivity(activity: Partial<Activity>): Seen {
  const card = activity.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;
  const nodes = [...cardNodes(card)];
  return {
    text: activity.text ?? '',
    title: String(nodes.find((n) => n.type === 'TextBlock' && n.style === 'heading')?.text ?? ''),
    body: nodes
      .filter((n) => n.type === 'TextBlock')
      .map((n) => String(n.text))
      .join('\n'),
    buttons: nodes
      .filter((n) => n.type === 'Action.Execute' || n.type === 'Action.Submit')
      .map((n) => ({ title: String(n.title), data: n.data as Record<string, unknown> })),
    links: nodes.filter((n) => n.type === 'Action.OpenUrl').map((n) => String(n.url)),
  };
}

export function see(request: RecordedRequest): Seen {
  return seeActivity(request.body as Partial<Activity>);
}
