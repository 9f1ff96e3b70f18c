import type { JWTPayload } from 'jose';
import { ROLES, type Role } from './roles.ts';

export interface AuthenticatedUser {
  sub: string;
  name: string | undefined;
  roles: Role[];
  /** The teams the identity provider puts the user in (the optional `teams` claim): who may work a case restricted to a team. */
  teams: string[];
}

/** Why a request was refused authentication: a closed set, so it can label a metric. */
export type AuthFailureReason = 'missing-token' | 'invalid-token' | 'expired' | 'invalid-claims' | 'issued-in-future' | 'too-long-lived' | 'too-old';

/** What a client is told of each reason (fixed texts: nothing from the token is echoed). */
export const FAILURE_DESCRIPTIONS: Record<AuthFailureReason, string> = {
  'missing-token': 'A bearer token is required',
  'invalid-token': 'The bearer token is not valid',
  expired: 'The bearer token has expired',
  'invalid-claims': 'The bearer token does not carry a user id, known roles, an issue time and an expiry as this service needs them',
  'issued-in-future': 'The bearer token was issued in the future',
  'too-long-lived': 'The bearer token lives longer than this service accepts',
  'too-old': 'The bearer token was issued longer ago than this service accepts',
};

export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';

  constructor(readonly reason: Exclude<AuthFailureReason, 'missing-token'>) {
    super(FAILURE_DESCRIPTIONS[reason]);
  }
}

/** The key set could not be fetched: no fault of the client's, so neither a 401 nor a failure that slows them. */
export class IdentityProviderUnavailable extends Error {
  override readonly name = 'IdentityProviderUnavailable';
}

export interface TokenPolicy {
  /** The longest a token may live (`exp - iat`) and the oldest it may be (`now - iat`). */
  maxAgeSeconds: number;
  /** How far ahead of ours the issuer's clock may run. */
  clockSkewSeconds: number;
}

/** Longer than any user id an identity provider issues, short enough to store and log. */
const MAX_SUB_LENGTH = 200;
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * The user a signature-checked token names, once its claims are what the service relies on: the `sub` it
 * writes into every event's hash-chained metadata, the roles it authorises by, and a bounded lifetime.
 */
export function userFromClaims(payload: JWTPayload, nowSeconds: number, policy: TokenPolicy): AuthenticatedUser {
  const { sub, roles, iat, exp, teams = [] } = payload;
  if (!isUserId(sub) || !isRoleList(roles) || !isTeamList(teams) || typeof iat !== 'number' || typeof exp !== 'number') throw new InvalidToken('invalid-claims');
  if (iat > nowSeconds + policy.clockSkewSeconds) throw new InvalidToken('issued-in-future');
  if (exp - iat > policy.maxAgeSeconds) throw new InvalidToken('too-long-lived');
  if (nowSeconds - iat > policy.maxAgeSeconds) throw new InvalidToken('too-old');
  return { sub, name: typeof payload.name === 'string' ? payload.name : undefined, roles: [...new Set(roles)], teams: [...new Set(teams)] };
}

function isUserId(sub: unknown): sub is string {
  return typeof sub === 'string' && sub.trim().length > 0 && sub.length <= MAX_SUB_LENGTH && !CONTROL_CHARACTER.test(sub);
}

/** Team ids as a settings list names them: short, plain. */
export const TEAM_ID = /^[\w.-]{1,100}$/;

function isTeamList(teams: unknown): teams is string[] {
  return Array.isArray(teams) && teams.every((team) => typeof team === 'string' && TEAM_ID.test(team));
}

function isRoleList(roles: unknown): roles is Role[] {
  return Array.isArray(roles) && roles.length > 0 && roles.every((role) => ROLES.includes(role as Role));
}
