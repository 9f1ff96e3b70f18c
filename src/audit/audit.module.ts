import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessLogController } from './access-log/access-log.controller.ts';
import { AccessLogInterceptor } from './access-log/access-log.interceptor.ts';
import { AccessLogRecorder } from './access-log/access-log.recorder.ts';
import { AuditHistoryController } from './history/audit-history.controller.ts';
import { CaseHistories } from './history/case-history.ts';
import { CheckpointScheduler } from './integrity/checkpoint-scheduler.ts';
import { VerifyController } from './integrity/verify.controller.ts';

@Module({
  controllers: [AuditHistoryController, AccessLogController, VerifyController],
  providers: [CaseHistories, CheckpointScheduler, AccessLogRecorder, { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor }],
  exports: [CaseHistories, AccessLogRecorder],
})
export class AuditModule {}
