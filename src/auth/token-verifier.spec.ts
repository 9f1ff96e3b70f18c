import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintToken } from './mint-token.ts';
import { IdentityProviderUnavailable, InvalidToken, type AuthenticatedUser } from './token-claims.ts';
import { TokenVerifier, type TokenVerifierOptions } from './token-verifier.ts';

const SECRET = 'a-shared-secret-of-at-least-thirty-two-characters';
const policy = { maxAgeSeconds: 8 * 3600, clockSkewSeconds: 60 };
const hs256 = (options: Partial<TokenVerifierOptions> = {}) => new TokenVerifier({ secret: SECRET, policy, ...options });
const signedWith = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
const reasonOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: unknown) => (error instanceof InvalidToken ? error.reason : error));

describe('TokenVerifier', () => {
  it('accepts an HS256 token for the shared secret', async () => {
    const verifier = hs256();
    const token = await new SignJWT({ name: 'Alice', roles: ['case_manager'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifier.verify(token)).toEqual({ sub: 'alice', name: 'Alice', roles: ['case_manager'], teams: [] });
  });

  it('refuses a signed token whose sub is not a user id or whose roles are not known roles', async () => {
    const verifier = hs256();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'alice', roles: ['case_manager'], iat: now, exp: now + 600 };
    for (const sub of [42, { id: 'alice' }, ['alice'], true, '', ' ']) {
      expect(await reasonOf(verifier.verify(await signedWith({ ...claims, sub })))).toBe('invalid-claims');
    }
    expect(await reasonOf(verifier.verify(await signedWith({ ...claims, roles: ['case_manager', 'wizard'] })))).toBe('invalid-claims');
    expect(await reasonOf(verifier.verify(await signedWith({ ...claims, roles: 'admin' })))).toBe('invalid-claims');
  });

  it('refuses a token without an issue time, issued in the future, or living longer than the maximum age', async () => {
    const verifier = hs256();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'alice', roles: ['case_manager'] };
    expect(await reasonOf(verifier.verify(await signedWith({ ...claims, exp: now + 600 })))).toBe('invalid-claims');
    expect(await reasonOf(verifier.verify(await signedWith({ ...claims, iat: now + 3600, exp: now + 7200 })))).toBe('issued-in-future');
    expect(await reasonOf(verifier.verify(await mintToken(SECRET, { sub: 'a', roles: ['admin'] }, '100y')))).toBe('too-long-lived');
    expect(await reasonOf(verifier.verify(await mintToken(SECRET, { sub: 'a', roles: ['admin'] }, '9h')))).toBe('too-long-lived');
    expect(await reasonOf(verifier.verify(await mintToken(SECRET, { sub: 'a', roles: ['admin'] }, '8h')))).toBe('accepted');
  });

  it('tells of each user once per token, and verifies a token again when that failed', async () => {
    const told: AuthenticatedUser[] = [];
    let failing = true;
    const verifier = hs256({
      onVerified: async (user) => {
        if (failing) throw new Error('store down');
        told.push(user);
      },
    });
    const token = await mintToken(SECRET, { sub: 'kay', roles: ['supervisor'] });
    await expect(verifier.verify(token)).rejects.toThrow('store down');
    failing = false;
    await verifier.verify(token);
    await verifier.verify(token);
    expect(told).toEqual([{ sub: 'kay', name: 'kay', roles: ['supervisor'], teams: [] }]);
  });

  it('verifies a token sent by concurrent requests once', async () => {
    let told = 0;
    const verifier = hs256({ onVerified: async () => void told++ });
    const token = await mintToken(SECRET, { sub: 'lee', roles: ['case_manager'], teams: [] });
    const users = await Promise.all([verifier.verify(token), verifier.verify(token), verifier.verify(token)]);
    expect(users.map((user) => user.sub)).toEqual(['lee', 'lee', 'lee']);
    expect(told).toBe(1);
  });

  it('refuses another secret, an expired token and a token without expiry', async () => {
    const verifier = hs256();
    expect(await reasonOf(verifier.verify(await mintToken(`${SECRET}-other`, { sub: 'a', roles: ['admin'] })))).toBe('invalid-token');
    expect(await reasonOf(verifier.verify(await mintToken(SECRET, { sub: 'a', roles: ['admin'] }, '-1m')))).toBe('expired');
    const noExpiry = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuedAt().sign(new TextEncoder().encode(SECRET));
    expect(await reasonOf(verifier.verify(noExpiry))).toBe('invalid-claims');
  });

  it('refuses a token it verified before once that token has expired', async () => {
    const verifier = hs256();
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('ida').setIssuedAt().setExpirationTime(expiresAt).sign(new TextEncoder().encode(SECRET));
    expect(await verifier.verify(token)).toMatchObject({ sub: 'ida' });
    expect(await verifier.verify(token)).toMatchObject({ sub: 'ida' });
    await new Promise((resolve) => setTimeout(resolve, expiresAt * 1000 - Date.now() + 50));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  describe('with an identity provider key set (RS256)', () => {
    let server: Server;
    let jwksUrl: string;
    let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

    beforeAll(async () => {
      const keys = await generateKeyPair('RS256');
      privateKey = keys.privateKey;
      const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const signed = (issuer: string) =>
      new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('ida').setIssuer(issuer).setIssuedAt().setExpirationTime('5m').sign(privateKey);

    it('verifies tokens signed by the provider, checking the issuer', async () => {
      const verifier = new TokenVerifier({ jwksUrl, issuer: 'https://idp.example', policy });
      expect(await verifier.verify(await signed('https://idp.example'))).toMatchObject({ sub: 'ida', roles: ['auditor'] });
      await expect(verifier.verify(await signed('https://elsewhere.example'))).rejects.toBeInstanceOf(InvalidToken);
    });

    it('tells an unreachable key set apart from a bad token, which the client could be blamed for', async () => {
      const unreachable = new TokenVerifier({ jwksUrl: 'http://127.0.0.1:1/jwks', policy });
      await expect(unreachable.verify(await signed('https://idp.example'))).rejects.toBeInstanceOf(IdentityProviderUnavailable);
      const verifier = new TokenVerifier({ jwksUrl, policy });
      const otherKey = (await generateKeyPair('RS256')).privateKey;
      const unknownSigner = await new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('ida').setIssuedAt().setExpirationTime('5m').sign(otherKey);
      expect(await reasonOf(verifier.verify(unknownSigner))).toBe('invalid-token');
    });

    it('refuses an HS256 token even when the secret would match', async () => {
      const verifier = new TokenVerifier({ jwksUrl, policy });
      await expect(verifier.verify(await mintToken(SECRET, { sub: 'x', roles: ['admin'] }))).rejects.toBeInstanceOf(InvalidToken);
    });
  });
});
