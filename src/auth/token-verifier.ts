import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { webcrypto } from 'node:crypto';
import { ROLES, type Role } from './roles.ts';

export interface AuthenticatedUser {
  sub: string;
  name: string | undefined;
  roles: Role[];
}

export interface TokenVerifierOptions {
  /** HS256 shared secret; used when no JWKS URL is configured. */
  secret?: string;
  /** OIDC key set for RS256 tokens in production. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** Tokens verified recently: a client sends the same bearer token with every request until it expires. */
const REMEMBERED_TOKENS = 10_000;

export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

/** Verifies bearer tokens: RS256 against the identity provider's JWKS, or HS256 with the shared secret. */
export class TokenVerifier {
  private readonly key: Promise<webcrypto.CryptoKey> | JWTVerifyGetKey;
  private readonly algorithms: string[];
  /** Each entry lives only until its token's own expiry, so a remembered token is never accepted after it. */
  private readonly verified = new LRUCache<string, AuthenticatedUser>({ max: REMEMBERED_TOKENS });

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ['RS256'];
    } else if (options.secret) {
      // Imported once: given raw bytes, jose would import the key again for every token.
      this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('TokenVerifier needs a JWKS URL or a secret');
    }
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const remembered = this.verified.get(token);
    if (remembered) return remembered;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, typeof this.key === 'function' ? this.key : await this.key, {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new InvalidToken(error instanceof Error ? error.message : 'invalid token');
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is Role => ROLES.includes(role as Role)) : [];
    const user = { sub: payload.sub!, name: typeof payload.name === 'string' ? payload.name : undefined, roles };
    this.verified.set(token, user, { ttl: payload.exp! * 1000 - Date.now() });
    return user;
  }
}
