import { generateKeyPairSync } from 'node:crypto';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { GRAPH_SCOPE, MsalTokenProvider } from '../../../api/store/sharepoint/graph-client';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0f1e2d3c-4b5a-4678-9a0b-1c2d3e4f5a6b';
const HOST = 'https://login.microsoftonline.com';

/** The OpenID metadata MSAL would otherwise fetch (and the cloud discovery it would otherwise do). */
const authorityMetadata = JSON.stringify({
  token_endpoint: `${HOST}/${TENANT}/oauth2/v2.0/token`,
  authorization_endpoint: `${HOST}/${TENANT}/oauth2/v2.0/authorize`,
  end_session_endpoint: `${HOST}/${TENANT}/oauth2/v2.0/logout`,
  issuer: `${HOST}/${TENANT}/v2.0`,
  jwks_uri: `${HOST}/${TENANT}/discovery/v2.0/keys`,
});

/** Entra ID's token endpoint, in memory: records each request, answers with a fresh token. */
function fakeEntra(): INetworkModule & {
  posts: Array<{ url: string; body: URLSearchParams }>;
  gets: string[];
} {
  const posts: Array<{ url: string; body: URLSearchParams }> = [];
  const gets: string[] = [];
  return {
    posts,
    gets,
    async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
      gets.push(url);
      return { headers: {}, body: {} as T, status: 404 };
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      posts.push({ url, body: new URLSearchParams(options?.body ?? '') });
      const body = {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: `token-${posts.length}`,
      };
      return { headers: {}, body: body as T, status: 200 };
    },
  };
}

describe('MsalTokenProvider (client credentials through msal-node)', () => {
  it('should ask Entra ID once for a Graph token with the app secret, then serve it from the cache', async () => {
    const network = fakeEntra();
    const provider = new MsalTokenProvider(
      { tenantId: TENANT, clientId: CLIENT, clientSecret: 's3cret', authorityHost: HOST },
      { networkClient: network },
      authorityMetadata,
    );
    expect(await provider.getAccessToken()).toBe('token-1');
    expect(await provider.getAccessToken()).toBe('token-1');
    expect(network.posts).toHaveLength(1);
    const [post] = network.posts;
    expect(post.url.split('?')[0]).toBe(`${HOST}/${TENANT}/oauth2/v2.0/token`);
    expect(network.gets).toEqual([]); // no discovery: the metadata was given
    expect(post.body.get('grant_type')).toBe('client_credentials');
    expect(post.body.get('scope')).toBe(GRAPH_SCOPE);
    expect(post.body.get('client_id')).toBe(CLIENT);
    expect(post.body.get('client_secret')).toBe('s3cret');
  });

  it('should fail with a clear error when Entra ID refuses the app', async () => {
    const network = fakeEntra();
    network.sendPostRequestAsync = async <T>(): Promise<NetworkResponse<T>> => ({
      headers: {},
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
      } as T,
    });
    const provider = new MsalTokenProvider(
      { tenantId: TENANT, clientId: CLIENT, clientSecret: 'wrong', authorityHost: HOST },
      { networkClient: network },
      authorityMetadata,
    );
    await expect(provider.getAccessToken()).rejects.toThrow(/invalid_client|AADSTS7000215/);
  });

  it('should sign a client assertion with the certificate instead of sending a secret', async () => {
    const network = fakeEntra();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const thumbprintSha256 = 'ab'.repeat(32);
    const provider = new MsalTokenProvider(
      {
        tenantId: TENANT,
        clientId: CLIENT,
        authorityHost: HOST,
        certificate: {
          thumbprintSha256,
          privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
        },
      },
      { networkClient: network },
      authorityMetadata,
    );
    await provider.getAccessToken();
    const [post] = network.posts;
    expect(post.body.get('client_secret')).toBeNull();
    expect(post.body.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    const [header, payload] = (post.body.get('client_assertion') as string)
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toMatchObject({
      alg: 'PS256',
      'x5t#S256': Buffer.from(thumbprintSha256, 'hex').toString('base64url'),
    });
    expect(payload).toMatchObject({ iss: CLIENT, sub: CLIENT });
  });
});
