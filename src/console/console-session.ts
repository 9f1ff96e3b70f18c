import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../auth/roles.ts';

/** Who is signed in, and the bearer token the console calls the API with on their behalf. */
export interface ConsoleSession {
  sub: string;
  roles: Role[];
  token: string;
  /** Seconds since the epoch: the token's own expiry, so the session ends with it. */
  expiresAt: number;
}

const SESSION_COOKIE = 'casework_session';
export const CONSOLE_PATH = '/console';

export interface SessionCookieOptions {
  /** Over TLS (a proxy in front, HSTS configured) the cookie is sent over HTTPS only. */
  secure: boolean;
}

/** Signed (so it cannot be forged or altered), HttpOnly (out of scripts' reach), SameSite=Lax (the OIDC callback is a top-level redirect). */
export function sessionCookieOptions(options: SessionCookieOptions, maxAge?: number) {
  return { path: CONSOLE_PATH, httpOnly: true, sameSite: 'lax' as const, secure: options.secure, signed: true, ...(maxAge === undefined ? {} : { maxAge }) };
}

export function readSession(request: FastifyRequest): ConsoleSession | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const session = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as ConsoleSession;
    return session.expiresAt > Date.now() / 1000 ? session : undefined;
  } catch {
    return undefined;
  }
}

export function writeSession(reply: FastifyReply, session: ConsoleSession, options: SessionCookieOptions): void {
  const value = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url');
  void reply.setCookie(SESSION_COOKIE, value, sessionCookieOptions(options, Math.max(0, Math.floor(session.expiresAt - Date.now() / 1000))));
}

export function clearSession(reply: FastifyReply, options: SessionCookieOptions): void {
  void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options));
}
