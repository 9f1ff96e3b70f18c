import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/config.schema.ts';
import { AuthGuard } from './auth.guard.ts';
import { resolveJwtSecret } from './jwt-secret.ts';
import { TokenVerifier } from './token-verifier.ts';

@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppConfig, true>) =>
        new TokenVerifier({
          secret: await resolveJwtSecret({
            AUTH_JWT_SECRET: config.get('AUTH_JWT_SECRET'),
            AUTH_JWKS_URL: config.get('AUTH_JWKS_URL'),
            DATA_DIR: config.get('DATA_DIR'),
          }),
          jwksUrl: config.get('AUTH_JWKS_URL'),
          issuer: config.get('AUTH_ISSUER'),
          audience: config.get('AUTH_AUDIENCE'),
        }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
