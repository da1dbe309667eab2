import * as fs from 'node:fs';
import * as path from 'node:path';
import * as AC from 'adaptivecards';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';

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

/** The official 1.5 schema lives in shared/ beside the checkout (locally and in CI); never copied in. */
export function schemaPath(): string {
  return path.join(projectRoot(), '..', 'shared', 'schemas', 'adaptive-card-1.5.schema.json');
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

let validator: ValidateFunction | undefined;

/** Compiled once per process: the schema is large and compiling takes a few hundred ms. */
function schemaValidator(): ValidateFunction {
  if (validator) return validator;
  const file = schemaPath();
  if (!fs.existsSync(file)) {
    // A missing schema must fail the test run, not pass it by skipping the check.
    throw new Error(
      `Adaptive Card schema not found at ${file}. It is expected in shared/schemas/ beside the project checkout.`,
    );
  }
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  // Draft-06 names the schema's identifier `id`; ajv 8 only reads `$id`.
  if (typeof schema.id === 'string') {
    schema.$id = schema.id;
    delete schema.id;
  }
  allowTeamsExtension(schema);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  // ajv-formats is not installed; these two are all the schema uses.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat(
    'uri-reference',
    (value: string) => !/\s/.test(value) && URL.canParse(value, 'https://x.invalid/'),
  );
  validator = ajv.compile(schema);
  return validator;
}

/**
 * The card-level `msteams` object is a documented Teams host extension ("width": "Full", and
 * `entities` for @mentions in a TextBlock) that the generic schema forbids through
 * `additionalProperties: false`; accept exactly those, nothing else.
 */
function allowTeamsExtension(schema: Record<string, unknown>): void {
  const definitions = schema.definitions as Record<string, { properties?: Record<string, unknown> }>;
  const card = definitions.AdaptiveCard;
  if (!card?.properties) throw new Error('Unexpected schema layout: no definitions.AdaptiveCard.properties');
  card.properties.msteams = {
    type: 'object',
    properties: {
      width: { enum: ['Full'] },
      entities: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'text', 'mentioned'],
          properties: {
            type: { enum: ['mention'] },
            text: { type: 'string', pattern: '^<at>[^<>]+</at>$' },
            mentioned: {
              type: 'object',
              required: ['id', 'name'],
              properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 } },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}

function formatError(e: ErrorObject): string {
  const where = e.instancePath || '/';
  const detail =
    e.keyword === 'additionalProperty' || e.keyword === 'additionalProperties'
      ? ` "${String((e.params as { additionalProperty?: unknown }).additionalProperty)}"`
      : e.keyword === 'enum'
        ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
        : '';
  return `${where} ${e.message ?? e.keyword}${detail}`;
}

/**
 * Validates against the official Adaptive Card 1.5 JSON schema. Element lists are `anyOf` over
 * every element type, so one real mistake yields several messages (one per type it failed to be);
 * they are deduplicated but not interpreted. Empty means valid.
 */
export function checkWithSchema(cardJson: unknown): string[] {
  const validate = schemaValidator();
  if (validate(cardJson)) return [];
  return [...new Set((validate.errors ?? []).map(formatError))];
}
