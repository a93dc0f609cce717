import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { EntraConfig } from '../../config/config';
import type { Identity } from '../../services/actors';
import { HttpProblem } from '../problem';
import type { IdentityResolver } from './authenticate';

const SCOPE = 'access_as_user';

interface EntraClaims extends JWTPayload {
  oid?: string;
  tid?: string;
  scp?: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  upn?: string;
  groups?: string[];
}

function unauthorized(description: string): HttpProblem {
  // RFC 6750: tell the client why, so the tab knows to fetch a fresh token.
  return new HttpProblem(
    401,
    'unauthorized',
    'Sign-in required',
    description,
    {},
    {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description.replace(/"/g, "'")}"`,
    },
  );
}

/**
 * AUTH_MODE=entra: a Bearer token as Teams SSO issues it, validated against Entra's JWKS: signature,
 * issuer (the tenant's v2.0 issuer), audience (the client id or the application ID URI), expiry, tenant,
 * and the `access_as_user` scope. The `oid` claim is the user.
 */
export function entraIdentity(config: EntraConfig, keys?: JWTVerifyGetKey): IdentityResolver {
  const jwks = keys ?? createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 });
  return async ({ authorization }) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthorized('Send the Teams SSO token as "Authorization: Bearer <token>".');
    let claims: EntraClaims;
    try {
      ({ payload: claims } = await jwtVerify<EntraClaims>(match[1], jwks, {
        issuer: config.issuer,
        audience: config.audiences,
        algorithms: ['RS256'],
        clockTolerance: 60,
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('The token has expired.');
      if (err instanceof joseErrors.JWTClaimValidationFailed)
        throw unauthorized(`The token's ${err.claim} claim is not accepted.`);
      if (err instanceof joseErrors.JOSEError) throw unauthorized('The token is not valid for this API.');
      throw err; // JWKS unreachable and the like: a 500, not the caller's fault
    }
    if (claims.tid !== config.tenantId) throw unauthorized("The token's tenant is not this app's tenant.");
    const scopes = (claims.scp ?? '').split(' ');
    if (!scopes.includes(SCOPE)) {
      throw new HttpProblem(
        403,
        'insufficient-scope',
        'Not allowed',
        `The token lacks the ${SCOPE} scope.`,
        {},
        {
          'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${SCOPE}"`,
        },
      );
    }
    const identity: Identity = {
      id: claims.oid as string,
      name: claims.name ?? claims.preferred_username ?? (claims.oid as string),
      email: claims.preferred_username ?? claims.email ?? claims.upn ?? '',
      groups: Array.isArray(claims.groups) ? claims.groups : undefined,
    };
    return identity;
  };
}
