import type { NodeSystemOptions } from '@azure/msal-node';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthenticationProvider, Middleware } from '@microsoft/microsoft-graph-client';
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import type { RetryPolicy, RetryTiming } from './graph-retry';
import { GraphRetryMiddleware } from './graph-retry';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** App-only credentials for Graph: a client secret or a certificate (preferred in production). */
export interface GraphAppCredentials {
  tenantId: string;
  clientId: string;
  /** e.g. https://login.microsoftonline.com (sovereign clouds differ). */
  authorityHost: string;
  clientSecret?: string;
  certificate?: { thumbprintSha256: string; privateKey: string };
}

/**
 * Tokens for Graph through msal-node's client-credentials flow. MSAL keeps the token in its in-memory
 * cache and only goes back to Entra ID when it is about to expire.
 */
export class MsalTokenProvider implements AuthenticationProvider {
  private readonly app: ConfidentialClientApplication;

  constructor(credentials: GraphAppCredentials, system?: NodeSystemOptions, authorityMetadata?: string) {
    const authority = `${credentials.authorityHost.replace(/\/+$/, '')}/${credentials.tenantId}`;
    this.app = new ConfidentialClientApplication({
      auth: {
        clientId: credentials.clientId,
        authority,
        ...(credentials.certificate
          ? { clientCertificate: credentials.certificate }
          : { clientSecret: credentials.clientSecret }),
        // Given in tests (and offline set-ups) so MSAL need not discover the authority over the network.
        ...(authorityMetadata ? { authorityMetadata, knownAuthorities: [new URL(authority).host] } : {}),
      },
      ...(system ? { system } : {}),
    });
  }

  async getAccessToken(): Promise<string> {
    const result = await this.app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    if (!result?.accessToken) throw new Error('Entra ID returned no access token for Microsoft Graph');
    return result.accessToken;
  }
}

export interface GraphClientOptions {
  /** Where Graph lives: `https://graph.microsoft.com/`, or a local stand-in. */
  baseUrl: string;
  version?: string;
  /** Omitted only against a local stand-in (the client sends tokens over https only anyway). */
  auth?: AuthenticationProvider;
  retry?: RetryPolicy;
  timing?: RetryTiming;
}

/**
 * The Graph client with its middleware chain: token, telemetry headers, our retry (Retry-After, jitter,
 * bounded attempts), then fetch.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const chain: Middleware[] = [];
  if (options.auth) chain.push(new AuthenticationHandler(options.auth));
  chain.push(
    new TelemetryHandler(),
    new GraphRetryMiddleware(options.retry, options.timing),
    new HTTPMessageHandler(),
  );
  for (let i = 0; i < chain.length - 1; i += 1) chain[i].setNext?.(chain[i + 1]);
  return Client.initWithMiddleware({
    middleware: chain[0],
    baseUrl: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
    defaultVersion: options.version ?? 'v1.0',
  });
}

/** `https://graph.microsoft.com/v1.0`: the root nextLinks start with. */
export function graphRootOf(options: Pick<GraphClientOptions, 'baseUrl' | 'version'>): string {
  return `${options.baseUrl.replace(/\/+$/, '')}/${options.version ?? 'v1.0'}`;
}
