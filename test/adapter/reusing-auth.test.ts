import { ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../src/adapter/reusing-auth';

type ClaimsIdentity = Parameters<ReusingBotFrameworkAuthentication['createUserTokenClient']>[0];

const ACTIVITY = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.example.invalid/emea/',
  conversation: { id: 'a:1' },
  from: { id: '29:user' },
  recipient: { id: '28:bot' },
} as Activity;

type ClaimsIdentityClass = new (
  claims: { type: string; value: string }[],
  authType: boolean,
) => ClaimsIdentity;

/**
 * Claims as a token from another app (a skill) would carry them. ClaimsIdentity comes from
 * botframework-connector, which we do not depend on directly: borrow the class from a real identity.
 */
async function callerClaims(appId: string): Promise<ClaimsIdentity> {
  const { claimsIdentity } = await new ReusingBotFrameworkAuthentication({}).authenticateRequest(
    ACTIVITY,
    '',
  );
  const ClaimsIdentityOf = claimsIdentity.constructor as ClaimsIdentityClass;
  return new ClaimsIdentityOf(
    [
      { type: 'ver', value: '1.0' },
      { type: 'appid', value: appId },
      { type: 'aud', value: 'bot-app-id' },
    ],
    true,
  );
}

describe('ReusingBotFrameworkAuthentication', () => {
  it('gives turns to the same service URL one connector client, and another URL its own', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const first = await auth.authenticateRequest(ACTIVITY, '');
    const second = await auth.authenticateRequest(ACTIVITY, '');
    const a = await first.connectorFactory!.create(ACTIVITY.serviceUrl, first.audience);
    const b = await second.connectorFactory!.create(ACTIVITY.serviceUrl, second.audience);
    expect(b).toBe(a);
    const other = await second.connectorFactory!.create(
      'https://smba.example.invalid/amer/',
      second.audience,
    );
    expect(other).not.toBe(a);
  });

  it('reuses the user token client of a caller, and builds one per distinct caller', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const { claimsIdentity } = await auth.authenticateRequest(ACTIVITY, '');
    const again = (await auth.authenticateRequest(ACTIVITY, '')).claimsIdentity;
    expect(await auth.createUserTokenClient(again)).toBe(await auth.createUserTokenClient(claimsIdentity));
    expect(await auth.createUserTokenClient(await callerClaims('skill-a'))).not.toBe(
      await auth.createUserTokenClient(await callerClaims('skill-b')),
    );
  });

  it('keeps the connector clients of different callers apart, also for proactive sends', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const url = ACTIVITY.serviceUrl;
    const a1 = await auth.createConnectorFactory(await callerClaims('skill-a')).create(url, undefined);
    const a2 = await auth.createConnectorFactory(await callerClaims('skill-a')).create(url, undefined);
    const b = await auth.createConnectorFactory(await callerClaims('skill-b')).create(url, undefined);
    expect(a2).toBe(a1);
    expect(b).not.toBe(a1);
  });

  it('holds at most 64 clients: the least recently used is built again', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const factory = (await auth.authenticateRequest(ACTIVITY, '')).connectorFactory!;
    const first = await factory.create('https://smba.example.invalid/0/', undefined);
    for (let i = 1; i <= 64; i += 1) await factory.create(`https://smba.example.invalid/${i}/`, undefined);
    expect(await factory.create('https://smba.example.invalid/0/', undefined)).not.toBe(first);
  });

  it('forgets a client whose creation failed, so the next turn builds it again', async () => {
    // Credentials come from this factory for each new client; the first attempt fails (say, the
    // certificate store was not readable yet).
    const credentials = new ConfigurationServiceClientCredentialFactory({});
    const createCredentials = jest
      .spyOn(credentials, 'createCredentials')
      .mockRejectedValueOnce(new Error('credentials not available yet'));
    const auth = new ReusingBotFrameworkAuthentication({}, credentials);
    const factory = (await auth.authenticateRequest(ACTIVITY, '')).connectorFactory!;
    await expect(factory.create(ACTIVITY.serviceUrl, undefined)).rejects.toThrow('not available yet');
    const client = await factory.create(ACTIVITY.serviceUrl, undefined);
    expect(await factory.create(ACTIVITY.serviceUrl, undefined)).toBe(client);
    expect(createCredentials).toHaveBeenCalledTimes(2);
  });
});
