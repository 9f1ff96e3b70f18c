import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchChromium } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** The API's resource indicator (RFC 8707): an absolute URI, the audience of its access tokens. */
const API = 'https://casework.example/api';
const CLIENT_ID = 'casework-console';

/**
 * The console's sign-in against a real OpenID provider (oidc-provider, certified), its development login
 * standing in for an organisation's: authorisation code with PKCE, and the API's roles from the access token.
 */
describe('console: sign-in with OpenID Connect', () => {
  let harness: TestApp;
  let browser: Browser;
  let server: Server;
  let issuer: string;
  const authorisationRequests: URL[] = [];

  beforeAll(async () => {
    // The provider's address first (the service needs its issuer), its client once the service's address is known.
    let handle: RequestListener = (_request, response) => response.writeHead(503).end();
    server = createServer((request, response) => handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    [harness, browser] = await Promise.all([
      startTestApp({ AUTH_JWT_SECRET: undefined, AUTH_ISSUER: issuer, AUTH_JWKS_URL: `${issuer}/jwks`, AUTH_AUDIENCE: API, CONSOLE_OIDC_CLIENT_ID: CLIENT_ID, CONSOLE_OIDC_SCOPE: 'openid casework' }),
      launchChromium(),
    ]);
    const provider = identityProvider(issuer, `${await harness.app.getUrl()}/console/sign-in/callback`);
    const callback = provider.callback();
    handle = (request, response) => {
      if (request.url?.startsWith('/auth')) authorisationRequests.push(new URL(request.url, issuer));
      callback(request, response);
    };
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    server?.close();
  });

  it('signs a case manager in through the provider, with PKCE, and offers no development sign-in', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${await harness.app.getUrl()}/console`);
    expect(await page.getByText('Development sign-in').count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: "Sign in with your organisation's account" }).click();
    await page.locator('input[name=login]').fill('cm-oidc');
    await page.locator('input[name=password]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/console\/caseload$/);
    await expect(page.locator('.moj-identity-bar').innerText()).resolves.toContain('cm-oidc');
    await expectAccessible(page);
    const authorisation = authorisationRequests[0]!.searchParams;
    expect({ method: authorisation.get('code_challenge_method'), challenge: authorisation.get('code_challenge')?.length, resource: authorisation.get('resource') }).toEqual({ method: 'S256', challenge: 43, resource: API });
  });
});

/** oidc-provider with one public client, PKCE required, and JWT access tokens for the API carrying the user's roles. */
function identityProvider(issuer: string, redirectUri: string): Provider {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, token_endpoint_auth_method: 'none', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    pkce: { required: () => true },
    findAccount: (_context: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
    extraTokenClaims: () => ({ roles: ['case_manager'] }),
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'casework', audience: API, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      },
    },
  });
}
