import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import dns from 'node:dns';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import type { ServiceClientCredentialsFactory } from '../../src/adapter/adapter';

/**
 * A stand-in for the Bot Framework's OpenID metadata and signing keys on 127.0.0.1, and a token
 * minter with test RSA keys made at start (node:crypto). Pointing botbuilder's parameterized auth
 * settings at it (authEnv) gives a full offline token round trip: botbuilder fetches our metadata,
 * then our JWKS, and verifies the tokens we mint exactly as it verifies Microsoft's.
 */

/** The Bot Connector's issuer as Teams tokens carry it (nothing is fetched from it). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
/** An issuer botbuilder routes to the Emulator validation path. */
export const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
/** What botbuilder stamps on authenticated activities; any fixed value works. */
export const CALLER_ID = 'urn:botframework:azure';
/** What the stub credentials put on the bot's outbound calls, so the connector stub can check it. */
export const OUTBOUND_TOKEN = 'outbound-stub-token';

/** published: in the JWKS with endorsements; attacker: never published. */
export type KeyName = 'teams' | 'webchat' | 'attacker';

interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Channels the published key is endorsed for; undefined for the attacker's key. */
  endorsements?: string[];
}

export interface MintOptions {
  appId: string;
  serviceUrl: string;
  /** Signing key; the header's kid says which published key it claims to be. */
  key?: KeyName;
  kid?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Seconds from now until the token becomes valid. */
  notBefore?: number;
  claims?: Record<string, unknown>;
}

export interface OpenIdStub {
  /** ToBotFromChannelOpenIdMetadataUrl */
  readonly metadataUrl: string;
  /** ToBotFromEmulatorOpenIdMetadataUrl (same keys, different path) */
  readonly emulatorMetadataUrl: string;
  /** Every path requested, in order: proves botbuilder read our metadata and keys. */
  readonly requests: readonly string[];
  /** The botbuilder settings for this stub, as environment variables for loadConfig. */
  authEnv(appId: string, password?: string): Record<string, string>;
  /** An RS256 Bot Framework channel token, valid unless options say otherwise. */
  mint(options: MintOptions): string;
  /** A header and payload signed with HS256 using the published public key as the secret. */
  mintAlgorithmConfusion(options: MintOptions): string;
  /** An unsigned token (alg: none). */
  mintUnsigned(options: MintOptions): string;
  close(): Promise<void>;
}

function makeKey(kid: string, endorsements?: string[]): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey, endorsements };
}

function claimsFor(options: MintOptions): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: options.issuer ?? CHANNEL_ISSUER,
    aud: options.audience ?? options.appId,
    serviceurl: options.serviceUrl,
    iat: now,
    nbf: now + (options.notBefore ?? 0),
    exp: now + (options.expiresIn ?? 600),
    ...options.claims,
  };
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export async function startOpenIdStub(): Promise<OpenIdStub> {
  const keys: Record<KeyName, TestKey> = {
    teams: makeKey('test-key-msteams', ['msteams']),
    webchat: makeKey('test-key-webchat', ['webchat']),
    attacker: makeKey('test-key-attacker'),
  };
  const requests: string[] = [];
  let base = '';

  const jwks = (): unknown => ({
    keys: [keys.teams, keys.webchat].map((key) => ({
      ...key.publicKey.export({ format: 'jwk' }),
      kid: key.kid,
      use: 'sig',
      endorsements: key.endorsements,
    })),
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/channel/.well-known/openidconfiguration') {
      send(200, { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/channel/keys` });
    } else if (path === '/emulator/.well-known/openidconfiguration') {
      send(200, { issuer: EMULATOR_ISSUER, jwks_uri: `${base}/emulator/keys` });
    } else if (path === '/channel/keys' || path === '/emulator/keys') {
      send(200, jwks());
    } else {
      // The login and OAuth URLs are configured but must never be called: outbound credentials are stubbed.
      send(404, { error: 'not stubbed' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign = (options: MintOptions): string => {
    const key = keys[options.key ?? 'teams'];
    return jwt.sign(claimsFor(options), key.privateKey, {
      algorithm: 'RS256',
      keyid: options.kid ?? (options.key === 'attacker' ? keys.teams.kid : key.kid),
    });
  };

  return {
    metadataUrl: `${base}/channel/.well-known/openidconfiguration`,
    emulatorMetadataUrl: `${base}/emulator/.well-known/openidconfiguration`,
    requests,
    authEnv(appId: string, password = 'test-secret-do-not-log'): Record<string, string> {
      return {
        MicrosoftAppId: appId,
        MicrosoftAppPassword: password,
        ToBotFromChannelOpenIdMetadataUrl: `${base}/channel/.well-known/openidconfiguration`,
        ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
        ToBotFromEmulatorOpenIdMetadataUrl: `${base}/emulator/.well-known/openidconfiguration`,
        ToChannelFromBotLoginUrl: `${base}/login`,
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        OAuthUrl: `${base}/oauth`,
        CallerId: CALLER_ID,
        ValidateAuthority: 'false',
      };
    },
    mint: sign,
    mintAlgorithmConfusion(options: MintOptions): string {
      const header = base64url({ alg: 'HS256', typ: 'JWT', kid: keys.teams.kid });
      const payload = base64url(claimsFor(options));
      const secret = keys.teams.publicKey.export({ format: 'pem', type: 'spki' });
      const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      return `${header}.${payload}.${signature}`;
    },
    mintUnsigned(options: MintOptions): string {
      return `${base64url({ alg: 'none', typ: 'JWT', kid: keys.teams.kid })}.${base64url(claimsFor(options))}.`;
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

type Credentials = Awaited<ReturnType<ServiceClientCredentialsFactory['createCredentials']>>;
type WebResource = Parameters<Credentials['signRequest']>[0];

/**
 * Outbound credentials for the bot's calls to the connector: a fixed bearer token instead of MSAL
 * (which would contact login.microsoftonline.com for instance discovery).
 */
export function stubCredentialsFactory(appId: string): ServiceClientCredentialsFactory {
  const credentials: Credentials = {
    async signRequest(webResource: WebResource): Promise<WebResource> {
      webResource.headers.set('authorization', `Bearer ${OUTBOUND_TOKEN}`);
      return webResource;
    },
  };
  return {
    isValidAppId: async (candidate: string) => candidate === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => credentials,
  };
}

export interface NetworkGuard {
  /** Host names something tried to resolve: anything but loopback means traffic would leave. */
  readonly blocked: readonly string[];
  restore(): void;
}

/**
 * Refuses every DNS lookup except loopback names and addresses, and records it. Every stub here listens on 127.0.0.1
 * (no lookup needed), so any lookup means code tried to reach another machine, such as Microsoft's
 * metadata endpoints.
 */
export function guardNetwork(): NetworkGuard {
  const blocked: string[] = [];
  const original = dns.lookup;
  const guarded = ((hostname: string, ...rest: unknown[]) => {
    if (/^(localhost|127\.\d+\.\d+\.\d+|::1)$/.test(hostname))
      return (original as (...args: unknown[]) => unknown)(hostname, ...rest);
    blocked.push(hostname);
    const callback = rest[rest.length - 1] as (err: NodeJS.ErrnoException) => void;
    const err: NodeJS.ErrnoException = new Error(`network guard: lookup of ${hostname} refused`);
    err.code = 'ENOTFOUND';
    process.nextTick(() => callback(err));
    return undefined;
  }) as typeof dns.lookup;
  dns.lookup = guarded;
  return {
    blocked,
    restore(): void {
      dns.lookup = original;
    },
  };
}
