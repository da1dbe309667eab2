import * as fs from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { sharedPath } from './shared-dir';

let validator: ValidateFunction | undefined;

/** Compiled once per process: the schema is large and compiling takes a few hundred ms. */
function schemaValidator(): ValidateFunction {
  if (validator) return validator;
  // The official schema is not ours: it is read from shared/, never copied into the repository.
  const file = sharedPath('schemas', 'adaptive-card-1.5.schema.json');
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
              properties: {
                id: { type: 'string', minLength: 1 },
                name: { type: 'string', minLength: 1 },
                type: { enum: ['tag'] },
              },
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
