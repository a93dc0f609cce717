import fs from 'node:fs';
import type { SharePointConfig } from '../../config/config';
import { ConfigError } from '../../config/config';
import { createGraphClient, graphRootOf, MsalTokenProvider } from './graph-client';
import { GraphExecutor } from './graph-executor';

/** The Graph executor a SharePoint configuration describes: credentials, client, retry, concurrency. */
export function graphExecutorFor(config: SharePointConfig): GraphExecutor {
  const credentials = config.credentials;
  let auth: MsalTokenProvider | undefined;
  if (credentials.mode === 'app') {
    let certificate: { thumbprintSha256: string; privateKey: string } | undefined;
    if (credentials.certificate) {
      let privateKey: string;
      try {
        privateKey = fs.readFileSync(credentials.certificate.path, 'utf8');
      } catch {
        throw new ConfigError(
          `Configuration error: GRAPH_CERTIFICATE_PATH names a file that cannot be read (${credentials.certificate.path}).`,
        );
      }
      if (!privateKey.includes('PRIVATE KEY-----')) {
        throw new ConfigError(
          `Configuration error: GRAPH_CERTIFICATE_PATH must be a PEM file holding the certificate's private key (${credentials.certificate.path}).`,
        );
      }
      certificate = { thumbprintSha256: credentials.certificate.thumbprintSha256, privateKey };
    }
    auth = new MsalTokenProvider({
      tenantId: credentials.tenantId,
      clientId: credentials.clientId,
      authorityHost: credentials.authorityHost,
      ...(certificate ? { certificate } : { clientSecret: credentials.clientSecret }),
    });
  }
  const client = createGraphClient({ baseUrl: config.graphBaseUrl, ...(auth ? { auth } : {}) });
  return new GraphExecutor(client, {
    graphRoot: graphRootOf({ baseUrl: config.graphBaseUrl }),
    maxConcurrentRequests: config.maxConcurrency,
  });
}
