import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/config.schema.ts';
import { Metrics } from '../observability/metrics.ts';
import { FailureThrottle } from './failure-throttle.ts';
import type { AuthFailureReason } from './token-claims.ts';

/**
 * Failed authentications are counted (metric), logged (reason and client address; never the token, whose
 * claims are unproven) and, for tokens that do not verify, slowed: an address that fails too often is refused
 * for a while. Per process, in memory: each process slows what it sees.
 */
@Injectable()
export class AuthFailures {
  private readonly throttle: FailureThrottle;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly metrics: Metrics,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('Auth');
    this.throttle = new FailureThrottle({ limit: config.get('AUTH_FAILURE_LIMIT'), windowMs: config.get('AUTH_FAILURE_WINDOW_MS'), blockMs: config.get('AUTH_FAILURE_BLOCK_MS') });
  }

  /** Whole seconds until the address may try again (for Retry-After); 0 when it may now. */
  retryAfterSeconds(clientAddress: string): number {
    return Math.ceil(this.throttle.blockedFor(clientAddress) / 1000);
  }

  refusedWhileBlocked(): void {
    this.metrics.authFailures.inc({ reason: 'throttled' });
  }

  /** A request without a token is counted but not slowed: it guesses nothing. */
  failed(reason: AuthFailureReason, clientAddress: string): void {
    this.metrics.authFailures.inc({ reason });
    this.logger.warn({ reason, clientAddress }, 'authentication failed');
    if (reason !== 'missing-token' && this.throttle.fail(clientAddress)) {
      this.logger.warn({ clientAddress, retryAfterSeconds: this.retryAfterSeconds(clientAddress) }, 'too many failed authentications: refusing this address for a while');
    }
  }
}
