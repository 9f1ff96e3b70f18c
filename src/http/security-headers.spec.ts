import { describe, expect, it } from '@jest/globals';
import { securityHeaders } from './security-headers.ts';

describe('security headers, worked out once from helmet', () => {
  it('sends Strict-Transport-Security and upgrades insecure requests only behind TLS', () => {
    const plain = securityHeaders({ hstsMaxAge: 0 });
    const tls = securityHeaders({ hstsMaxAge: 31_536_000 });
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(plain['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(tls['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(tls['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it("sets helmet's hardening headers with this policy, in lower case as Fastify sends them", () => {
    expect(securityHeaders({ hstsMaxAge: 0 })).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'cross-origin-opener-policy': 'same-origin',
    });
  });
});
