import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { ROLES, type Role } from '../../auth/roles.ts';
import type { AppConfig } from '../../config/config.schema.ts';
import { ConsolePageError, type ConsolePages } from '../console-pages.ts';
import { writeSession } from '../console-session.ts';

const FLIGHT_COOKIE = 'casework_oidc';
const CALLBACK = '/console/sign-in/callback';

export const openIdConnectConfigured = (config: AppConfig): boolean => Boolean(config.AUTH_ISSUER && config.AUTH_JWKS_URL && config.CONSOLE_OIDC_CLIENT_ID);

/** A plain-HTTP issuer only on this machine (a development or test provider); anywhere else it must be HTTPS. */
const isLoopback = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * OpenID Connect authorisation code flow with PKCE through openid-client: the provider's access token (a JWT
 * for AUTH_AUDIENCE, carrying `roles`) becomes the session's bearer token, verified by the API on every call.
 */
export function registerOpenIdConnectSignIn(console: FastifyInstance, pages: ConsolePages, config: AppConfig): void {
  const issuer = new URL(config.AUTH_ISSUER!);
  let discovered: Promise<oidc.Configuration> | undefined;
  // Discovered on the first sign-in, not at start: the service starts while its identity provider is away.
  const provider = () => {
    discovered ??= oidc
      .discovery(issuer, config.CONSOLE_OIDC_CLIENT_ID!, config.CONSOLE_OIDC_CLIENT_SECRET, config.CONSOLE_OIDC_CLIENT_SECRET ? undefined : oidc.None(), {
        execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const redirectUri = (request: FastifyRequest) => pages.absoluteUrl(request, CALLBACK);
  const flightCookie = { path: CALLBACK, httpOnly: true, sameSite: 'lax' as const, secure: pages.cookies.secure, signed: true, maxAge: 600 };

  // A link, not a form: the CSP's form-action would stop a form's redirect to the provider; state and PKCE bind the flight to this browser.
  console.get('/console/sign-in/oidc', async (request, reply) => {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(await provider(), {
      redirect_uri: redirectUri(request),
      scope: config.CONSOLE_OIDC_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...(config.AUTH_AUDIENCE ? { resource: config.AUTH_AUDIENCE } : {}),
    });
    void reply.setCookie(FLIGHT_COOKIE, JSON.stringify({ verifier, state }), flightCookie);
    return reply.redirect(url.href, 303);
  });

  console.get(CALLBACK, async (request, reply) => {
    const flight = request.unsignCookie(request.cookies[FLIGHT_COOKIE] ?? '');
    if (!flight.valid || !flight.value) throw new ConsolePageError(403, 'This sign-in has expired: sign in again.');
    const { verifier, state } = JSON.parse(flight.value) as { verifier: string; state: string };
    void reply.clearCookie(FLIGHT_COOKIE, flightCookie);
    const tokens = await oidc
      .authorizationCodeGrant(await provider(), new URL(request.url, redirectUri(request)), { pkceCodeVerifier: verifier, expectedState: state })
      .catch(() => {
        throw new ConsolePageError(403, 'The identity provider did not sign you in: sign in again.');
      });
    const claims = decodeJwt(tokens.access_token);
    const roles = (Array.isArray(claims.roles) ? claims.roles : []).filter((role): role is Role => ROLES.includes(role as Role));
    if (!claims.sub || roles.length === 0 || !claims.exp) throw new ConsolePageError(403, 'Your account has no role in Casework.');
    writeSession(reply, { sub: claims.sub, roles, token: tokens.access_token, expiresAt: claims.exp }, pages.cookies);
    return reply.redirect('/console/home', 303);
  });
}
