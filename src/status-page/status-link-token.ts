import { createHmac, timingSafeEqual } from 'node:crypto';

export const STATUS_CASE_KINDS = ['referral', 'complaint'] as const;
export type StatusCaseKind = (typeof STATUS_CASE_KINDS)[number];

/** What a link's token names: the case, the link given on it, and when it stops working. */
export interface StatusLinkClaim {
  kind: StatusCaseKind;
  caseId: string;
  linkId: string;
  expiresAt: Date;
}

const MAC_BYTES = 32;
const SHAPE = /^[A-Za-z0-9_-]{1,400}\.[A-Za-z0-9_-]{43}$/;

/**
 * The token in a status link: the claim in the clear and an HMAC of it under a key derived from the master key,
 * so it cannot be guessed or altered and is checked without trusting the client. Whether the link is still the
 * one given (not replaced, not revoked) is then asked of the case itself.
 */
export class StatusLinkTokens {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = createHmac('sha256', masterKey).update('casework status links').digest();
  }

  sign(claim: StatusLinkClaim): string {
    const payload = [claim.kind, claim.caseId, claim.linkId, Math.floor(claim.expiresAt.getTime() / 1000)].join('~');
    return `${Buffer.from(payload).toString('base64url')}.${this.mac(payload).toString('base64url')}`;
  }

  /** The claim of a token this service signed and that has not expired at `now`; undefined for anything else. */
  verify(token: string, now: Date): StatusLinkClaim | undefined {
    if (!SHAPE.test(token)) return undefined;
    const [encoded, mac] = token.split('.') as [string, string];
    const payload = Buffer.from(encoded, 'base64url').toString();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== MAC_BYTES || !timingSafeEqual(given, this.mac(payload))) return undefined;
    const [kind, caseId, linkId, expires] = payload.split('~');
    const expiresAt = new Date(Number(expires) * 1000);
    if (!STATUS_CASE_KINDS.includes(kind as StatusCaseKind) || !caseId || !linkId || !(expiresAt > now)) return undefined;
    return { kind: kind as StatusCaseKind, caseId, linkId, expiresAt };
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}
