import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { createAdapter } from '../../src/adapter/adapter';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { useConnectorStub } from '../helpers/connector-stub';

/**
 * Through the real ConnectorClient (what TurnContext.sendActivity uses) to a local connector: entity
 * fields botbuilder 4.23.3 would drop arrive as built once the bot's adapter has been created (it
 * applies keepEntityFields at start).
 */

const stub = useConnectorStub();

async function sendEntities(entities: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  // No app id: the client signs nothing and asks no token service.
  const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: stub.serviceUrl });
  const activity = {
    type: 'message',
    text: '<at>MIM Support</at> a run failed',
    entities,
  } as Partial<Activity>;
  await client.conversations.sendToConversation('19:support@thread.tacv2', activity as Activity);
  const [sent] = await stub.waitFor(1);
  return (sent.body as { entities: Record<string, unknown>[] }).entities;
}

describe('entity fields on send', () => {
  beforeAll(() => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    createAdapter(config, createLogger(config), async () => undefined);
  });

  it('keep a tag mention’s mentioned.type', async () => {
    const [mention] = await sendEntities([
      {
        type: 'mention',
        text: '<at>MIM Support</at>',
        mentioned: { id: 'tag-0001', name: 'MIM Support', type: 'tag' },
      },
    ]);
    expect(mention).toEqual({
      type: 'mention',
      text: '<at>MIM Support</at>',
      mentioned: { id: 'tag-0001', name: 'MIM Support', type: 'tag' },
    });
  });

  it('keep fields of other entities (streaminfo, schema.org Message)', async () => {
    const entities = await sendEntities([
      { type: 'streaminfo', streamType: 'informative', streamSequence: 1 },
      { type: 'https://schema.org/Message', '@type': 'Message', additionalType: ['AIGeneratedContent'] },
    ]);
    expect(entities).toEqual([
      { type: 'streaminfo', streamType: 'informative', streamSequence: 1 },
      { type: 'https://schema.org/Message', '@type': 'Message', additionalType: ['AIGeneratedContent'] },
    ]);
  });
});
