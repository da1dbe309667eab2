import type { AdaptiveCardJson, CardNodeJson } from '../teams/views/cards';

export interface CardChoice {
  title: string;
  data: unknown;
}

export interface CardText {
  text: string;
  choices: CardChoice[];
}

/**
 * Renders an expanded Adaptive Card as plain text for the terminal chat. It walks the standard
 * element types rather than knowing our templates, so a template change needs no change here.
 * Submit-like buttons become numbered choices "[n] title"; the caller maps a typed number back
 * to `choices[n - 1].data`.
 */
export function cardToText(card: AdaptiveCardJson): CardText {
  const choices: CardChoice[] = [];
  const lines = [...renderItems(card.body, choices), ...renderActions(card.actions, choices)];
  return { text: tidy(lines), choices };
}

const BLOCK_SPACING = new Set(['Medium', 'Large', 'ExtraLarge', 'Padding']);

function nodes(value: unknown): CardNodeJson[] {
  return Array.isArray(value)
    ? value.filter((v): v is CardNodeJson => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function renderItems(items: unknown, choices: CardChoice[]): string[] {
  const out: string[] = [];
  for (const item of nodes(items)) {
    if (item.isVisible === false) continue;
    // Separators and wide spacing mark a new block on the card; a blank line does the same here.
    if (item.separator === true || BLOCK_SPACING.has(str(item.spacing))) out.push('');
    out.push(...renderElement(item, choices));
  }
  return out;
}

function renderElement(el: CardNodeJson, choices: CardChoice[]): string[] {
  switch (el.type) {
    case 'TextBlock': {
      const text = str(el.text);
      return text === '' ? [] : [text];
    }
    case 'RichTextBlock':
      return [
        nodes(el.inlines)
          .map((run) => str(run.text))
          .join(''),
      ];
    case 'FactSet':
      return nodes(el.facts).map((fact) => {
        const title = str(fact.title).replace(/:\s*$/, '');
        return `${title}: ${str(fact.value)}`;
      });
    case 'Container':
      return renderItems(el.items, choices);
    case 'ColumnSet':
      return renderColumns(nodes(el.columns), choices);
    case 'Image':
      return el.altText ? [`[${str(el.altText)}]`] : [];
    case 'ActionSet':
      return renderActions(el.actions, choices);
    case 'Table':
      return nodes(el.rows).map((row) =>
        nodes(row.cells)
          .map((cell) => tidy(renderItems(cell.items, choices)).replace(/\n+/g, ' '))
          .join(' | '),
      );
    default:
      return [];
  }
}

/** Columns side by side read best as one line ("1." + "Do this" → "1. Do this"). */
function renderColumns(columns: CardNodeJson[], choices: CardChoice[]): string[] {
  const rendered = columns
    .filter((c) => c.isVisible !== false)
    .map((c) => renderItems(c.items, choices).filter((line) => line !== ''))
    .filter((col) => col.length > 0);
  if (rendered.every((col) => col.length === 1)) return [rendered.map((col) => col[0]).join(' ')];
  // Multi-line columns: keep the first column's first line as a lead-in, indent the rest under it.
  const [first, ...rest] = rendered.flat();
  return first === undefined ? [] : [first, ...rest.map((line) => `   ${line}`)];
}

function renderActions(actions: unknown, choices: CardChoice[]): string[] {
  const out: string[] = [];
  for (const action of nodes(actions)) {
    if (action.isEnabled === false) continue;
    const title = str(action.title);
    switch (action.type) {
      case 'Action.OpenUrl':
        out.push(title ? `${title}: ${str(action.url)}` : str(action.url));
        break;
      case 'Action.Submit':
      case 'Action.Execute':
        choices.push({ title, data: action.data });
        out.push(`[${choices.length}] ${title}`);
        break;
      case 'Action.ShowCard': {
        // No hidden panes in a terminal: show the sub-card inline under its title.
        const card = action.card as CardNodeJson | undefined;
        out.push('', title, ...renderItems(card?.body, choices), ...renderActions(card?.actions, choices));
        break;
      }
      default:
        break;
    }
  }
  if (out.length > 0) out.unshift('');
  return out;
}

/** Drops leading/trailing blank lines and collapses runs of them. */
function tidy(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines.map((l) => l.trimEnd())) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
