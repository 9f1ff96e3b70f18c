import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintToken } from './mint-token.ts';
import { InvalidToken, TokenVerifier } from './token-verifier.ts';

const SECRET = 'a-shared-secret-of-at-least-thirty-two-characters';

describe('TokenVerifier', () => {
  it('accepts an HS256 token for the shared secret and keeps only known roles', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    const token = await new SignJWT({ name: 'Alice', roles: ['case_manager', 'wizard'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifier.verify(token)).toEqual({ sub: 'alice', name: 'Alice', roles: ['case_manager'] });
  });

  it('refuses another secret, an expired token and a token without expiry', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    await expect(verifier.verify(await mintToken(`${SECRET}-other`, { sub: 'a', roles: ['admin'] }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(verifier.verify(await mintToken(SECRET, { sub: 'a', roles: ['admin'] }, '-1m'))).rejects.toBeInstanceOf(InvalidToken);
    const noExpiry = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').sign(new TextEncoder().encode(SECRET));
    await expect(verifier.verify(noExpiry)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses a token it verified before once that token has expired', async () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('ida').setExpirationTime(expiresAt).sign(new TextEncoder().encode(SECRET));
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
      new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('ida').setIssuer(issuer).setExpirationTime('5m').sign(privateKey);

    it('verifies tokens signed by the provider, checking the issuer', async () => {
      const verifier = new TokenVerifier({ jwksUrl, issuer: 'https://idp.example' });
      expect(await verifier.verify(await signed('https://idp.example'))).toMatchObject({ sub: 'ida', roles: ['auditor'] });
      await expect(verifier.verify(await signed('https://elsewhere.example'))).rejects.toBeInstanceOf(InvalidToken);
    });

    it('refuses an HS256 token even when the secret would match', async () => {
      const verifier = new TokenVerifier({ jwksUrl });
      await expect(verifier.verify(await mintToken(SECRET, { sub: 'x', roles: ['admin'] }))).rejects.toBeInstanceOf(InvalidToken);
    });
  });
});
