import { SignJWT } from 'jose';
import type { Role } from './roles.ts';

export interface TokenClaims {
  sub: string;
  name?: string;
  roles: Role[];
}

/** An HS256 token for the configured secret: for local use, tests and operators, never for production OIDC. */
export async function mintToken(secret: string, claims: TokenClaims, expiresIn = '8h'): Promise<string> {
  return new SignJWT({ name: claims.name ?? claims.sub, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
