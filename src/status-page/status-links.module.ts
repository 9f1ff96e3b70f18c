import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema.ts';
import { resolveMasterKey } from '../personal-data/master-key.ts';
import { StatusLinkTokens } from './status-link-token.ts';

const statusLinkTokens = {
  provide: StatusLinkTokens,
  inject: [ConfigService],
  useFactory: async (config: ConfigService<AppConfig, true>) =>
    new StatusLinkTokens(
      await resolveMasterKey({ MASTER_KEY: config.get('MASTER_KEY', { infer: true }), MASTER_KEY_FILE: config.get('MASTER_KEY_FILE', { infer: true }), DATA_DIR: config.get('DATA_DIR', { infer: true }) }),
    ),
};

/** The signer of status links, keyed from the master key every process of a deployment shares. */
@Module({ providers: [statusLinkTokens], exports: [StatusLinkTokens] })
export class StatusLinksModule {}
