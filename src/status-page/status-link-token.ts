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

/** 128 bits: unguessable, and the token stays short enough for a path segment (and an SMS). */
const MAC_BYTES = 16;
const PAYLOAD_BYTES = 1 + 16 + 16 + 4;
const SHAPE = /^[A-Za-z0-9_-]{50}\.[A-Za-z0-9_-]{22}$/;

/**
 * The token in a status link: the claim (kind, case id, link id, expiry in seconds) packed in binary, and an
 * HMAC of it under a key derived from the master key, so it cannot be guessed or altered and is checked
 * without trusting the client. Whether the link is still the one given (not replaced, not revoked) is then
 * asked of the case itself.
 */
export class StatusLinkTokens {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = createHmac('sha256', masterKey).update('casework status links').digest();
  }

  sign(claim: StatusLinkClaim): string {
    const payload = Buffer.alloc(PAYLOAD_BYTES);
    payload.writeUInt8(STATUS_CASE_KINDS.indexOf(claim.kind), 0);
    uuidBytes(claim.caseId).copy(payload, 1);
    uuidBytes(claim.linkId).copy(payload, 17);
    payload.writeUInt32BE(Math.floor(claim.expiresAt.getTime() / 1000), 33);
    return `${payload.toString('base64url')}.${this.mac(payload).toString('base64url')}`;
  }

  /** The claim of a token this service signed and that has not expired at `now`; undefined for anything else. */
  verify(token: string, now: Date): StatusLinkClaim | undefined {
    if (!SHAPE.test(token)) return undefined;
    const [encoded, mac] = token.split('.') as [string, string];
    const payload = Buffer.from(encoded, 'base64url');
    const given = Buffer.from(mac, 'base64url');
    if (payload.length !== PAYLOAD_BYTES || given.length !== MAC_BYTES || !timingSafeEqual(given, this.mac(payload))) return undefined;
    const kind = STATUS_CASE_KINDS[payload.readUInt8(0)];
    const expiresAt = new Date(payload.readUInt32BE(33) * 1000);
    if (!kind || !(expiresAt > now)) return undefined;
    return { kind, caseId: uuidOf(payload.subarray(1, 17)), linkId: uuidOf(payload.subarray(17, 33)), expiresAt };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, MAC_BYTES);
  }
}

const uuidBytes = (uuid: string) => Buffer.from(uuid.replaceAll('-', ''), 'hex');
const uuidOf = (bytes: Buffer) => bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
