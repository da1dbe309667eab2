import * as fs from 'node:fs';
import * as path from 'node:path';
import * as AC from 'adaptivecards';

/** Folder holding package.json, found by walking up so the helper works wherever it is imported from. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/**
 * Parses the card with the official renderer at version 1.5 and returns its complaints: unknown
 * element or action types, version-gated properties, bad enum values, missing required values.
 * It does not notice a TextBlock without text or unknown properties; `checkWithSchema` does.
 */
export function checkWithRenderer(cardJson: unknown): string[] {
  const messages: string[] = [];
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  try {
    card.parse(cardJson, ctx);
  } catch (err) {
    return [`renderer threw while parsing: ${(err as Error).message}`];
  }
  const describe = (e: AC.IValidationEvent): string => {
    const source = e.source as { getJsonTypeName?: () => string } | undefined;
    const where = source?.getJsonTypeName ? ` (${source.getJsonTypeName()})` : '';
    return `${AC.ValidationEvent[e.event]}${where}: ${e.message}`;
  };
  for (let i = 0; i < ctx.eventCount; i++) messages.push(describe(ctx.getEventAt(i)));
  for (const e of card.validateProperties().validationEvents) messages.push(describe(e));
  return messages;
}
