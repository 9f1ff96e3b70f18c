import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandPipeline } from './command-pipeline.ts';
import { ProcessingRestriction } from '../personal-data/processing-restriction.ts';
import { ContentionBackoff } from './contention-backoff.ts';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.ts';
import { IdempotencyStore } from './idempotency/idempotency.store.ts';

@Global()
@Module({
  providers: [CommandPipeline, ContentionBackoff, ProcessingRestriction, IdempotencyStore, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
  exports: [CommandPipeline],
})
export class CommandPipelineModule {}
