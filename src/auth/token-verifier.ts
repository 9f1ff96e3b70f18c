import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { webcrypto } from 'node:crypto';
import { IdentityProviderUnavailable, InvalidToken, userFromClaims, type AuthenticatedUser, type TokenPolicy } from './token-claims.ts';

export type { AuthenticatedUser } from './token-claims.ts';

export interface TokenVerifierOptions {
  /** HS256 shared secret; used when no JWKS URL is configured. */
  secret?: string;
  /** OIDC key set for RS256 tokens in production. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  policy: TokenPolicy;
  /** Told of each user a token newly proves, before the token is remembered: a failure leaves it to be verified again. */
  onVerified?: (user: AuthenticatedUser) => Promise<void>;
}

/** Tokens verified recently: a client sends the same bearer token with every request until it expires. */
const REMEMBERED_TOKENS = 10_000;

/** Verifies bearer tokens: RS256 against the identity provider's JWKS, or HS256 with the shared secret. */
export class TokenVerifier {
  private readonly key: Promise<webcrypto.CryptoKey> | JWTVerifyGetKey;
  private readonly algorithms: string[];
  /** Each entry lives only until its token's own expiry, so a remembered token is never accepted after it. */
  private readonly verified = new LRUCache<string, AuthenticatedUser>({ max: REMEMBERED_TOKENS });
  /** A client's first requests with a new token often arrive together: they share one verification and one write of the user. */
  private readonly verifying = new Map<string, Promise<AuthenticatedUser>>();

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

  verify(token: string): Promise<AuthenticatedUser> {
    const remembered = this.verified.get(token);
    if (remembered) return Promise.resolve(remembered);
    const pending = this.verifying.get(token);
    if (pending) return pending;
    const verification = this.verifyAfresh(token).finally(() => this.verifying.delete(token));
    this.verifying.set(token, verification);
    return verification;
  }

  private async verifyAfresh(token: string): Promise<AuthenticatedUser> {
    const payload = await this.signedPayload(token);
    const user = userFromClaims(payload, Date.now() / 1000, this.options.policy);
    await this.options.onVerified?.(user);
    // lru-cache reads a ttl of 0 as "for ever": a token that expired while its user was stored is not remembered.
    const ttl = payload.exp! * 1000 - Date.now();
    if (ttl > 0) this.verified.set(token, user, { ttl });
    return user;
  }

  private async signedPayload(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, typeof this.key === 'function' ? this.key : await this.key, {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      return payload;
    } catch (error) {
      if (isKeySetFailure(error)) throw new IdentityProviderUnavailable('The identity provider\'s key set could not be fetched');
      const code = (error as { code?: unknown }).code;
      throw new InvalidToken(code === 'ERR_JWT_EXPIRED' ? 'expired' : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? 'invalid-claims' : 'invalid-token');
    }
  }
}

/** jose's own errors name what is wrong with a token; the fetch of the key set fails with a timeout, a generic JOSEError or the network's error. */
function isKeySetFailure(error: unknown): boolean {
  return !(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === errors.JOSEError.code;
}
