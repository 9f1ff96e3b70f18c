import { LRUCache } from 'lru-cache';

export interface ThrottlePolicy {
  /** Failures from one address within the window that start a block. */
  limit: number;
  windowMs: number;
  blockMs: number;
}

interface AddressRecord {
  windowStart: number;
  failures: number;
  blockedUntil: number;
}

/** Addresses remembered at once: bounds the memory a flood of forged source addresses can take. */
const REMEMBERED_ADDRESSES = 100_000;

/**
 * Counts failed authentications per client address in this process and blocks an address for a while once it
 * reaches the limit within one window, so guessing tokens from one place is slowed to a few tries per block.
 */
export class FailureThrottle {
  private readonly addresses = new LRUCache<string, AddressRecord>({ max: REMEMBERED_ADDRESSES });

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds until the address may try again; 0 when it is not blocked. */
  blockedFor(address: string): number {
    const blockedUntil = this.addresses.get(address)?.blockedUntil ?? 0;
    return Math.max(0, blockedUntil - this.clock());
  }

  /** Counts one failure; true when it is the one that blocks the address. */
  fail(address: string): boolean {
    const now = this.clock();
    const known = this.addresses.get(address);
    const record = known && now - known.windowStart < this.policy.windowMs ? known : { windowStart: now, failures: 0, blockedUntil: known?.blockedUntil ?? 0 };
    record.failures++;
    const blocks = record.failures >= this.policy.limit;
    if (blocks) {
      record.blockedUntil = now + this.policy.blockMs;
      // The next window opens when the block ends.
      record.failures = 0;
      record.windowStart = record.blockedUntil;
    }
    this.addresses.set(address, record);
    return blocks;
  }
}
