import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/config.schema.ts';
import { AuthFailures } from './auth-failures.ts';
import { AuthGuard } from './auth.guard.ts';
import { resolveJwtSecret } from './jwt-secret.ts';
import { KnownUsers } from './known-users.ts';
import { TokenVerifier } from './token-verifier.ts';

/** Identity providers' clocks run a little ahead of ours; a minute is the usual allowance (as OIDC libraries give). */
const CLOCK_SKEW_SECONDS = 60;

@Global()
@Module({
  providers: [
    KnownUsers,
    AuthFailures,
    {
      provide: TokenVerifier,
      inject: [ConfigService, KnownUsers],
      useFactory: async (config: ConfigService<AppConfig, true>, users: KnownUsers) =>
        new TokenVerifier({
          secret: await resolveJwtSecret({
            AUTH_JWT_SECRET: config.get('AUTH_JWT_SECRET'),
            AUTH_JWT_SECRET_FILE: config.get('AUTH_JWT_SECRET_FILE'),
            AUTH_JWKS_URL: config.get('AUTH_JWKS_URL'),
            DATA_DIR: config.get('DATA_DIR'),
          }),
          jwksUrl: config.get('AUTH_JWKS_URL'),
          issuer: config.get('AUTH_ISSUER'),
          audience: config.get('AUTH_AUDIENCE'),
          policy: { maxAgeSeconds: config.get('AUTH_MAX_TOKEN_AGE'), clockSkewSeconds: CLOCK_SKEW_SECONDS },
          onVerified: (user) => users.learn(user),
        }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier, KnownUsers],
})
export class AuthModule {}
