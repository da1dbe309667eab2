import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { LruCache } from '../lib/lru-cache';

type Auth = ConfigurationBotFrameworkAuthentication;
type AuthenticateRequestResult = Awaited<ReturnType<Auth['authenticateRequest']>>;
type ClaimsIdentity = Parameters<Auth['createUserTokenClient']>[0];
type ConnectorFactory = ReturnType<Auth['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Auth['createUserTokenClient']>>;

/** A process talks to a handful of Bot Service endpoints; this bounds a misbehaving caller. */
const MAX_CLIENTS = 64;

/**
 * ConfigurationBotFrameworkAuthentication that reuses its connector and user-token clients.
 *
 * Why: CloudAdapter builds a new ConnectorClient and a new UserTokenClient, each with its own HTTP
 * pipeline, for every activity it receives (about 95 µs of a turn's CPU on the bench machine); the
 * older BotFrameworkAdapter kept one client per service URL. A client holds no state of a turn:
 * tokens come from its credentials (which cache them) for each request. So a client is reused for
 * the same service URL, audience and caller claims, the things the stock factory builds it from;
 * anything else still gets a client of its own.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new LruCache<string, Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly tokenClients = new LruCache<string, Promise<UserTokenClient>>(MAX_CLIENTS);

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = callerKey(claimsIdentity);
    return this.remember(this.tokenClients, key, () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const caller = callerKey(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.remember(this.connectors, JSON.stringify([caller, serviceUrl, audience ?? null]), () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }

  /** The cached promise, or a new one; a failed creation is forgotten so the next turn tries again. */
  private remember<T>(
    cache: LruCache<string, Promise<T>>,
    key: string,
    create: () => Promise<T>,
  ): Promise<T> {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const created = create();
    cache.set(key, created);
    created.catch(() => {
      if (cache.get(key) === created) cache.delete(key);
    });
    return created;
  }
}

/** The claims the stock factories read the caller's app id and audience from. */
function callerKey(claimsIdentity: ClaimsIdentity): string {
  const pick = (type: string): string | null =>
    claimsIdentity.claims.find((claim) => claim.type === type)?.value ?? null;
  return JSON.stringify([pick('appid'), pick('azp'), pick('ver'), pick('aud')]);
}
