import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { StatusLinkTokens } from './status-link-token.ts';

const now = new Date('2026-12-04T10:00:00Z');
const claim = { kind: 'referral' as const, caseId: '0b9d2f4e-1c1a-4d55-9a3e-6f2b8c7d9e10', linkId: 'a3c1f2d4-5b6e-4f70-8a91-b2c3d4e5f607', expiresAt: new Date('2026-12-20T10:00:00Z') };

describe('status link tokens', () => {
  const tokens = new StatusLinkTokens(randomBytes(32));

  it('name the case and link they were signed for, until they expire', () => {
    const token = tokens.sign(claim);
    expect(tokens.verify(token, now)).toEqual(claim);
    expect(tokens.verify(token, new Date('2026-12-20T10:00:00Z'))).toBeUndefined();
  });

  it('are refused when altered, or signed under another master key', () => {
    const token = tokens.sign(claim);
    const [payload, mac] = token.split('.') as [string, string];
    const longer = Buffer.from(payload, 'base64url');
    longer.writeUInt32BE(4102444800, 33);
    expect(tokens.verify(`${longer.toString('base64url')}.${mac}`, now)).toBeUndefined();
    expect(new StatusLinkTokens(randomBytes(32)).verify(token, now)).toBeUndefined();
    expect(tokens.verify('not-a-token', now)).toBeUndefined();
  });
});
