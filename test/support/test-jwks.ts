import type { AddressInfo } from 'node:net';
import http from 'node:http';
import type { JWTPayload } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** A local stand-in for Entra's JWKS endpoint, with the test key that signs tokens. */
export interface TestIssuer {
  jwksUrl: string;
  /** Signs with the published key unless `withKey` says otherwise. */
  sign(
    claims: JWTPayload,
    options?: { expiresIn?: string | number; withKey?: 'published' | 'rogue'; kid?: string },
  ): Promise<string>;
  requests: number;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const rogue = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256' };
  const issuer = {
    requests: 0,
  } as TestIssuer;
  const server = http.createServer((req, res) => {
    issuer.requests += 1;
    if (req.url === '/common/discovery/v2.0/keys') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer.jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/common/discovery/v2.0/keys`;
  issuer.sign = async (claims, options = {}) => {
    const key = options.withKey === 'rogue' ? rogue.privateKey : published.privateKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'test-key-1' })
      .setIssuedAt()
      .setNotBefore('-1m')
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(key);
  };
  issuer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return issuer;
}
