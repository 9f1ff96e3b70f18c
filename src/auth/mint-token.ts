import { SignJWT } from 'jose';
import { durationSeconds, formatDuration } from '../config/duration.ts';
import type { Role } from './roles.ts';

export interface TokenClaims {
  sub: string;
  name?: string;
  roles: Role[];
  teams?: string[];
}

/** An HS256 token for the configured secret: for local use, tests and operators, never for production OIDC. */
export async function mintToken(secret: string, claims: TokenClaims, expiresIn: string | number = '8h'): Promise<string> {
  return new SignJWT({ name: claims.name ?? claims.sub, roles: claims.roles, ...(claims.teams?.length ? { teams: claims.teams } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

export class LifetimeRefused extends Error {
  override readonly name = 'LifetimeRefused';
}

/** Seconds a token asked for with `--expires` lives, refused (one line) when the service would refuse the token. */
export function tokenLifetime(expires: string, maxAgeSeconds: number): number {
  const seconds = durationSeconds(expires);
  if (seconds === undefined || seconds === 0) throw new LifetimeRefused(`--expires ${expires} is not a duration such as 8h, 90m or 3600s`);
  if (seconds > maxAgeSeconds) {
    throw new LifetimeRefused(`--expires ${expires} is longer than the service accepts: tokens may live at most AUTH_MAX_TOKEN_AGE (${formatDuration(maxAgeSeconds)})`);
  }
  return seconds;
}
