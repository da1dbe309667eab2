/**
 * botbuilder 4.23.3 serialises outgoing entities with a mapper that knows only `type`, `text` and
 * `mentioned` (and a ChannelAccount mapper without `type`), so every other field is dropped on send:
 * a tag mention's `mentioned.type: "tag"`, streaming's `streaminfo`, a schema.org Message entity's
 * fields. The upstream fix was never released. Letting both mappers keep unknown properties, once at
 * start-up, sends entities as built; test/adapter/entity-fields.test.ts sends through the real
 * ConnectorClient to see that an upgrade does not undo it.
 */
import * as mappers from 'botframework-connector/lib/connectorApi/models/mappers';

/** The part of a composite mapper this touches. */
interface OpenableMapper {
  type: { name: string; additionalProperties?: { type: { name: string } } };
}

let applied = false;

export function keepEntityFields(): void {
  if (applied) return;
  for (const mapper of [mappers.Entity, mappers.ChannelAccount] as OpenableMapper[]) {
    if (mapper.type.name !== 'Composite') {
      throw new Error(
        'botframework-connector changed its Entity/ChannelAccount mappers: revisit entity-fields.ts',
      );
    }
    mapper.type.additionalProperties ??= { type: { name: 'Object' } };
  }
  applied = true;
}
